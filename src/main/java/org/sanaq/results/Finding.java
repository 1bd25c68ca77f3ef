package org.sanaq.results;

import java.util.List;

/**
 * One finding of findings.json: the check, where and what it is about, the statistic and its p-values, the
 * verdict, one sentence a reader understands, and the evidence (the protocols or cells that drive it).
 *
 * @param rank ordering weight for the report's first page: larger is stronger (e.g. −log10 of the adjusted p)
 */
public record Finding(String check, String scope, String subject, String statistic, Double value, Double pValue,
        Double pAdjusted, Verdict verdict, String sentence, List<String> evidence, double rank) {

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
