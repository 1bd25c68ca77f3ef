package org.sanaq.report;

import java.util.Locale;

import org.sanaq.results.Verdict;
import org.sanaq.text.Messages;

/** The report's fixed words: verdicts in plain language, the standing caveat, and how p-values are printed. */
final class Wording {
    static final String CAVEAT = Messages.of(Messages.FALLBACK).format("report.caveat");
    /** Rows of a detail table shown in the PDF, HTML and Markdown; the CSV has them all. */
    static final int MAX_TABLE_ROWS = 40;

    private Wording() {
    }

    static String verdict(Verdict verdict) {
        return switch (verdict) {
            case FLAG -> "Worth a closer look";
            case PASS -> "Nothing unusual";
            case INCONCLUSIVE -> "Too little data";
            case ERROR -> "Could not be computed";
        };
    }

    /** A p-value for readers: three decimals, or scientific notation below 0.001; empty when absent. */
    static String p(Double p) {
        if (p == null || p.isNaN()) {
            return "";
        }
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    /** The line naming the full table's file. */
    static String fullTable(String name, int rows) {
        return "Full table: tables/" + name + ".csv (" + rows + (rows == 1 ? " row)" : " rows)");
    }

    /** Whether the table is cut for display, and where. */
    static String shown(int rows) {
        return rows > MAX_TABLE_ROWS ? "Showing the first " + MAX_TABLE_ROWS + " of " + rows + " rows. " : "";
    }
}
