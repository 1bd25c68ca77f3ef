package org.sanaq.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers as a language writes them, for every sentence of the checks and the report: counts grouped ("32,251";
 * "32 251" in Russian, with a narrow no-break space), decimals with the language's mark ("43,24" in Russian) and
 * p-values with three significant digits, as a power of ten below 0.001 ("3.20 × 10⁻⁷") and "< 10⁻¹⁰" below that.
 * Languages that group digits with a space get the narrow no-break space (U+202F) that typographers set there, so a
 * number is never broken across lines nor spread by a full space.
 */
public final class Numbers {
    /** Below this a p-value is written "< 10⁻¹⁰": the digits of so small a tail probability say nothing to use. */
    private static final double SMALLEST_P = 1e-10;
    /** The narrow no-break space, between groups of digits where the language groups them with a space. */
    static final char NARROW_SPACE = '\u202F';

    private Numbers() {
    }

    /** The language's decimal mark and digit grouping, a grouping space made narrow and unbreakable. */
    public static DecimalFormatSymbols symbols(Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if (Character.isSpaceChar(symbols.getGroupingSeparator())) {
            symbols.setGroupingSeparator(NARROW_SPACE);
            symbols.setMonetaryGroupingSeparator(NARROW_SPACE);
        }
        return symbols;
    }

    /** A whole number with the language's digit grouping: 32,251 or 32 251. */
    public static String count(long n, Locale locale) {
        return grouped(0, locale).format(n);
    }

    /** A decimal number with the digits it has (43.24, 0.30), grouped, with the language's mark; empty when null. */
    public static String decimal(BigDecimal x, Locale locale) {
        return x == null ? "" : grouped(Math.max(x.scale(), 0), locale).format(x);
    }

    /** A number rounded half up to {@code decimals} places, grouped, with the language's mark. */
    public static String decimal(double x, int decimals, Locale locale) {
        return decimal(BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP), locale);
    }

    /**
     * A p-value for readers: three significant digits ({@code 0.118}, {@code 0.0352}, {@code 1.00}), as a power of
     * ten below 0.001 ({@code 3.20 × 10⁻⁷}), and {@code < 10⁻¹⁰} below that; with the language's decimal mark. Empty
     * when absent.
     */
    public static String p(Double p, Locale locale) {
        if (p == null || p.isNaN()) {
            return "";
        }
        if (p < SMALLEST_P) {
            return "< 10" + superscript(-10);
        }
        char mark = symbols(locale).getDecimalSeparator();
        if (p >= 0.001) {
            BigDecimal rounded = new BigDecimal(p).round(new MathContext(3));
            // the scale that shows three significant digits, trailing zeros included (1.00, 0.00100)
            int scale = 2 - (int) Math.floor(Math.log10(rounded.doubleValue()));
            return rounded.setScale(Math.max(scale, 0), RoundingMode.HALF_UP).toPlainString().replace('.', mark);
        }
        int exponent = (int) Math.floor(Math.log10(p));
        BigDecimal mantissa = new BigDecimal(p / Math.pow(10, exponent)).round(new MathContext(3));
        if (mantissa.compareTo(BigDecimal.TEN) >= 0) { // 9.995e-5 rounds up to 10.0 × 10⁻⁵: one power higher
            mantissa = mantissa.movePointLeft(1).round(new MathContext(3));
            exponent++;
        }
        return mantissa.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', mark) + " × 10"
                + superscript(exponent);
    }

    /**
     * A p-value with its relation, for "p {0}" in a sentence: "= 0.0352", or "< 10⁻¹⁰" (never "p = < 10⁻¹⁰").
     */
    public static String pRelation(Double p, Locale locale) {
        String value = p(p, locale);
        return value.startsWith("<") || value.isEmpty() ? value : "= " + value;
    }

    /**
     * A message format made to write its numbers this way: its number elements ({@code {1,number,integer}},
     * {@code {1,number,#,##0}}) take the language's symbols, and a number given to a plain element ({@code {1}}) is
     * grouped with at most three decimals.
     */
    static void localise(MessageFormat format, Object[] arguments, Locale locale) {
        DecimalFormatSymbols symbols = symbols(locale);
        for (Format f : format.getFormats()) {
            if (f instanceof DecimalFormat decimal) {
                decimal.setDecimalFormatSymbols(symbols);
            }
        }
        Format[] byArgument = format.getFormatsByArgumentIndex();
        for (int i = 0; i < byArgument.length && i < arguments.length; i++) {
            if (byArgument[i] == null && arguments[i] instanceof Number) {
                NumberFormat plain = NumberFormat.getInstance(locale);
                ((DecimalFormat) plain).setDecimalFormatSymbols(symbols);
                format.setFormatByArgumentIndex(i, plain);
            }
        }
    }

    private static DecimalFormat grouped(int decimals, Locale locale) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setDecimalFormatSymbols(symbols(locale));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    /** An integer in superscript digits, e.g. ⁻¹⁰. */
    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder out = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            out.append(digits.charAt(c - '0'));
        }
        return out.toString();
    }
}
