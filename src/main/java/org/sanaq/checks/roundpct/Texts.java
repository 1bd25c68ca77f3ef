package org.sanaq.checks.roundpct;

import java.util.List;
import java.util.Locale;

/** Number and list formatting for findings' sentences, in one place so that every sentence reads alike. */
final class Texts {
    private Texts() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String decimal(double x) {
        if (x >= 100) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        return x >= 1 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.2f", x);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    static String scientific(double p) {
        return p == 0 ? "<1e-300" : String.format(Locale.ROOT, "%.3g", p);
    }

    /** "= 0.03" or "< 1e-300": a p-value as a reader sees it. */
    static String pValue(double p) {
        if (p == 0) {
            return "< 1e-300";
        }
        return p >= 0.001 ? String.format(Locale.ROOT, "= %.3f", p) : String.format(Locale.ROOT, "= %.1e", p);
    }

    /** The first {@code limit} names, then "and N more (see table)". */
    static String names(List<String> names, int limit, String table) {
        if (names.size() <= limit) {
            return String.join("; ", names);
        }
        return String.join("; ", names.subList(0, limit)) + "; and " + (names.size() - limit) + " more (" + table
                + ")";
    }
}
