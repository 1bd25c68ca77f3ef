package org.sanaq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.junit.jupiter.api.Test;

/** The exact two-sided binomial test against hand sums, Commons Math away from its tie flaw, and exact fractions. */
class ExactBinomialTest {

    @Test
    void exactBinomialTestOfAShare() {
        // 2 of 2 when p = 0.5: two-sided exact p = P(0) + P(2) = 0.5
        assertEquals(0.5, ExactBinomial.twoSided(2, 2, 0.5), 1e-12);
        // 0 of 3 when p = 0.5: P(0) + P(3) = 1/4. 1 of 10 at 0.2: P(1) = 10·0.2·0.8⁹ = 0.2684 is below only the
        // mode's P(2) = 45·0.2²·0.8⁸ = 0.3020, so p = 1 − P(2) = 0.6980
        assertEquals(0.25, ExactBinomial.twoSided(0, 3, 0.5), 1e-12);
        assertEquals(1 - 45 * 0.04 * Math.pow(0.8, 8), ExactBinomial.twoSided(1, 10, 0.2), 1e-12);
        // the same as Commons Math's outcome-by-outcome sum, on either side of the mode and far in the tails
        BinomialTest reference = new BinomialTest();
        for (int k : new int[] {0, 60, 85, 96, 100, 104, 130, 180, 500}) {
            for (double p : new double[] {0.1, 0.2, 0.37}) {
                // (Commons Math can sum past 1 at the mode, where every outcome counts)
                double expected = Math.min(1, reference.binomialTest(500, k, p, AlternativeHypothesis.TWO_SIDED));
                assertEquals(expected, ExactBinomial.twoSided(k, 500, p), 1e-9 * Math.max(expected, 1e-12),
                        k + " of 500 at " + p);
            }
        }
    }

    /**
     * At p = ½ the test is symmetric, and equals the exact 2·Σ_{i ≤ min(k, n − k)} C(n, i) / 2ⁿ computed here in
     * whole numbers: the mirror pair of issue 16 (n = 166, k = 21 and 145: 5.46·10⁻²⁴, where Commons Math 3.6.1 gives
     * 3.12·10⁻²⁴ for k = 21), and every k for n up to 400 in steps. Tolerance 1e-9 relative: the incomplete beta
     * function's continued fraction is accurate to about 1e-14, far tighter.
     */
    @Test
    void atOneHalfTheTestIsSymmetricAndExact() {
        assertEquals(exactHalf(21, 166), ExactBinomial.twoSided(21, 166, 0.5), 1e-9 * exactHalf(21, 166));
        assertEquals(ExactBinomial.twoSided(21, 166, 0.5), ExactBinomial.twoSided(145, 166, 0.5), 0.0);
        assertEquals(5.46e-24, ExactBinomial.twoSided(145, 166, 0.5), 0.01e-24);
        for (int n = 1; n <= 400; n += 7) {
            for (int k = 0; k <= n; k++) {
                double expected = exactHalf(k, n);
                assertEquals(expected, ExactBinomial.twoSided(k, n, 0.5), 1e-9 * expected, k + " of " + n);
                assertEquals(ExactBinomial.twoSided(k, n, 0.5), ExactBinomial.twoSided(n - k, n, 0.5), 0.0,
                        "mirror of " + k + " of " + n);
            }
        }
    }

    /** min(1, 2·Σ_{i ≤ min(k, n − k)} C(n, i) / 2ⁿ), in exact whole numbers. */
    private static double exactHalf(int k, int n) {
        int m = Math.min(k, n - k);
        BigInteger sum = BigInteger.ZERO;
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i <= m; i++) {
            sum = sum.add(c);
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        BigDecimal p = new BigDecimal(sum.shiftLeft(1)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)),
                MathContext.DECIMAL128);
        return Math.min(1, p.doubleValue());
    }
}
