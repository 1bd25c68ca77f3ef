package org.sanaq.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.Finding;

/**
 * The report's tables as Tablesaw tables, every cell as text in the report's language: the findings table and the
 * first rows of each detail table. The PDF, HTML and Markdown renderings all draw from these, so that they show the same cells.
 */
final class SummaryTables {
    /** The findings table's columns, named by the words report.column.<name>. */
    static final List<String> FINDING_COLUMNS =
            List.of("verdict", "check", "scope", "subject", "sentence", "p", "adjusted_p");

    private SummaryTables() {
    }

    /** One row per finding, in the given order; the check is named by its title when it has a description. */
    static Table findings(List<Finding> findings, Function<String, CheckDescription> describe, Wording words) {
        List<List<String>> rows = new ArrayList<>();
        for (Finding f : findings) {
            CheckDescription d = describe.apply(f.check());
            rows.add(List.of(words.verdict(f), d == null ? f.check() : d.title(), words.scope(f.scope()),
                    text(f.subject()), text(Wording.sentence(f)), words.p(f.pValue()), words.p(f.pAdjusted())));
        }
        return table("findings", FINDING_COLUMNS.stream().map(c -> words.get("column." + c)).toList(), rows);
    }

    /**
     * A detail table's excerpt ({@link TableExcerpt}: flagged and largest rows first, at most
     * {@link Wording#MAX_TABLE_ROWS}, its totals row last) as a table for reading: its columns headed by their words
     * in the report's language ({@link Wording#column}) and its cells written for reading ({@link CellText}).
     */
    static Table head(TableExcerpt excerpt, String name, Wording words) {
        CellText cells = new CellText(words);
        List<String> columns = excerpt.columns();
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> raw = new ArrayList<>(excerpt.rows());
        if (excerpt.totals() != null) {
            raw.add(excerpt.totals());
        }
        for (List<String> row : raw) {
            List<String> shown = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                shown.add(TableExcerpt.TOTAL.equals(cell) ? words.get("cell.total")
                        : TableExcerpt.isTime(cell) ? TableExcerpt.shownTime(cell)
                        : c < columns.size() ? cells.cell(columns.get(c), cell) : cell);
            }
            rows.add(shown);
        }
        return table(name, columns.stream().map(words::column).toList(), rows);
    }

    /** A table of text columns; repeated or empty column names are made unique, missing cells left empty. */
    static Table table(String name, List<String> columns, List<List<String>> rows) {
        Table table = Table.create(name);
        Set<String> used = new HashSet<>();
        for (int c = 0; c < columns.size(); c++) {
            String base = text(columns.get(c)).isBlank() ? "column " + (c + 1) : columns.get(c);
            String unique = base;
            for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = base + " (" + n + ")";
            }
            StringColumn column = StringColumn.create(unique);
            for (List<String> row : rows) {
                column.append(c < row.size() ? text(row.get(c)) : "");
            }
            table.addColumns(column);
        }
        return table;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
