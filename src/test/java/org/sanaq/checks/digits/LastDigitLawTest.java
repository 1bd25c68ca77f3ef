package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The size-aware last-digit expectation, worked out by hand. */
class LastDigitLawTest {

    private static TreeMap<Long, Long> decades(long... totals) {
        TreeMap<Long, Long> out = new TreeMap<>();
        for (int i = 0; i < totals.length; i++) {
            out.put(i + 1L, totals[i]);
        }
        return out;
    }

    @Test
    void middleDecadeOfTotals10And20And30() {
        // decades 1, 2, 3 (counts 10–19, 20–29, 30–39) with 10, 20, 30 counts: s_2 = (30 − 10) / (2·10·20) = 0.05,
        // P(d | 2) = (1 + 0.05·(d − 4.5)) / 10: P(0) = 0.0775, P(9) = 0.1225
        double[] p = LastDigitLaw.conditional(decades(10, 20, 30), 2);
        assertEquals(0.0775, p[0], 1e-12);
        assertEquals(0.1225, p[9], 1e-12);
        assertEquals(0.1 + 0.005 * 0.5, p[5], 1e-12);
        // the ends by one-sided differences of the same order: decade 1, (−3·10 + 4·20 − 30) / (2·10·10) = 0.1;
        // decade 3, (3·30 − 4·20 + 10) / (2·10·30) = 1/30; all three give the same line's slope b = 0.01 per count
        assertEquals(0.1, LastDigitLaw.slope(decades(10, 20, 30), 1), 1e-12);
        assertEquals(1 / 30.0, LastDigitLaw.slope(decades(10, 20, 30), 3), 1e-12);
        // overall: Σ N_k s_k / Σ N_k = (1 + 1 + 1) / 60 = 0.05, so P(d) = (1 + 0.05·(d − 4.5)) / 10, mean
        // 4.5 + 8.25·0.05 = 4.9125, P(0) + P(5) = 0.2 − 0.4·0.05 = 0.18
        double[] all = LastDigitLaw.expected(decades(10, 20, 30));
        assertEquals(4.9125, DigitLaws.mean(all), 1e-12);
        assertEquals(0.18, all[0] + all[5], 1e-12);
    }

    @Test
    void aLinearDensityOfCountsIsReproducedExactly() {
        // the count x = 10..39 appearing 2x − 9 times (a straight line): decade totals 200, 400, 600, and the last
        // digit d appears Σ_k (2(10k + d) − 9) = 6d + 93 times in 1,200 counts
        UnitSummary s = new UnitSummary(100, false);
        long[] observed = new long[10];
        for (long x = 10; x < 40; x++) {
            for (long i = 0; i < 2 * x - 9; i++) {
                s.addCount(x);
            }
            observed[(int) (x % 10)] += 2 * x - 9;
        }
        assertEquals(new TreeMap<>(Map.of(1L, 200L, 2L, 400L, 3L, 600L)), s.decades.sorted());
        double[] p = LastDigitLaw.expected(s.decades.sorted());
        for (int d = 0; d < 10; d++) {
            assertEquals((6 * d + 93) / 1200.0, p[d], 1e-12);
            assertEquals(observed[d] / 1200.0, p[d], 1e-12);
        }
        // its LastC is the expectation, so the chi-square against it is 0 and its p-value 1
        assertEquals(1.0, DigitLaws.chiSquareP(s.last, p), 1e-12);
    }

    @Test
    void flatDecadesGiveUniformDigits() {
        // equal decade totals: every slope 0, so exactly 4.5 and 0.2 (and the counts below 10 play no part)
        TreeMap<Long, Long> flat = decades(50, 50, 50, 50);
        flat.put(0L, 500L);
        double[] p = LastDigitLaw.expected(flat);
        assertArrayEquals(DigitLaws.UNIFORM_LAST, p, 1e-15);
        assertEquals(4.5, DigitLaws.mean(p), 1e-15);
        assertEquals(0.2, p[0] + p[5], 1e-15);
        // a single decade has no neighbour to estimate a slope from: uniform
        assertArrayEquals(DigitLaws.UNIFORM_LAST, LastDigitLaw.expected(decades(80)), 1e-15);
        // no counts ≥ 10 at all: uniform
        assertArrayEquals(DigitLaws.UNIFORM_LAST, LastDigitLaw.expected(new TreeMap<>(Map.of(0L, 9L))), 1e-15);
    }

    @Test
    void steepSlopesAreClippedSoThatNoProbabilityIsNegative() {
        // 1, then 100: s_1 = 2·(100 − 1) / (2·10·1) = 9.9, clipped to 2/9, so P(0 | 1) = (1 − 4.5·2/9) / 10 = 0
        TreeMap<Long, Long> steep = decades(1, 100);
        assertEquals(2 / 9.0, LastDigitLaw.slope(steep, 1), 1e-12);
        assertEquals(0, LastDigitLaw.conditional(steep, 1)[0], 1e-12);
        // decade 2, by the one-sided difference downwards: 2·(100 − 1) / (2·10·100) = 0.099
        assertEquals(0.099, LastDigitLaw.slope(steep, 2), 1e-12);
    }

    @Test
    void pairsOfALinearDensityOverWholeCenturiesAreOneTenthAndOneFifth() {
        // the count x = 10..199 appearing 400 − 2x times: a straight line, so 0.1 and 0.2 exactly; the counts
        // 100..199 hold Σ (400 − 2x) = 10,100, of which the repeated 100, 111, …, 199 hold Σ_j (200 − 22j) = 1,010
        UnitSummary s = new UnitSummary(100, false);
        for (long x = 10; x < 200; x++) {
            for (long i = 0; i < 400 - 2 * x; i++) {
                s.addCount(x);
            }
        }
        assertEquals(10_100, s.atLeast100);
        assertEquals(1_010, s.repeatedPairs);
        double[] pairs = LastDigitLaw.pairs(s.decades.sorted());
        assertEquals(0.1, pairs[0], 1e-12);
        assertEquals(0.2, pairs[1], 1e-12);
        assertEquals(s.adjacentPairs / 10_100.0, pairs[1], 1e-12);
    }

    @Test
    void pairsOfAPartlyFilledCentury() {
        // counts 100..129 only, decade totals 30, 20, 10: slopes −1/30 (one-sided, (−90 + 80 − 10) / 600), −0.05
        // (centred) and −0.1 (one-sided, (30 − 80 + 30) / 200). Repeated: P(0 | 10) = 0.115, P(1 | 11) = 0.1175,
        // P(2 | 12) = 0.125, so (30·0.115 + 20·0.1175 + 10·0.125) / 60 = 0.1175. Adjacent: (P(9) + P(1) | 10) =
        // 0.085 + 0.111667, (P(0) + P(2) | 11) = 0.1225 + 0.1125, (P(1) + P(3) | 12) = 0.135 + 0.115, so
        // (5.9 + 4.7 + 2.5) / 60 = 0.218333. The line f(x) = 13.45 − 0.1x has these decade totals and gives the
        // same: f(100) + f(111) + f(122) = 7.05 and f(101) + f(109) + f(110) + f(112) + f(121) + f(123) = 13.1
        TreeMap<Long, Long> decades = new TreeMap<>(Map.of(10L, 30L, 11L, 20L, 12L, 10L));
        double[] pairs = LastDigitLaw.pairs(decades);
        assertEquals(7.05 / 60, pairs[0], 1e-12);
        assertEquals(13.1 / 60, pairs[1], 1e-12);
        // no count ≥ 100: the fixed values
        assertArrayEquals(new double[] {0.1, 0.2}, LastDigitLaw.pairs(decades(10, 20)), 0);
    }
}
