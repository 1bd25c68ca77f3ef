package org.sanaq.report;

import java.util.List;

import tech.tablesaw.api.Table;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.DetailTable;

/**
 * summary.md: the title, the standing caveat, the findings table and each check's detail tables (first rows, with
 * the CSV named), as GitHub-flavoured Markdown that pastes cleanly into an article draft.
 */
final class MarkdownSummary {
    private MarkdownSummary() {
    }

    static String render(ReportPlan plan, Table findings) {
        StringBuilder md = new StringBuilder();
        Wording words = plan.words();
        md.append("# ").append(inline(PdfReport.title(plan))).append("\n\n");
        if (plan.manifest() != null && plan.manifest().election() != null && !plan.manifest().election().isBlank()) {
            md.append(inline(plan.manifest().election())).append("\n\n");
        }
        md.append("> ").append(words.caveat()).append("\n\n");
        md.append("## ").append(words.get("findings.heading")).append("\n\n");
        table(md, findings);
        for (ReportPlan.CheckSection section : plan.sections()) {
            CheckDescription d = section.description();
            if (section.tables().isEmpty()) {
                continue;
            }
            md.append("## ").append(inline(d.title())).append("\n\n");
            tables(md, words, section.tables());
        }
        if (!plan.otherTables().isEmpty()) {
            md.append("## ").append(words.get("other_tables")).append("\n\n");
            tables(md, words, plan.otherTables());
        }
        return md.toString();
    }

    private static void tables(StringBuilder md, Wording words, List<DetailTable> tables) {
        for (DetailTable detail : tables) {
            md.append("### ").append(inline(detail.title() == null || detail.title().isBlank()
                    ? detail.name() : detail.title())).append("\n\n");
            table(md, SummaryTables.head(detail));
            md.append(inline(words.tableNote(detail.name(), detail.rows().size()))).append("\n\n");
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

    /** A table cell: backslashes, pipes and '<' escaped (so no cell becomes HTML), line breaks as spaces. */
    static String cell(String text) {
        return inline(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "\\<");
    }

    private static String inline(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
