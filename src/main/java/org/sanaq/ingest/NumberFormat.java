package org.sanaq.ingest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Set;

/**
 * How a file writes numbers: which characters may separate thousands in counts, and which character marks
 * decimals. Counts are parsed strictly: a thousands separator must stand between groups of exactly three digits,
 * and decimals are accepted only when they are all zero ({@code 4.0} is 4; {@code 248.291} is an error unless the
 * mapping declares the dot a thousands separator, when it is 248,291).
 */
public record NumberFormat(Set<Character> grouping, Character decimal, boolean decimalDeclared)
        implements Serializable {

    /** Plain numbers: no thousands separators, a dot for decimals (by default, not declared by a mapping). */
    public static final NumberFormat PLAIN = new NumberFormat(Set.of(), '.', false);

    /** A format whose decimal mark the mapping declared. */
    public NumberFormat(Set<Character> grouping, Character decimal) {
        this(grouping, decimal, true);
    }

    public NumberFormat {
        grouping = Set.copyOf(grouping);
        if (decimal != null && grouping.contains(decimal)) {
            throw new IllegalArgumentException("the decimal mark '" + decimal + "' is also a thousands separator");
        }
    }

    /**
     * Parses a count. Returns null for an empty cell (not reported).
     *
     * @throws NumberProblem with a reason a reader understands when the text is not a whole, non-negative number
     */
    public Long parseCount(String text) throws NumberProblem {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return null;
        }
        long plain = plainDigits(s);
        if (plain >= 0) {
            return plain;
        }
        if (s.startsWith("-")) {
            throw new NumberProblem("negative count '" + s + "'");
        }
        String whole = s;
        if (decimal != null) {
            int mark = s.indexOf(decimal);
            if (mark >= 0) {
                if (!allDigits(s, mark + 1, s.length())) {
                    throw new NumberProblem("'" + s + "' is not a number");
                }
                for (int i = mark + 1; i < s.length(); i++) {
                    if (s.charAt(i) != '0') {
                        throw new NumberProblem("count '" + s + "' is not a whole number");
                    }
                }
                if (s.length() - mark - 1 == 3 && !decimalDeclared) {
                    // "1.000" is one in some countries and a thousand in others: never guess.
                    throw new NumberProblem("count '" + s + "' is ambiguous (" + whole(s, mark) + " or "
                            + s.replace(String.valueOf(decimal), "") + "?): declare the decimal mark and the "
                            + "thousands separator under 'numbers' in the mapping");
                }
                whole = s.substring(0, mark);
            }
        }
        String digits = ungroup(whole, s);
        if (digits.length() > 18) {
            throw new NumberProblem("count '" + s + "' is too large");
        }
        return Long.parseLong(digits);
    }

    /** Parses the count in one cell of a record; a problem names the column. */
    public Long parseCount(java.util.List<String> cells, int index, String column) throws NumberProblem {
        try {
            return parseCount(cells.get(index));
        } catch (NumberProblem e) {
            throw new NumberProblem("column '" + column + "': " + e.getMessage());
        }
    }

    private static String whole(String s, int mark) {
        return s.substring(0, mark);
    }

    /** Parses a decimal number (a percentage or a fraction) written with this format's decimal mark. */
    public BigDecimal parseDecimal(String text) throws NumberProblem {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return null;
        }
        String normal = decimal == null ? s : s.replace(decimal.charValue(), '.');
        if (!isDecimal(normal)) {
            throw new NumberProblem("'" + s + "' is not a number");
        }
        return new BigDecimal(normal);
    }

    /** Whether the text is digits with an optional leading minus and an optional '.' followed by digits. */
    private static boolean isDecimal(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int point = text.indexOf('.', start);
        return point < 0 ? allDigits(text, start, text.length())
                : allDigits(text, start, point) && allDigits(text, point + 1, text.length());
    }

    /** The value of up to 18 plain digits (what almost every cell holds), without a regular expression; −1 otherwise. */
    private static long plainDigits(String s) {
        if (s.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The digits of a whole number, written plain or grouped by threes with one of this format's separators. */
    private String ungroup(String whole, String original) throws NumberProblem {
        if (allDigits(whole, 0, whole.length())) {
            return whole;
        }
        for (char sep : grouping) {
            if (groupedByThrees(whole, sep)) {
                return whole.replace(String.valueOf(sep), "");
            }
        }
        for (int i = 0; i < whole.length(); i++) {
            if (grouping.contains(whole.charAt(i))) {
                throw new NumberProblem("count '" + original + "' has thousands separators in the wrong places");
            }
        }
        throw new NumberProblem("'" + original + "' is not a whole number");
    }

    /** Whether the text is one to three digits, then one or more groups of {@code sep} and three digits. */
    private static boolean groupedByThrees(String text, char sep) {
        int first = text.indexOf(sep);
        if (first < 1 || first > 3 || !allDigits(text, 0, first)) {
            return false;
        }
        for (int i = first; i < text.length(); i += 4) {
            if (text.charAt(i) != sep || i + 4 > text.length() || !allDigits(text, i + 1, i + 4)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text[from, to)} is one or more ASCII digits (what the regular expression \d+ matched). */
    private static boolean allDigits(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A cell that is not a number of the expected kind; the message says why, in words. */
    public static final class NumberProblem extends Exception {
        private static final long serialVersionUID = 1L;

        public NumberProblem(String message) {
            super(message);
        }
    }
}
