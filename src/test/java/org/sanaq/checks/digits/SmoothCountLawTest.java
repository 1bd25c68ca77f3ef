package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/** The smooth expectation of a count value from its neighbours, against the formula worked by hand. */
class SmoothCountLawTest {
    /** The chi-square's neighbours of 20 precincts (the other statistics' 5 are tested apart). */
    private static final long NEIGHBOUR = SmoothCountLaw.MIN_NEIGHBOUR_CHI_SQUARE;

    /** h(v) = round(10000·0.7^(v − 8)) for v = 0..40: an exact geometric tail, rounded. */
    static TreeMap<Long, Long> geometric() {
        TreeMap<Long, Long> h = new TreeMap<>();
        for (long v = 0; v <= 40; v++) {
            long count = Math.round(10_000 * Math.pow(0.7, v - 8));
            if (count > 0) {
                h.put(v, count);
            }
        }
        return h;
    }

    /** E(v) by the formula of the issue: (4(g(v−1) + g(v+1)) − (g(v−2) + g(v+2))) / 6, g = log(h + 0.5). */
    private static double byHand(TreeMap<Long, Long> h, long v) {
        double[] g = new double[5];
        for (int i = -2; i <= 2; i++) {
            g[i + 2] = Math.log(h.getOrDefault(v + i, 0L) + 0.5);
        }
        return Math.max(0, Math.exp((4 * (g[1] + g[3]) - (g[0] + g[4])) / 6) - 0.5);
    }

    @Test
    void lagrangeWeightsOfTheFourNearestValuesAreTwoThirdsAndMinusOneSixth() {
        assertArrayEquals(new double[] {-1 / 6.0, 2 / 3.0, 2 / 3.0, -1 / 6.0},
                SmoothCountLaw.lagrange(50, SmoothCountLaw.around(50)), 1e-15);
        // positions −3, −2, +1, +3: w(−3) = (2·(−1)·(−3)) / ((−1)·(−4)·(−6)) = −1/4,
        // w(−2) = (3·(−1)·(−3)) / (1·(−3)·(−5)) = 3/5, w(1) = (3·2·(−3)) / (4·3·(−2)) = 3/4,
        // w(3) = (3·2·(−1)) / (6·5·2) = −1/10; they sum to 1
        double[] w = SmoothCountLaw.lagrange(0, new long[] {-3, -2, 1, 3});
        assertArrayEquals(new double[] {-0.25, 0.6, 0.75, -0.1}, w, 1e-15);
    }

    @Test
    void aGeometricTailIsExpectedAsObservedWhereTheNeighboursHaveTwentyCounts() {
        TreeMap<Long, Long> h = geometric();
        List<SmoothCountLaw.Expectation> tested = new SmoothCountLaw(h).tested(10, Long.MAX_VALUE,
                SmoothCountLaw::around, NEIGHBOUR);
        // 10000·0.7^17 = 23.3 → 23 and 10000·0.7^18 = 16.3 → 16: h ≥ 20 up to v = 25, so v + 2 ≤ 25 gives 10..23
        assertEquals(LongStream.rangeClosed(10, 23).boxed().toList(),
                tested.stream().map(SmoothCountLaw.Expectation::value).toList());
        // with neighbours of 5: 10000·0.7^21 = 5.6 → 6 and 10000·0.7^22 = 3.9 → 4, so 10..27
        assertEquals(LongStream.rangeClosed(10, 27).boxed().toList(), new SmoothCountLaw(h).tested(10, Long.MAX_VALUE,
                SmoothCountLaw::around, SmoothCountLaw.MIN_NEIGHBOUR).stream().map(SmoothCountLaw.Expectation::value)
                .toList());
        for (SmoothCountLaw.Expectation e : tested) {
            long v = e.value();
            assertEquals(byHand(h, v), e.expected(), 1e-9 * e.expected());
            // the log of an exact geometric is linear, so E = h but for rounding: each neighbour's ±0.5 moves its
            // log by at most 0.5 / (h + 0.5), the weights' absolute sum is 5/3, and h(v) itself is ±0.5 off
            long smallest = h.get(v + 2);
            assertEquals(h.get(v), e.expected(), 0.5 + e.expected() * (5 / 6.0) / (smallest + 0.5), "v = " + v);
            assertEquals(h.get(v), e.observed());
        }
    }

    @Test
    void aPoissonCountAndALinearCountAreExpectedWithinRounding() {
        TreeMap<Long, Long> poisson = new TreeMap<>();
        PoissonDistribution law = new PoissonDistribution(8);
        TreeMap<Long, Long> linear = new TreeMap<>();
        for (long v = 0; v < 200; v++) {
            poisson.put(v, Math.round(1e6 * law.probability((int) v)));
            linear.put(v, 2000 - 10 * v);
        }
        // the tails of log Γ are not cubic: 0.3 % at most where h is large (checked apart, bias of E with h = μ)
        for (SmoothCountLaw.Expectation e : new SmoothCountLaw(poisson).tested(10, 199, SmoothCountLaw::around, NEIGHBOUR)) {
            long smallest = poisson.get(e.value() + 2);
            assertEquals(e.observed(), e.expected(), 0.5 + e.expected() * (0.003 + (5 / 6.0) / (smallest + 0.5)));
        }
        // log(2000 − 10v + 0.5) is concave; over ±2 values its cubic misses by 0.02 % at most where h ≥ 20
        List<SmoothCountLaw.Expectation> tested = new SmoothCountLaw(linear).tested(10, 199, SmoothCountLaw::around, NEIGHBOUR);
        assertEquals(10, tested.get(0).value());
        assertEquals(196, tested.get(tested.size() - 1).value()); // h(198) = 20, h(199) = 10
        for (SmoothCountLaw.Expectation e : tested) {
            assertEquals(e.observed(), e.expected(), 0.6, "v = " + e.value());
        }
    }

    @Test
    void pairsTakeTheNearestValuesOutsideTheirSet() {
        // 199 (99) is a repeated pair: 200's neighbours skip it
        assertArrayEquals(new long[] {198, 197, 201, 202}, SmoothCountLaw.nearestOutside(200, RowStatistics::repeated));
        // 109, 110 and 112 as targets: 111's neighbours skip 110 and 109 below and 112 above
        assertArrayEquals(new long[] {108, 107, 113, 114},
                SmoothCountLaw.nearestOutside(111, v -> v == 109 || v == 110 || v == 112));
    }

    @Test
    void aValueIsTestedOnlyWhereAllItsNeighboursHaveTwentyCountsWhateverItsOwnCount() {
        TreeMap<Long, Long> h = new TreeMap<>();
        for (long v = 8; v <= 14; v++) {
            h.put(v, 20L);
        }
        h.put(11L, 0L);
        h.put(13L, 19L);
        // 10: 8, 9, 11 (0), 12: not testable; 11: 9, 10, 12, 13 (19): not; 12, 13: 11 (0): not; 14: 13 (19): not
        assertEquals(List.of(), new SmoothCountLaw(h).tested(10, 100, SmoothCountLaw::around, NEIGHBOUR));
        h.put(13L, 20L);
        // now 11 (its own count 0) is testable: 9, 10, 12, 13 hold 20; E = exp(log 20.5) − 0.5 = 20
        List<SmoothCountLaw.Expectation> tested = new SmoothCountLaw(h).tested(10, 100, SmoothCountLaw::around, NEIGHBOUR);
        assertEquals(1, tested.size());
        assertEquals(11, tested.get(0).value());
        assertEquals(0, tested.get(0).observed());
        assertEquals(20, tested.get(0).expected(), 1e-12);
        assertTrue(tested.get(0).derivatives()[1] > 0);
    }
}
