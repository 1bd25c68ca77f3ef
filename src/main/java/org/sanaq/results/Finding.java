package org.sanaq.results;

import java.util.List;

/**
 * One finding of findings.json: the check, where and what it is about, the statistic and its p-values, the
 * verdict, one sentence a reader understands, and the evidence (the protocols or cells that drive it).
 *
 * <p>Scope is {@code national}, or {@code region=<name>} (optionally after {@code source=<id>;}), or
 * {@code district=<region> / <district>}; a flag whose scope names a region gives that region a drill-down page
 * in the report.
 *
 * @param rank ordering weight for the report's first page: larger is stronger (e.g. −log10 of the adjusted p)
 * @param explainedBy the subject of another finding of the same check that accounts for this one (a flag that is
 *     only a by-product of it); null for a finding that stands on its own. The report does not list explained
 *     flags on its first page and labels them as explained.
 */
public record Finding(String check, String scope, String subject, String statistic, Double value, Double pValue,
        Double pAdjusted, Verdict verdict, String sentence, List<String> evidence, double rank, String explainedBy) {

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A finding that stands on its own. */
    public Finding(String check, String scope, String subject, String statistic, Double value, Double pValue,
            Double pAdjusted, Verdict verdict, String sentence, List<String> evidence, double rank) {
        this(check, scope, subject, statistic, value, pValue, pAdjusted, verdict, sentence, evidence, rank, null);
    }

    /** Whether the first page lists it: a flag that no other finding explains. */
    public boolean headline() {
        return verdict == Verdict.FLAG && explainedBy == null;
    }
}
