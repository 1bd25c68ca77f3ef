package org.sanaq.checks.roundpct;

import java.util.Locale;

/** Number formatting for findings' sentences and tables, in one place so that every figure reads alike. */
final class Texts {
    private Texts() {
    }

    /** As {@link #decimal(double, Locale)} in the neutral locale: for tables, whose cells are read back. */
    static String decimal(double x) {
        return decimal(x, Locale.ROOT);
    }

    /** No decimal from 100 on, one from 1, two below: as precise as a reader needs, in the locale's digits. */
    static String decimal(double x, Locale locale) {
        if (x >= 100) {
            return String.format(locale, "%,.0f", x);
        }
        return x >= 1 ? String.format(locale, "%.1f", x) : String.format(locale, "%.2f", x);
    }

    static String scientific(double p) {
        return p == 0 ? "<1e-300" : String.format(Locale.ROOT, "%.3g", p);
    }
}
