package org.sanaq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class PoissonBinomialTest {

    /** 50 significant digits: the references below are exact to far better than any tolerance used. */
    private static final MathContext MC = new MathContext(50);

    @Test
    void smallCasesByHand() {
        // p = (0.5, 0.5): P(K>=1) = 1 - 0.5*0.5 = 0.75, P(K>=2) = 0.5*0.5 = 0.25.
        double[] half = {0.5, 0.5};
        assertEquals(0.75, PoissonBinomial.upperTail(half, 1), 1e-16);
        assertEquals(0.25, PoissonBinomial.upperTail(half, 2), 1e-16);
        // p = (0.2, 0.5): P(K>=1) = 1 - 0.8*0.5 = 0.6, P(K>=2) = 0.2*0.5 = 0.1.
        double[] mixed = {0.2, 0.5};
        assertEquals(0.6, PoissonBinomial.upperTail(mixed, 1), 1e-15);
        assertEquals(0.1, PoissonBinomial.upperTail(mixed, 2), 1e-16);
    }

    @Test
    void conventionsAtTheEnds() {
        double[] p = {0.3, 0.7, 0.9};
        assertEquals(1.0, PoissonBinomial.upperTail(p, 0));
        assertEquals(1.0, PoissonBinomial.upperTail(p, -5));
        assertEquals(0.0, PoissonBinomial.upperTail(p, 4));
        assertEquals(1.0, PoissonBinomial.upperTail(new double[0], 0));
        assertEquals(0.0, PoissonBinomial.upperTail(new double[0], 1));
        // Certain trials: with p = (1, 1, 0), K = 2 always.
        double[] certain = {1.0, 1.0, 0.0};
        assertEquals(1.0, PoissonBinomial.upperTail(certain, 2));
        assertEquals(0.0, PoissonBinomial.upperTail(certain, 3));
    }

    /**
     * Against enumeration of all 2^n outcomes, summed in 50-digit decimal arithmetic (so the reference is exact for
     * this purpose). Tolerance 1e-12 relative: the class's bound is about (4n + 1)·2^-53 ≤ 6.4e-15 for n ≤ 14, so
     * 1e-12 leaves a wide margin while still catching any wrong term (which would be off by far more). Values are never
     * near the 1e-300 trimming level here, except exact zeros from p = 0 or 1, which must come out exactly 0.
     */
    @Test
    void matchesBruteForceEnumeration() {
        Random random = new Random(20230319L);
        for (int n = 1; n <= 14; n++) {
            for (int rep = 0; rep < 3; rep++) {
                double[] p = new double[n];
                for (int i = 0; i < n; i++) {
                    p[i] = random.nextDouble();
                }
                if (rep == 2) {
                    // Include certain and impossible trials: some tails are then exactly 0 or 1.
                    p[0] = 1.0;
                    if (n > 1) {
                        p[n - 1] = 0.0;
                    }
                }
                BigDecimal[] tail = bruteForceTails(p);
                for (int k = 0; k <= n + 1; k++) {
                    double expected = k <= n ? tail[k].doubleValue() : 0.0;
                    double actual = PoissonBinomial.upperTail(p, k);
                    String where = "n=" + n + " k=" + k + " p=" + Arrays.toString(p);
                    if (expected == 0.0) {
                        assertEquals(0.0, actual, where);
                    } else {
                        assertEquals(expected, actual, 1e-12 * expected, where);
                    }
                }
            }
        }
    }

    /**
     * Equal p's give the binomial. Reference: Σ_{j≥k} of Commons Math's pmf (Loader's saddle-point algorithm), summed
     * smallest first; never its 1 − CDF, which cancels. Loader's pmf is exp of a log-scale expression whose relative
     * error grows with |log pmf| (at most about 700 · 2^-53 ≈ 1e-13 here), and our side is within (4n + 1)·2^-53 ≈
     * 9e-14 for n = 200, so 1e-10 relative is safe while still tight enough to catch a wrong term.
     */
    @Test
    void equalProbabilitiesGiveTheBinomial() {
        for (double prob : new double[] {0.01, 0.3, 0.5, 0.97}) {
            int n = 200;
            double[] p = new double[n];
            Arrays.fill(p, prob);
            BinomialDistribution binomial = new BinomialDistribution(n, prob);
            double reference = 0.0;
            for (int k = n; k >= 1; k--) {
                reference += binomial.probability(k);
                if (reference > 1e-280) {
                    double actual = PoissonBinomial.upperTail(p, k);
                    assertEquals(reference, actual, 1e-10 * reference, "p=" + prob + " k=" + k);
                }
            }
        }
    }

    /**
     * The far tail must not cancel to 0. All p = 0.05, n = 168, k = 132 (the size of the KZ check: 168 cells, 132
     * round): P = Σ_{j≥132} C(168, j) 0.05^j 0.95^(168−j) ≈ 1e-136 (C(168, 36) ≈ 1e37 times 0.05^132 ≈ 10^-171.7 times
     * 0.95^36 ≈ 0.16). The reference uses the exact binary value of the double 0.05 that the DP also sees, in 50-digit
     * decimal arithmetic, and must agree to 1e-9 relative.
     */
    @Test
    void farTailAgreesWithExactArithmetic() {
        double[] p = new double[168];
        Arrays.fill(p, 0.05);
        double expected = exactBinomialTail(168, 0.05, 132).doubleValue();
        assertTrue(expected > 1e-140 && expected < 1e-130, "reference " + expected);
        assertEquals(expected, PoissonBinomial.upperTail(p, 132), 1e-9 * expected);

        // Deeper still: p = 1e-10, n = 40, k = 20 gives about C(40, 20)·1e-200 ≈ 1.4e-189.
        double[] tiny = new double[40];
        Arrays.fill(tiny, 1e-10);
        double deep = exactBinomialTail(40, 1e-10, 20).doubleValue();
        assertEquals(deep, PoissonBinomial.upperTail(tiny, 20), 1e-9 * deep);
    }

    /** The documented floor: here the true value is 1e-10^40 = 1e-400 < 1e-300, so 0 is the documented answer. */
    @Test
    void valuesBelowTheFloorAreZero() {
        double[] tiny = new double[40];
        Arrays.fill(tiny, 1e-10);
        assertEquals(0.0, PoissonBinomial.upperTail(tiny, 40));
    }

    @Test
    void meanAndVarianceByHand() {
        // p = (0.1, 0.5, 0.9, 1, 0): mean = 0.1 + 0.5 + 0.9 + 1 + 0 = 2.5;
        // variance = 0.1·0.9 + 0.5·0.5 + 0.9·0.1 + 1·0 + 0·1 = 0.09 + 0.25 + 0.09 = 0.43.
        double[] p = {0.1, 0.5, 0.9, 1.0, 0.0};
        assertEquals(2.5, PoissonBinomial.mean(p), 1e-15);
        assertEquals(0.43, PoissonBinomial.variance(p), 1e-15);
        assertEquals(0.0, PoissonBinomial.mean(new double[0]));
        assertEquals(0.0, PoissonBinomial.variance(new double[0]));
    }

    /** n = 50,000 must run (the trimmed window keeps it fast) and give probabilities that fall as k rises. */
    @Test
    void largeNRuns() {
        Random random = new Random(7L);
        double[] p = new double[50_000];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextDouble();
        }
        double mean = PoissonBinomial.mean(p);
        double sd = Math.sqrt(PoissonBinomial.variance(p));
        double previous = 1.0;
        for (double z : new double[] {-10, -1, 0, 1, 5, 20, 60}) {
            int k = (int) Math.ceil(mean + z * sd);
            double tail = PoissonBinomial.upperTail(p, k);
            assertTrue(tail >= 0.0 && tail <= 1.0, "k=" + k + " gives " + tail);
            assertTrue(tail <= previous, "tail must not rise with k, k=" + k);
            previous = tail;
        }
        // Near the centre the normal approximation is good to a few percent.
        double centre = PoissonBinomial.upperTail(p, (int) Math.ceil(mean));
        assertTrue(centre > 0.45 && centre < 0.55, "P(K >= mean) = " + centre);
    }

    @Test
    void rejectsInvalidProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> PoissonBinomial.upperTail(null, 1));
        for (double bad : new double[] {-0.1, 1.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] p = {0.5, bad};
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> PoissonBinomial.upperTail(p, 1));
            assertTrue(e.getMessage().contains("p[1]"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> PoissonBinomial.mean(p));
            assertThrows(IllegalArgumentException.class, () -> PoissonBinomial.variance(p));
        }
    }

    /** tail[k] = P(K ≥ k) for k = 0..n, by summing the probability of every one of the 2^n outcomes. */
    private static BigDecimal[] bruteForceTails(double[] p) {
        int n = p.length;
        BigDecimal[] pmf = new BigDecimal[n + 1];
        Arrays.fill(pmf, BigDecimal.ZERO);
        enumerate(p, 0, 0, BigDecimal.ONE, pmf);
        BigDecimal[] tail = new BigDecimal[n + 1];
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = n; k >= 0; k--) {
            sum = sum.add(pmf[k], MC);
            tail[k] = sum;
        }
        return tail;
    }

    /** Visits every outcome of trials i..n-1, given the outcomes before i had {@code count} successes and {@code prob}. */
    private static void enumerate(double[] p, int i, int count, BigDecimal prob, BigDecimal[] pmf) {
        if (i == p.length) {
            pmf[count] = pmf[count].add(prob, MC);
            return;
        }
        BigDecimal success = new BigDecimal(p[i]);
        enumerate(p, i + 1, count + 1, prob.multiply(success, MC), pmf);
        enumerate(p, i + 1, count, prob.multiply(BigDecimal.ONE.subtract(success), MC), pmf);
    }

    /** Σ_{j≥k} C(n, j) p^j (1 − p)^(n−j) for the exact binary value of p, in 50-digit arithmetic. */
    private static BigDecimal exactBinomialTail(int n, double p, int k) {
        BigDecimal pe = new BigDecimal(p);
        BigDecimal qe = BigDecimal.ONE.subtract(pe);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal choose = BigDecimal.ONE; // C(n, j), updated as j rises
        for (int j = 0; j <= n; j++) {
            if (j > 0) {
                choose = choose.multiply(BigDecimal.valueOf(n - j + 1)).divide(BigDecimal.valueOf(j));
            }
            if (j >= k) {
                sum = sum.add(choose.multiply(pe.pow(j, MC), MC).multiply(qe.pow(n - j, MC), MC), MC);
            }
        }
        return sum;
    }
}
