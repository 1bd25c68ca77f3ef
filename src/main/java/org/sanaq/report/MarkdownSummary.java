package org.sanaq.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.tablesaw.api.Table;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.DetailTable;

/**
 * summary.md: the title, the standing caveat, the findings table and each check's detail tables (first rows, with
 * the CSV named), as GitHub-flavoured Markdown that pastes cleanly into an article draft. Every text is escaped
 * ({@link #text}): a title, a name or a sentence can never become a heading, a link, an image, HTML or a table
 * column.
 */
final class MarkdownSummary {
    private static final String MARKS = "\\`*[]<>|!&#~";
    /** "1. x" or "1) x" at a line's start: an ordered list item. */
    private static final Pattern ORDERED_ITEM = Pattern.compile("\\d{1,9}()[.)](\\s|$)");
    /** "- x", "+ x" or a line of '=' or '-' alone: a bullet item or a setext heading's underline. */
    private static final Pattern BULLET_OR_RULE = Pattern.compile("[-+](\\s|$)|[=-]+$");
    private MarkdownSummary() {
    }

    static String render(ReportPlan plan, Table findings) {
        StringBuilder md = new StringBuilder();
        Wording words = plan.words();
        md.append("# ").append(text(PdfReport.title(plan))).append("\n\n");
        if (plan.manifest() != null && plan.manifest().election() != null && !plan.manifest().election().isBlank()) {
            md.append(text(plan.manifest().election())).append("\n\n");
        }
        List<String> nothing = plan.nothingUsedLines();
        for (int i = 0; i < nothing.size(); i++) {
            md.append(i == 0 ? "**" + text(nothing.get(i)) + "**" : "- " + text(nothing.get(i))).append("\n\n");
        }
        plan.failedCheckLines().forEach(failed -> md.append("**").append(text(failed)).append("**\n\n"));
        md.append("> ").append(text(words.caveat())).append("\n\n");
        md.append("## ").append(text(words.get("findings.heading"))).append("\n\n");
        table(md, findings);
        if (plan.chartsLeftOutLine() != null) {
            md.append(text(plan.chartsLeftOutLine())).append("\n\n");
        }
        for (ReportPlan.CheckSection section : plan.sections()) {
            CheckDescription d = section.description();
            if (section.tables().isEmpty()) {
                continue;
            }
            md.append("## ").append(text(d.title())).append("\n\n");
            tables(md, words, section.tables());
        }
        if (!plan.otherTables().isEmpty()) {
            md.append("## ").append(text(words.get("other_tables"))).append("\n\n");
            tables(md, words, plan.otherTables());
        }
        return md.toString();
    }

    private static void tables(StringBuilder md, Wording words, List<DetailTable> tables) {
        for (DetailTable detail : tables) {
            md.append("### ").append(text(detail.title() == null || detail.title().isBlank()
                    ? detail.name() : detail.title())).append("\n\n");
            table(md, SummaryTables.head(detail, words));
            md.append(text(words.tableNote(detail.name(), detail.rows().size()))).append("\n\n");
        }
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
