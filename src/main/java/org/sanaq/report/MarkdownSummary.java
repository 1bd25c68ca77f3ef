package org.sanaq.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.tablesaw.api.Table;

import org.sanaq.results.DetailTable;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;

/**
 * summary.md: what an article pastes, as GitHub-flavoured Markdown. The first page's content (the title, the
 * election, each check that could not run, the data analysed, the standing caveat and the strongest findings with
 * their sentences), the ranked results table (its first {@link #RESULT_ROWS} rows), and a link to each detail
 * table's CSV in the run folder (relative, {@code tables/<name>.csv}) instead of the tables themselves. Every text
 * is escaped ({@link #text}): a title, a name or a sentence can never become a heading, a link, an image, HTML or a
 * table column.
 */
final class MarkdownSummary {
    /** Rows of the ranked results table in the Markdown; the others are in summary.html and findings.json. */
    static final int RESULT_ROWS = 20;
    private static final String MARKS = "\\`*[]<>|!&#~";
    /** "1. x" or "1) x" at a line's start: an ordered list item. */
    private static final Pattern ORDERED_ITEM = Pattern.compile("\\d{1,9}()[.)](\\s|$)");
    /** "- x", "+ x" or a line of '=' or '-' alone: a bullet item or a setext heading's underline. */
    private static final Pattern BULLET_OR_RULE = Pattern.compile("[-+](\\s|$)|[=-]+$");
    /** Where a link goes in a line of words before the line is escaped (a character no text holds). */
    private static final String LINK = "\u0000";

    private MarkdownSummary() {
    }

    static String render(ReportPlan plan, Table findings) {
        StringBuilder md = new StringBuilder();
        Wording words = plan.words();
        md.append("# ").append(text(PdfReport.title(plan))).append("\n\n");
        Manifest m = plan.manifest();
        if (m != null && !PdfReport.blank(m.election())) {
            md.append(text(m.election())).append("\n\n");
        }
        List<String> nothing = plan.nothingUsedLines();
        for (int i = 0; i < nothing.size(); i++) {
            md.append(i == 0 ? "**" + text(nothing.get(i)) + "**" : "- " + text(nothing.get(i))).append("\n\n");
        }
        plan.failedCheckLines().forEach(failed -> md.append("**").append(text(failed)).append("**\n\n"));
        if (m != null) {
            md.append("## ").append(text(words.get("data.heading"))).append("\n\n");
            m.inputs().forEach(input -> md.append("- ").append(text(DataBox.line(words, input)))
                    .append('\n'));
            md.append('\n');
        }
        md.append("> ").append(text(words.caveat())).append("\n\n");
        md.append("## ").append(text(words.get("findings.heading"))).append("\n\n");
        topFindings(md, plan);
        md.append("### ").append(text(words.get("web.all_results", findings.rowCount()))).append("\n\n");
        table(md, findings.rowCount() <= RESULT_ROWS ? findings : findings.first(RESULT_ROWS));
        if (findings.rowCount() > RESULT_ROWS) {
            md.append(text(words.get("web.more_results", findings.rowCount() - RESULT_ROWS))).append("\n\n");
        }
        if (plan.chartsLeftOutLine() != null) {
            md.append(text(plan.chartsLeftOutLine())).append("\n\n");
        }
        tableLinks(md, plan);
        return md.toString();
    }

    /** The first page's findings as a numbered list of their sentences, and how many more flags follow. */
    private static void topFindings(StringBuilder md, ReportPlan plan) {
        Wording words = plan.words();
        List<Finding> top = PdfReport.firstPageFindings(plan);
        if (top.isEmpty()) {
            md.append(text(words.get("findings.none"))).append("\n\n");
            return;
        }
        List<StoryCard> cards = plan.cards(top.size());
        for (int i = 0; i < cards.size(); i++) {
            StoryCard card = cards.get(i);
            md.append(i + 1).append(". **").append(text(card.fact())).append("**  \n   ").append(text(card.weight()))
                    .append("  \n   ").append(text(card.innocent())).append("  \n   ").append(text(card.shows()))
                    .append(' ').append(text(card.doesNotShow())).append("  \n   *").append(text(card.where()))
                    .append("*\n");
        }
        md.append('\n');
        int more = plan.headlines().size() - top.size();
        if (more > 0) {
            md.append(text(words.get("findings.more_flags", more))).append("\n\n");
        }
    }

    /** A line per detail table, in the order of the report: its title and a link to its CSV in the run folder. */
    private static void tableLinks(StringBuilder md, ReportPlan plan) {
        List<DetailTable> tables = new ArrayList<>();
        plan.sections().forEach(section -> tables.addAll(section.tables()));
        tables.addAll(plan.otherTables());
        if (tables.isEmpty()) {
            return;
        }
        Wording words = plan.words();
        md.append("## ").append(text(words.get("web.full_tables"))).append("\n\n");
        for (DetailTable detail : tables) {
            String title = PdfReport.blank(detail.title()) ? detail.name() : detail.title();
            String link = "[" + escape("tables/" + detail.name() + ".csv") + "](" + HtmlTable.csvHref(detail.name())
                    + ")";
            md.append("- ").append(text(words.get("web.table_link", title, LINK, detail.rows().size()))
                    .replace(LINK, link)).append('\n');
        }
        md.append('\n');
    }

    /** A pipe table; an empty table still gets its header so that readers see the columns. */
    static void table(StringBuilder md, Table table) {
        md.append('|');
        for (String name : table.columnNames()) {
            md.append(' ').append(cell(name)).append(" |");
        }
        md.append("\n|");
        for (int c = 0; c < table.columnCount(); c++) {
            md.append(" --- |");
        }
        md.append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            md.append('|');
            for (int c = 0; c < table.columnCount(); c++) {
                md.append(' ').append(cell(table.getString(r, c))).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** A table cell: every Markdown mark escaped ({@link #text} without the line-start rule), so a pipe stays text. */
    static String cell(String text) {
        return escape(text);
    }

    /**
     * A line of text (title, heading, note) escaped as {@link #escape} does, and a list marker or setext underline
     * that would open the line ({@code - x}, {@code + x}, {@code 1. x}, {@code ===}) escaped as well.
     */
    static String text(String text) {
        String line = escape(text);
        Matcher ordered = ORDERED_ITEM.matcher(line);
        if (ordered.lookingAt()) {
            return line.substring(0, ordered.end(1)) + "\\" + line.substring(ordered.end(1));
        }
        return BULLET_OR_RULE.matcher(line).lookingAt() ? "\\" + line : line;
    }

    /**
     * Text on one line with every Markdown mark escaped by a backslash: {@code \ ` * [ ] < > | ! & # ~}, an
     * underscore unless inside a word, and the {@code ://} of a web address and the dot of {@code www.}, so that no
     * autolink forms. Line breaks become spaces.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean inWord = i > 0 && i + 1 < line.length() && Character.isLetterOrDigit(line.charAt(i - 1))
                    && Character.isLetterOrDigit(line.charAt(i + 1));
            if (MARKS.indexOf(c) >= 0 || c == '_' && !inWord || line.startsWith("://", i)
                    || c == '.' && i >= 3 && line.regionMatches(true, i - 3, "www", 0, 3)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
