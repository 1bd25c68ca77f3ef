package org.sanaq.checks.roundpct;

import java.util.Locale;

import org.sanaq.text.Numbers;

/** Number formatting for findings' sentences and tables, in one place so that every figure reads alike. */
final class Texts {
    private Texts() {
    }

    /** As {@link #decimal(double, Locale)} in the neutral locale: for tables, whose cells are read back. */
    static String decimal(double x) {
        return String.format(Locale.ROOT, decimals(x) == 0 ? "%,.0f" : decimals(x) == 1 ? "%.1f" : "%.2f", x);
    }

    /** No decimal from 100 on, one from 1, two below: as precise as a reader needs, as the language writes it. */
    static String decimal(double x, Locale locale) {
        return Numbers.decimal(x, decimals(x), locale);
    }

    private static int decimals(double x) {
        return x >= 100 ? 0 : x >= 1 ? 1 : 2;
    }

    static String scientific(double p) {
        return p == 0 ? "<1e-300" : String.format(Locale.ROOT, "%.3g", p);
    }
}
