package org.sanaq.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;

/**
 * Numbers on charts in the report's language: its decimal mark ("0,5" in Russian), and digits grouped by a narrow
 * no-break space where the language groups them by a space ("1 234 567"), as typesetters do, and a true minus
 * sign ("−0,5"); the tick units of number axes built on them, so that no tick, label or annotation prints a decimal
 * point in a language that writes a comma. JFreeChart's own tick units format in the machine's locale, whatever the
 * report's language.
 */
final class ChartNumbers {
    /** U+202F, narrow no-break space: the thin space that groups digits without letting a number break. */
    static final char THIN_SPACE = '\u202f';
    /** U+2212, the minus sign: a hyphen is shorter than the plus it stands against. */
    static final char MINUS = '\u2212';
    /** Tick sizes from 10⁻⁴ to 5 × 10⁹ in steps of 1, 2 and 5. */
    private static final int SMALLEST_POWER = -4;
    private static final int LARGEST_POWER = 9;

    private ChartNumbers() {
    }

    /** Numbers with exactly {@code decimals} decimals, in the language's marks. */
    static NumberFormat format(Locale locale, int decimals) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
        if (Character.isSpaceChar(symbols.getGroupingSeparator())) {
            symbols.setGroupingSeparator(THIN_SPACE);
        }
        symbols.setMinusSign(MINUS);
        format.setDecimalFormatSymbols(symbols);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format;
    }

    /** A whole number in the language's grouping. */
    static String count(Locale locale, double n) {
        return format(locale, 0).format(n);
    }

    /**
     * The ticks an axis may choose from: steps of 1, 2 and 5 times a power of ten, each printed with as many
     * decimals as its step needs; with {@code whole} only whole steps, for counts.
     */
    static TickUnitSource ticks(Locale locale, boolean whole) {
        TickUnits units = new TickUnits();
        for (int power = whole ? 0 : SMALLEST_POWER; power <= LARGEST_POWER; power++) {
            for (int multiple : new int[] {1, 2, 5}) {
                double size = multiple * Math.pow(10, power);
                units.add(new NumberTickUnit(size, format(locale, Math.max(0, -power)), multiple == 2 ? 4 : 5));
            }
        }
        return units;
    }

    /** Gives {@code axis} the language's ticks; {@code whole} for an axis of counts. */
    static void apply(NumberAxis axis, Locale locale, boolean whole) {
        axis.setStandardTickUnits(ticks(locale, whole));
    }
}
