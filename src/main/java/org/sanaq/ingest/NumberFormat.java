package org.sanaq.ingest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a file writes numbers: which characters may separate thousands in counts, and which character marks
 * decimals. Counts are parsed strictly: a thousands separator must stand between groups of exactly three digits,
 * and decimals are accepted only when they are all zero ({@code 4.0} is 4; {@code 248.291} is an error unless the
 * mapping declares the dot a thousands separator, when it is 248,291).
 */
public record NumberFormat(Set<Character> grouping, Character decimal, boolean decimalDeclared)
        implements Serializable {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

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
                String fraction = s.substring(mark + 1);
                if (!DIGITS.matcher(fraction).matches()) {
                    throw new NumberProblem("'" + s + "' is not a number");
                }
                if (!fraction.chars().allMatch(ch -> ch == '0')) {
                    throw new NumberProblem("count '" + s + "' is not a whole number");
                }
                if (fraction.length() == 3 && !decimalDeclared) {
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
        if (!normal.matches("-?\\d+(\\.\\d+)?")) {
            throw new NumberProblem("'" + s + "' is not a number");
        }
        return new BigDecimal(normal);
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

    private String ungroup(String whole, String original) throws NumberProblem {
        if (DIGITS.matcher(whole).matches()) {
            return whole;
        }
        for (char sep : grouping) {
            String regex = "\\d{1,3}(" + Pattern.quote(String.valueOf(sep)) + "\\d{3})+";
            if (whole.matches(regex)) {
                return whole.replace(String.valueOf(sep), "");
            }
        }
        if (whole.chars().anyMatch(ch -> grouping.contains((char) ch))) {
            throw new NumberProblem("count '" + original + "' has thousands separators in the wrong places");
        }
        throw new NumberProblem("'" + original + "' is not a whole number");
    }

    /** A cell that is not a number of the expected kind; the message says why, in words. */
    public static final class NumberProblem extends Exception {
        private static final long serialVersionUID = 1L;

        public NumberProblem(String message) {
            super(message);
        }
    }
}
