package org.sanaq.report;

import java.util.Comparator;

import org.sanaq.results.Effect;
import org.sanaq.results.Finding;

/**
 * The one rule by which the report orders findings, whatever check made them: first the strength of the evidence,
 * in three bands, then the part of the election the finding concerns, then the p-value.
 *
 * <ol>
 * <li><b>Strength.</b> Band 1: a fact counted from the documents themselves (protocols that contradict their own
 * arithmetic, their copies or each other: no chance involved), a test whose exact p-value (adjusted for the number
 * of tests where the check adjusts) is below 10⁻¹⁰, or a model estimate whose placebo (the same estimate for every
 * other candidate) reaches the flag level for none of them. Band 2: a test with p below 10⁻⁴, and the other
 * estimates. Band 3: the other flags.</li>
 * <li><b>Effect.</b> Within a band, the larger share of what the finding concerns comes first: the votes of the
 * candidate, the precincts tested, the figures published ({@link Effect#share()}). A finding that measures no
 * amount (a digit statistic) or whose total is unknown counts as none.</li>
 * <li><b>p-value.</b> Then the smaller p; then the order the checks gave.</li>
 * </ol>
 *
 * <p>A flag that another finding explains or that its placebo makes ordinary follows every flag that stands on its
 * own ({@link Finding#headline()}). The bands are wide on purpose: a p of 10⁻¹² and one of 10⁻⁴⁰ are both
 * beyond any chance a reader can weigh, and then how much of the election is concerned is what matters.
 */
final class Ranking {
    /** A test's p below this is as strong as a fact counted from the documents. */
    static final double BEYOND_CHANCE = 1e-10;
    /** A test's p below this is in the second band. */
    static final double STRONG = 1e-4;

    /** Flags that stand on their own first, then by band, effect and p-value. */
    static final Comparator<Finding> STRONGEST_FIRST = Comparator.comparing((Finding f) -> !f.headline())
            .thenComparingInt(Ranking::band)
            .thenComparing(Comparator.comparingDouble(Ranking::share).reversed())
            .thenComparingDouble(Ranking::p);

    private Ranking() {
    }

    /** The finding's strength band: 1 strongest, 3 weakest; 4 for a finding that is no flag. */
    static int band(Finding f) {
        if (f.verdict() != org.sanaq.results.Verdict.FLAG) {
            return 4;
        }
        Effect e = f.effect();
        if (e != null && e.basis() == Effect.Basis.DOCUMENTS) {
            return 1;
        }
        if (e != null && e.basis() == Effect.Basis.ESTIMATE) {
            boolean placeboClean = f.placebo() != null && f.placebo().otherRows() != null
                    && f.placebo().otherRows().tested() > 0 && f.placebo().otherRows().flagged() == 0;
            return placeboClean ? 1 : 2;
        }
        double p = p(f);
        return p < BEYOND_CHANCE ? 1 : p < STRONG ? 2 : 3;
    }

    /** The share of what the finding concerns; 0 when it measures no amount or its total is unknown. */
    static double share(Finding f) {
        Double share = f.effect() == null ? null : f.effect().share();
        return share == null ? 0 : share;
    }

    /** The p-value the band reads: the adjusted one where the check adjusts, else the raw one; 1 when none. */
    static double p(Finding f) {
        Double p = f.pAdjusted() != null ? f.pAdjusted() : f.pValue();
        return p == null ? 1 : p;
    }
}
