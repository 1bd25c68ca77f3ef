package org.sanaq.report;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.sanaq.results.DetailTable;

/**
 * The rows of a detail table that the report shows: flagged rows first, then the largest effect first, cut to
 * {@link Wording#MAX_TABLE_ROWS}, with a totals row where the columns are additive counts. The CSV in tables/ keeps
 * every row in the check's order; only the excerpt is ordered.
 *
 * <p>The order: a flag column ({@link #FLAG_COLUMNS}, or one a table declares in {@link #DECLARED_FLAGS}) puts its
 * flagged rows first; then, where the table has {@code observed} and {@code expected}, the largest gap between them
 * first, else the first effect column ({@link #EFFECT}) by its absolute size; rows that tie keep the file's order.
 * A table with neither keeps the file's order. A column holding one ISO time in every row is left out of the rows and
 * named once in the note.
 *
 * @param columns the columns shown (codes), in the file's order
 * @param rows the rows shown, in the order shown, cells as the check wrote them
 * @param totals the totals row (sums of all rows, not only those shown; the first column says "total"), or null
 * @param flagColumn the column whose flagged rows come first, or null
 * @param effectColumn the column ordering the rest (largest first; "observed" for the gap to expected), or null
 * @param of how many rows the table has
 * @param sameInEveryRow the columns left out because every row holds the same time, with that time as shown
 */
record TableExcerpt(List<String> columns, List<List<String>> rows, List<String> totals, String flagColumn,
        String effectColumn, int of, Map<String, String> sameInEveryRow) {

    /** Columns whose rows read "yes", "true", "FLAG" or a positive count when the row is flagged. */
    static final Set<String> FLAG_COLUMNS = Set.of("flag", "flags", "flagged", "verdict");
    /** Flag columns that tables declare by name, where the rule would not find them. */
    static final Map<String, String> DECLARED_FLAGS = Map.of("round_percentages_cells", "round");
    /** Columns measuring an effect, in the order they are preferred: the first one a table has orders it. */
    static final List<String> EFFECT = List.of("shpilkin_excess_votes", "exact_excess", "mc_excess",
            "abs_difference", "difference_total", "violations", "final_minus_last_voters", "difference", "changes",
            "voters", "precincts");
    /** Columns of counts that add up across rows (a total means something). */
    private static final Pattern ADDITIVE = Pattern.compile("observed|expected|voters|precincts|stations|registered"
            + "|checked|violations|changes|obs|.*_votes|.*_total|.*_voters|.*ballots.*|difference|with_copy"
            + "|registered_with_copy|eligible_cells|round_cells|expected_round_cells|claimed_votes|official_votes");
    /**
     * Columns that tell apart rows of different kinds or levels: rows differing there are not parts of one whole,
     * and their counts are not added.
     */
    private static final Set<String> KINDS = Set.of("level", "scope", "d", "variable", "figure", "bin_width",
            "weighting", "position", "relation", "source", "candidate", "subject", "field");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /** The excerpt of a table, at most {@link Wording#MAX_TABLE_ROWS} rows. */
    static TableExcerpt of(DetailTable table) {
        List<String> columns = table.columns();
        String flag = columns.stream().filter(c -> c.equals(DECLARED_FLAGS.get(table.name()))
                || FLAG_COLUMNS.contains(c)).findFirst().orElse(null);
        boolean gap = columns.contains("observed") && columns.contains("expected");
        String effect = gap ? "observed" : EFFECT.stream().filter(columns::contains).findFirst().orElse(null);
        List<List<String>> ordered = new ArrayList<>(table.rows());
        Comparator<List<String>> order = null;
        if (flag != null) {
            int at = columns.indexOf(flag);
            order = Comparator.comparing(r -> !flagged(cell(r, at)));
        }
        if (effect != null) {
            int at = columns.indexOf(effect);
            int expected = columns.indexOf("expected");
            Comparator<List<String>> bySize = Comparator.comparingDouble(r -> {
                double size = Math.abs(number(cell(r, at)) - (gap ? number(cell(r, expected)) : 0));
                return Double.isNaN(size) ? Double.POSITIVE_INFINITY : -size; // rows without a number come last
            });
            order = order == null ? bySize : order.thenComparing(bySize);
        }
        if (order != null) {
            ordered.sort(order); // stable: rows that tie keep the file's order
        }
        Map<String, String> same = sameTimes(table);
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!same.containsKey(columns.get(c))) {
                kept.add(c);
            }
        }
        List<List<String>> shown = ordered.subList(0, Math.min(Wording.MAX_TABLE_ROWS, ordered.size())).stream()
                .map(r -> project(r, kept)).toList();
        List<String> totals = totals(table);
        return new TableExcerpt(kept.stream().map(columns::get).toList(), shown,
                totals == null ? null : project(totals, kept), flag, effect, table.rows().size(), same);
    }

    /** The line under the table ({@link #note(Wording)}) followed by a line saying where the full table is. */
    String note(Wording words, String fileLine) {
        String note = note(words);
        return note.isEmpty() ? fileLine : note + " " + fileLine;
    }

    /**
     * How the table's rows are ordered, how many are shown of how many, the totals row and the times every row
     * shares; empty for a table of one row.
     */
    String note(Wording words) {
        if (of < 2) { // one row has no order, and shares its times with no other
            return "";
        }
        List<String> parts = new ArrayList<>();
        boolean gap = "observed".equals(effectColumn) && columns.contains("expected");
        String flag = flagColumn == null ? null : words.column(flagColumn);
        String effect = effectColumn == null ? null : words.column(effectColumn);
        if (flag != null) {
            parts.add(effect == null ? words.get("table.order.flag", flag)
                    : gap ? words.get("table.order.flag_then_gap", flag)
                    : words.get("table.order.flag_then_effect", flag, effect));
        } else {
            parts.add(effect == null ? words.get("table.order.file")
                    : gap ? words.get("table.order.gap") : words.get("table.order.effect", effect));
        }
        if (rows.size() < of) {
            parts.add(words.get("table.shown_of", rows.size(), of));
        }
        if (totals != null) {
            parts.add(words.get("table.totals", of));
        }
        sameInEveryRow.forEach((column, time) -> parts.add(words.get("table.same_time", words.column(column), time)));
        return String.join(" ", parts);
    }

    /**
     * The sums of the additive columns over all rows, the first column holding {@link #TOTAL}; null when no column
     * adds up, a column of kinds tells apart rows of different kinds, or the table has fewer than two rows.
     */
    private static List<String> totals(DetailTable table) {
        List<String> columns = table.columns();
        if (table.rows().size() < 2 || columns.isEmpty()) {
            return null;
        }
        for (int c = 0; c < columns.size(); c++) {
            if (KINDS.contains(columns.get(c)) && distinct(table, c) > 1) {
                return null;
            }
        }
        List<String> totals = new ArrayList<>();
        boolean any = false;
        for (int c = 0; c < columns.size(); c++) {
            String sum = c > 0 && ADDITIVE.matcher(columns.get(c)).matches() ? sum(table, c) : "";
            any |= !sum.isEmpty();
            totals.add(sum);
        }
        totals.set(0, TOTAL);
        return any ? totals : null;
    }

    /** The first cell of the totals row, shown in the report's words. */
    static final String TOTAL = "\u0000total";

    /** The column's sum as the checks write numbers (whole when every cell is), or empty when a cell is no number. */
    private static String sum(DetailTable table, int c) {
        double sum = 0;
        boolean whole = true;
        for (List<String> row : table.rows()) {
            String cell = cell(row, c);
            if (cell.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(cell).matches()) {
                return "";
            }
            whole &= !cell.contains(".") && !cell.contains("e") && !cell.contains("E");
            sum += Double.parseDouble(cell);
        }
        return whole ? Long.toString(Math.round(sum)) : Double.toString(sum);
    }

    private static long distinct(DetailTable table, int c) {
        return table.rows().stream().map(r -> cell(r, c)).distinct().count();
    }

    /** Columns whose every row holds the same ISO date-time, each with that time for reading. */
    private static Map<String, String> sameTimes(DetailTable table) {
        Map<String, String> same = new java.util.LinkedHashMap<>();
        if (table.rows().size() < 2) {
            return same;
        }
        for (int c = 0; c < table.columns().size(); c++) {
            String first = cell(table.rows().get(0), c);
            if (time(first) != null && distinct(table, c) == 1) {
                same.put(table.columns().get(c), shownTime(first));
            }
        }
        return same;
    }

    /** An ISO date-time as "2023-03-19 20:00 (UTC+06:00)": local time, its offset once. */
    static String shownTime(String iso) {
        OffsetDateTime t = time(iso);
        return t == null ? iso : t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " (UTC"
                + (t.getOffset().getTotalSeconds() == 0 ? "" : t.getOffset().getId()) + ")";
    }

    /** Whether a cell is an ISO date-time with its offset. */
    static boolean isTime(String cell) {
        return time(cell) != null;
    }

    private static OffsetDateTime time(String cell) {
        if (cell == null || cell.length() < 16 || cell.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(cell);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> project(List<String> row, List<Integer> kept) {
        return kept.stream().map(c -> cell(row, c)).toList();
    }

    private static String cell(List<String> row, int c) {
        return c >= 0 && c < row.size() && row.get(c) != null ? row.get(c) : "";
    }

    private static boolean flagged(String cell) {
        String value = cell.strip();
        if (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("flag")) {
            return true;
        }
        return NUMBER.matcher(value).matches() && Double.parseDouble(value) > 0;
    }

    /** A cell's number, or NaN for text. */
    private static double number(String cell) {
        String value = cell.strip();
        return NUMBER.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
    }
}
