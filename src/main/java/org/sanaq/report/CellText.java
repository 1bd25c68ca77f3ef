package org.sanaq.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.NumberFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A detail table's cell as the report shows it, in the report's language; the CSV in tables/ keeps the cell as the
 * check wrote it. Probabilities read as p-values ({@link Wording#p}), other fractional numbers with at most
 * {@link #SIGNIFICANT} significant digits (whole numbers from 1,000 up), counts with the language's digit grouping,
 * decimal marks in numbers inside longer cells ("3.93 [3.91, 3.94]") in the language's way, and the values the
 * checks write as codes (yes, no, national, official, turnout, FLAG) in words. Names and identifiers (regions,
 * precincts, files, lines) are shown as published.
 */
final class CellText {
    /** Significant digits of a fractional number that is not a probability. */
    static final int SIGNIFICANT = 4;
    /** Columns whose cells are names or identifiers: shown as published, digits and all. */
    private static final Set<String> AS_PUBLISHED = Set.of("region", "district", "precinct", "candidate", "party",
            "label", "name", "input", "unit", "option", "file", "_file", "line", "_line", "position", "digit", "d",
            "document_ref", "election", "reported_at", "last_report_at", "description", "source_description",
            "relation", "claimant", "copy_source");
    /** Columns of probabilities: p-values of every kind, and the chance that a published figure is round. */
    private static final Pattern PROBABILITY = Pattern.compile("(?!n_).*(^|_)p(_value)?(_adjusted|_confident)?"
            + "|chance_round");
    /** Columns that name their precision ({@code percent_5dp}): their decimals are the point, and are kept. */
    private static final Pattern STATED_DECIMALS = Pattern.compile(".*_\\d+dp");
    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9]\\d*)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /** The comma separating two numbers in a list ("[3.9090, 3.9430]"), a semicolon where the comma is decimal. */
    private static final Pattern LIST_COMMA = Pattern.compile("(?<=\\d), (?=-?\\d)");
    /** Code values the checks write in cells, shown by their words {@code report.cell.<value>}. */
    private static final Set<String> CODES = Set.of("yes", "no", "true", "false", "all", "national", "region",
            "precinct", "district", "official", "observer", "turnout", "FLAG");

    private final Wording words;

    CellText(Wording words) {
        this.words = words;
    }

    /** The cell of column {@code column} (a code) for readers. */
    String cell(String column, String value) {
        if (value == null || value.isBlank() || AS_PUBLISHED.contains(column)) {
            return value == null ? "" : value;
        }
        if (CODES.contains(value)) {
            return words.get("cell." + value);
        }
        if (column.equals("scope")) {
            return words.scope(value);
        }
        if (WHOLE.matcher(value).matches() && value.length() < 19) {
            return words.count(Long.parseLong(value));
        }
        if (NUMBER.matcher(value).matches()) {
            return number(column, value);
        }
        return decimals(value).replace(" FLAG", " " + words.get("cell.FLAG"));
    }

    private String number(String column, String value) {
        double x = Double.parseDouble(value);
        if (PROBABILITY.matcher(column).matches() && x >= 0 && x <= 1) {
            return words.p(x).replace(' ', '\u00A0'); // "3.20 × 10⁻⁷" is one number: never broken across lines
        }
        if (STATED_DECIMALS.matcher(column).matches()) {
            return decimals(value);
        }
        return words.number(x);
    }

    /** The numbers in a cell with the language's decimal mark; a list's commas become semicolons where needed. */
    private String decimals(String text) {
        char mark = words.decimalMark();
        if (mark == '.') {
            return text;
        }
        return words.decimalMarks(mark == ',' ? LIST_COMMA.matcher(text).replaceAll("; ") : text);
    }

    /**
     * A number for reading in {@code format}'s language: whole from 1,000 up, else with at most
     * {@link #SIGNIFICANT} significant digits and no trailing zeros.
     */
    static String number(double x, NumberFormat format) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (Math.abs(x) >= 1000) {
            format.setMaximumFractionDigits(0);
            return format.format(Math.round(x));
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(SIGNIFICANT)).stripTrailingZeros();
        format.setMaximumFractionDigits(Math.max(rounded.scale(), 0));
        return format.format(rounded);
    }
}
