package org.sanaq.report;

import java.text.NumberFormat;
import java.util.Locale;

import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;
import org.sanaq.text.Messages;

/**
 * The report's words in its language: every heading, label and sentence of the renderings comes from
 * {@code report_<language>.properties} through here (keys {@code report.<name>}), and numbers are written the way
 * the language writes them. Data values (region and party names, file names) are passed through as published.
 */
final class Wording {
    /** Rows of a detail table shown in the PDF, HTML and Markdown; the CSV has them all. */
    static final int MAX_TABLE_ROWS = 40;

    private final Messages messages;

    Wording(Messages messages) {
        this.messages = messages;
    }

    /** The words of a run's language (its manifest's), English when the language is absent or unknown. */
    static Wording of(String language) {
        return new Wording(Messages.of(language != null && Messages.LANGUAGES.contains(language) ? language
                : Messages.FALLBACK));
    }

    Messages messages() {
        return messages;
    }

    String language() {
        return messages.language();
    }

    /** The pattern {@code report.<name>} filled with the arguments. */
    String get(String name, Object... arguments) {
        return messages.format("report." + name, arguments);
    }

    String caveat() {
        return get("caveat");
    }

    /**
     * The verdict as a reader sees it; a flag that another finding explains, or that its placebo makes ordinary, says
     * so instead of asking for a look.
     */
    String verdict(Finding finding) {
        if (finding.explainedBy() != null) {
            return get("verdict.explained");
        }
        return finding.ordinary() ? get("verdict.ordinary") : verdict(finding.verdict());
    }

    /** The finding's sentence followed by its placebo's, where it has one. */
    static String sentence(Finding finding) {
        return finding.placebo() == null ? finding.sentence() : finding.sentence() + " " + finding.placebo().sentence();
    }

    String verdict(Verdict verdict) {
        return get("verdict." + verdict.id());
    }

    /** A whole number with the language's digit grouping. */
    String count(long n) {
        return NumberFormat.getIntegerInstance(messages.locale()).format(n);
    }

    /** A p-value for readers: three decimals, or scientific notation below 0.001; empty when absent. */
    static String p(Double p) {
        if (p == null || p.isNaN()) {
            return "";
        }
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    /** The line naming the full table's file. */
    String fullTable(String name, int rows) {
        return get("table.full", name, rows);
    }

    /** Whether the table is cut for display, and where; empty when it is shown whole. */
    String shown(int rows) {
        return rows > MAX_TABLE_ROWS ? get("table.shown", MAX_TABLE_ROWS, rows) + " " : "";
    }

    /** The cut notice and the full table's file, as one line under a table. */
    String tableNote(String name, int rows) {
        return shown(rows) + fullTable(name, rows);
    }
}
