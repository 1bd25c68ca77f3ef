package org.sanaq.stats;

import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * The exact two-sided sign test: of n pairs that differ, k went one way; under no systematic direction k ~
 * Binomial(n, 1/2). Commons Math's two-sided binomial test sums the probabilities of every outcome no more likely
 * than k, which for p = 1/2 is 2·min(P(K ≤ k), P(K ≥ k)), capped at 1.
 */
public final class SignTest {
    private SignTest() {
    }

    /** The p-value; 1 when no pair differs. */
    public static double twoSided(long up, long down) {
        long n = up + down;
        if (n == 0) {
            return 1.0;
        }
        return new BinomialTest().binomialTest(Math.toIntExact(n), Math.toIntExact(up), 0.5,
                AlternativeHypothesis.TWO_SIDED);
    }
}
