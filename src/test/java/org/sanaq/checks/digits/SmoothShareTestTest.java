package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * The delta-method test of observed against smoothly expected shares: worked histograms (a geometric tail with and
 * without a comb at multiples of 5, a linear and a Poisson histogram), and its variance against a numerical
 * derivative of the statistic recomputed here from the formula of the issue.
 */
class SmoothShareTestTest {
    private static final LongToDoubleFunction ZERO_OR_FIVE = v -> v % 5 == 0 ? 1 : 0;
    private static final LongToDoubleFunction LAST_DIGIT = v -> v % 10;

    private static SmoothShareTest.Result test(TreeMap<Long, Long> h, LongToDoubleFunction... weights) {
        SmoothCountLaw law = new SmoothCountLaw(h);
        return SmoothShareTest.of(law, law.tested(10, Long.MAX_VALUE, SmoothCountLaw::around, SmoothCountLaw.MIN_NEIGHBOUR_CHI_SQUARE), weights);
    }

    /** The geometric tail of {@link SmoothCountLawTest#geometric} with 30 % more at every multiple of 5. */
    private static TreeMap<Long, Long> comb() {
        TreeMap<Long, Long> h = SmoothCountLawTest.geometric();
        h.replaceAll((v, c) -> v % 5 == 0 ? Math.round(1.3 * c) : c);
        return h;
    }

    @Test
    void aGeometricTailHasTheExpectedShareOfZerosAndFivesAndACombHasNot() {
        SmoothShareTest.Result smooth = test(SmoothCountLawTest.geometric(), ZERO_OR_FIVE);
        // the tested values 10..23: 10, 15, 20 end in 0 or 5; h = 4900, 824, 138 of 16222 (sum of h(10..23))
        assertEquals((4900 + 824 + 138) / 16222.0, smooth.observed()[0], 1e-12);
        assertEquals(16222, smooth.tested());
        // E = h but for rounding (SmoothCountLawTest): the shares agree to 1e-4, far inside one standard error
        assertEquals(smooth.observed()[0], smooth.expected()[0], 1e-4);
        assertTrue(smooth.p() > 0.5, "p = " + smooth.p());
        SmoothShareTest.Result combed = test(comb(), ZERO_OR_FIVE);
        assertTrue(combed.observed()[0] > combed.expected()[0] + 0.05, combed.toString());
        assertTrue(combed.p() < 1e-10, "p = " + combed.p());
    }

    @Test
    void linearAndPoissonHistogramsAreNotFlagged() {
        TreeMap<Long, Long> poisson = new TreeMap<>();
        TreeMap<Long, Long> linear = new TreeMap<>();
        PoissonDistribution law = new PoissonDistribution(8);
        for (long v = 0; v < 200; v++) {
            poisson.put(v, Math.round(1e6 * law.probability((int) v)));
            linear.put(v, 2000 - 10 * v);
        }
        for (TreeMap<Long, Long> h : List.of(poisson, linear)) {
            assertTrue(test(h, ZERO_OR_FIVE).p() > 0.5, "C05s " + test(h, ZERO_OR_FIVE));
            assertTrue(test(h, LAST_DIGIT).p() > 0.5, "LastC " + test(h, LAST_DIGIT));
            assertTrue(test(h, digits()).p() > 0.5, "chi-square " + test(h, digits()).p());
        }
    }

    private static LongToDoubleFunction[] digits() {
        LongToDoubleFunction[] out = new LongToDoubleFunction[9];
        for (int d = 0; d < 9; d++) {
            int digit = d;
            out[d] = v -> v % 10 == digit ? 1 : 0;
        }
        return out;
    }

    /**
     * D_k = Σ a_k·h / Σ h − Σ a_k·E / Σ E over the tested values, E by the formula of the issue, for a histogram of
     * real-valued counts (so that it can be differentiated numerically).
     */
    private static double[] difference(Map<Long, Double> h, List<Long> tested, LongToDoubleFunction[] weights) {
        double[] o = new double[weights.length];
        double[] e = new double[weights.length];
        double oTotal = 0;
        double eTotal = 0;
        for (long v : tested) {
            double[] g = new double[5];
            for (int i = -2; i <= 2; i++) {
                g[i + 2] = Math.log(h.getOrDefault(v + i, 0.0) + 0.5);
            }
            double expected = Math.exp((4 * (g[1] + g[3]) - (g[0] + g[4])) / 6) - 0.5;
            double observed = h.getOrDefault(v, 0.0);
            oTotal += observed;
            eTotal += expected;
            for (int k = 0; k < weights.length; k++) {
                o[k] += weights[k].applyAsDouble(v) * observed;
                e[k] += weights[k].applyAsDouble(v) * expected;
            }
        }
        for (int k = 0; k < weights.length; k++) {
            o[k] = o[k] / oTotal - e[k] / eTotal;
        }
        return o;
    }

    /** The Wald statistic with the covariance Σ_u h(u)·c(u)·c(u)ᵀ, c(u) = ∂D/∂h(u) by central differences. */
    private static double numericalWald(TreeMap<Long, Long> counts, LongToDoubleFunction... weights) {
        SmoothCountLaw law = new SmoothCountLaw(counts);
        List<Long> tested = law.tested(10, Long.MAX_VALUE, SmoothCountLaw::around, SmoothCountLaw.MIN_NEIGHBOUR_CHI_SQUARE).stream()
                .map(SmoothCountLaw.Expectation::value).toList();
        Map<Long, Double> h = new TreeMap<>();
        counts.forEach((v, c) -> h.put(v, c.doubleValue()));
        int k = weights.length;
        double[][] covariance = new double[k][k];
        for (long u : counts.keySet()) {
            double step = 1e-3;
            h.put(u, counts.get(u) + step);
            double[] up = difference(h, tested, weights);
            h.put(u, counts.get(u) - step);
            double[] down = difference(h, tested, weights);
            h.put(u, counts.get(u).doubleValue());
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    covariance[i][j] += counts.get(u) * (up[i] - down[i]) / (2 * step) * (up[j] - down[j])
                            / (2 * step);
                }
            }
        }
        double[] d = difference(h, tested, weights);
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(covariance)).getSolver().getInverse();
        double wald = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                wald += d[i] * inverse.getEntry(i, j) * d[j];
            }
        }
        return wald;
    }

    @Test
    void theDeltaMethodVarianceIsTheNumericalOne() {
        TreeMap<Long, Long> combed = comb();
        for (LongToDoubleFunction[] weights : List.of(new LongToDoubleFunction[] {ZERO_OR_FIVE},
                new LongToDoubleFunction[] {LAST_DIGIT}, digits())) {
            SmoothShareTest.Result result = test(combed, weights);
            double expected = numericalWald(combed, weights);
            // central differences of a smooth function with a step of 1e-3 counts: relative error ~1e-6
            assertEquals(expected, result.chiSquare(), 1e-5 * expected);
            assertEquals(weights.length, result.degrees());
        }
        // one weight: W = z² and p is the two-sided normal p
        SmoothShareTest.Result c05s = test(SmoothCountLawTest.geometric(), ZERO_OR_FIVE);
        double z = Math.sqrt(c05s.chiSquare());
        assertEquals(Erf.erfc(z / Math.sqrt(2)), c05s.p(), 1e-12);
    }

    @Test
    void nothingTestedHasNoValueAndNoTest() {
        TreeMap<Long, Long> sparse = new TreeMap<>(Map.of(10L, 3L, 11L, 4L, 12L, 2L, 13L, 9L));
        SmoothShareTest.Result result = test(sparse, ZERO_OR_FIVE);
        assertEquals(0, result.tested());
        assertTrue(Double.isNaN(result.p()) && Double.isNaN(result.observed()[0]));
    }
}
