package org.sanaq.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tech.tablesaw.api.Table;

import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;

/**
 * A check's findings as one table of units × statistics (the digit tests: the nation's and each region's turnout
 * and candidates by LastC, C05s, P05s, ...): a row per unit (scope and subject), a column per statistic, each cell
 * the statistic's value, a flagged one marked {@link #MARK} with its adjusted p-value. Units with the most flags come
 * first, then the smallest p-value. Findings that are no cell (a summary over all units, an inconclusive or failed
 * test, one without a value) are {@link #outside} the table and stay paragraphs.
 */
record FindingMatrix(List<String> statistics, List<Unit> units, List<Finding> outside) {
    /** The checks whose sections show their findings as a matrix. */
    static final Set<String> CHECKS = Set.of("digit_tests");
    /** The mark of a flagged cell. */
    static final String MARK = "▲";

    /** A row: the unit's scope and subject, and its findings by statistic. */
    record Unit(String scope, String subject, Map<String, Finding> cells) {
        long flags() {
            return cells.values().stream().filter(f -> f.verdict() == Verdict.FLAG).count();
        }

        double smallestP() {
            return cells.values().stream().map(f -> f.pAdjusted() != null ? f.pAdjusted() : f.pValue())
                    .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(1);
        }
    }

    static FindingMatrix of(List<Finding> findings) {
        Set<String> statistics = new LinkedHashSet<>();
        Map<String, Unit> units = new LinkedHashMap<>();
        List<Finding> outside = new ArrayList<>();
        for (Finding f : findings) {
            if (!cell(f)) {
                outside.add(f);
                continue;
            }
            statistics.add(f.statistic());
            units.computeIfAbsent(f.scope() + "\n" + f.subject(),
                    k -> new Unit(f.scope(), f.subject(), new LinkedHashMap<>())).cells().putIfAbsent(f.statistic(), f);
        }
        List<Unit> ordered = new ArrayList<>(units.values());
        ordered.sort(Comparator.comparingLong(Unit::flags).reversed().thenComparingDouble(Unit::smallestP));
        return new FindingMatrix(List.copyOf(statistics), ordered, outside);
    }

    /** Whether a finding is a cell: a unit's statistic with a value, flagged or passed. */
    private static boolean cell(Finding f) {
        return (f.verdict() == Verdict.FLAG || f.verdict() == Verdict.PASS) && f.value() != null
                && !PdfReport.blank(f.statistic()) && !PdfReport.blank(f.scope()) && !PdfReport.blank(f.subject())
                && !f.subject().equals("all");
    }

    /** The table for reading: at most {@link Wording#MAX_TABLE_ROWS} units, the strongest first. */
    Table table(Wording words) {
        CellText text = new CellText(words);
        List<String> columns = new ArrayList<>();
        columns.add(words.get("matrix.unit"));
        statistics.forEach(s -> columns.add(words.column(s)));
        List<List<String>> rows = new ArrayList<>();
        for (Unit unit : units.subList(0, Math.min(Wording.MAX_TABLE_ROWS, units.size()))) {
            List<String> row = new ArrayList<>();
            row.add(words.scope(unit.scope()) + " · " + text.cell("subject", unit.subject()));
            for (String statistic : statistics) {
                Finding f = unit.cells().get(statistic);
                row.add(f == null ? "" : cellText(f, words));
            }
            rows.add(row);
        }
        return SummaryTables.table("matrix", columns, rows);
    }

    private static String cellText(Finding f, Wording words) {
        String value = words.number(f.value());
        if (f.verdict() != Verdict.FLAG) {
            return value;
        }
        Double p = f.pAdjusted() != null ? f.pAdjusted() : f.pValue();
        return value + " " + MARK + (p == null ? "" : " " + words.get("p", words.p(p)));
    }

    /** The line under the table: what a mark means, the order, and how many units are shown of how many. */
    String note(Wording words) {
        long flagged = units.stream().filter(u -> u.flags() > 0).count();
        return words.get("matrix.note", MARK, flagged, units.size())
                + (units.size() > Wording.MAX_TABLE_ROWS
                        ? " " + words.get("table.shown_of", Wording.MAX_TABLE_ROWS, units.size()) : "");
    }
}
