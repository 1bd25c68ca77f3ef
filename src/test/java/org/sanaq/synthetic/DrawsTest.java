package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** The exact samplers against distributions computed independently (Commons Math), with seeded draws. */
class DrawsTest {

    /**
     * 40,000 draws of Binomial(60, 0.3) binned against Commons Math's probabilities (bins with expected count
     * below 5 pooled into the tails); the Pearson statistic must lie below its 0.999 quantile. A wrong step in
     * the outward search (a pmf ratio inverted, a side skipped) moves probability between bins and fails it.
     */
    @Test
    void binomialMatchesTheExactDistribution() {
        int n = 60;
        double p = 0.3;
        int draws = 40_000;
        long[] seen = new long[n + 1];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < draws; i++) {
            seen[(int) Draws.binomial(r, n, p)]++;
        }
        BinomialDistribution exact = new BinomialDistribution(null, n, p);
        double chi2 = 0;
        int bins = 0;
        double pooledExpected = 0;
        long pooledSeen = 0;
        for (int k = 0; k <= n; k++) {
            pooledExpected += draws * exact.probability(k);
            pooledSeen += seen[k];
            if (pooledExpected >= 5 && (k == n || draws * (1 - exact.cumulativeProbability(k)) >= 5)) {
                chi2 += Math.pow(pooledSeen - pooledExpected, 2) / pooledExpected;
                bins++;
                pooledExpected = 0;
                pooledSeen = 0;
            }
        }
        chi2 += pooledExpected > 0 ? Math.pow(pooledSeen - pooledExpected, 2) / pooledExpected : 0;
        double limit = new ChiSquaredDistribution(null, bins - 1).inverseCumulativeProbability(0.999);
        assertTrue(chi2 < limit, chi2 + " >= " + limit + " over " + bins + " bins");
    }

    @Test
    void edgeCasesAndMultinomialTotals() {
        SplittableRandom r = new SplittableRandom(3);
        assertEquals(0, Draws.binomial(r, 0, 0.5));
        assertEquals(0, Draws.binomial(r, 100, 0));
        assertEquals(100, Draws.binomial(r, 100, 1));
        long[] votes = Draws.multinomial(r, 1234, new double[] {0.5, 0.3, 0.2});
        assertEquals(1234, votes[0] + votes[1] + votes[2]);
    }

    @Test
    void streamsDependOnSeedIndexAndPurposeOnly() {
        assertEquals(Draws.stream(5, 17, Draws.Purpose.HONEST).nextLong(),
                Draws.stream(5, 17, Draws.Purpose.HONEST).nextLong());
        assertNotEquals(Draws.stream(5, 17, Draws.Purpose.HONEST).nextLong(),
                Draws.stream(5, 18, Draws.Purpose.HONEST).nextLong());
        assertNotEquals(Draws.stream(5, 17, Draws.Purpose.HONEST).nextLong(),
                Draws.stream(5, 17, Draws.Purpose.STUFFING).nextLong());
        assertNotEquals(Draws.stream(5, 17, Draws.Purpose.HONEST).nextLong(),
                Draws.stream(6, 17, Draws.Purpose.HONEST).nextLong());
    }
}
