package org.sanaq.checks.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** The integer rule at its edges and the binomial table against closed forms. */
class IntegerRuleTest {

    @Test
    void windowIsInclusiveAtExactlyPointZeroFive() {
        assertTrue(IntegerRule.isInteger(861, 2000), "43.05 % is integer (inclusive edge)");
        assertTrue(IntegerRule.isInteger(879, 2000), "43.95 % is integer (inclusive edge)");
        assertFalse(IntegerRule.isInteger(862, 2000), "43.10 %");
        assertTrue(IntegerRule.isInteger(1721, 4000), "43.025 %");
        assertFalse(IntegerRule.isInteger(20_001, 46_400), "43.1056 %");
        assertTrue(IntegerRule.isInteger(19_975, 46_400), "43.0496 %");
        // floating point would miss the edge: 100 · 861 / 2000 is not exactly 43.05 in binary
        assertNotEquals(0.05, Math.abs(100 * (861 / 2000.0) - 43));
    }

    @Test
    void halvesAreNeverInteger() {
        // 42.5 and 43.5 round half to even to 42 and 44; either way they are 0.5 from a whole number
        assertFalse(IntegerRule.isInteger(85, 200));
        assertFalse(IntegerRule.isInteger(87, 200));
        assertEquals(42, Math.rint(42.5));
        assertTrue(IntegerRule.isInteger(0, 350), "0 %");
        assertTrue(IntegerRule.isInteger(350, 350), "100 %");
        assertFalse(IntegerRule.isInteger(1, 3), "33.3 %");
    }

    @Test
    void histogramBinsAreCentredOnTenthsOfPercent() {
        assertEquals(430, IntegerRule.bin(43, 100), "43.00 % in the bin [42.95, 43.05)");
        assertEquals(431, IntegerRule.bin(861, 2000), "43.05 % opens the next bin");
        assertEquals(430, IntegerRule.bin(1719, 4000), "42.975 %");
        assertEquals(1000, IntegerRule.bin(7, 7));
        assertEquals(0, IntegerRule.bin(0, 7));
    }

    @Test
    void integerProbabilityMatchesClosedForms() {
        // n = 3, p = 1/3: 0, 33.3, 66.7, 100 %; integer at 0 and 3: (2/3)^3 + (1/3)^3 = 1/3
        assertEquals(1.0 / 3, IntegerProbability.of(3, 1), 1e-15);
        // n = 40: 100·x/40 = 2.5·x is integer exactly when x is even: P = (1 + (1 − 2p)^40) / 2, p = 1/4
        assertEquals((1 + Math.pow(0.5, 40)) / 2, IntegerProbability.of(40, 10), 1e-14);
        // n = 120: 100·x/120 = 5x/6 is integer only for x ≡ 0 (mod 6), else at least 1/6 away
        assertEquals(multipleOfSix(120, 0.6), IntegerProbability.of(120, 72), 1e-14);
        // n = 1,000: 100x/1000 = x/10 is within 0.05 of a whole number only when x is a multiple of 10.
        // Tolerance 1e-13: the two sums add the same ~100 probabilities in different ways (rounding ~1e-16 each).
        BinomialDistribution b = new BinomialDistribution(null, 1000, 0.37);
        double multiplesOfTen = 0;
        for (int x = 0; x <= 1000; x += 10) {
            multiplesOfTen += b.probability(x);
        }
        assertEquals(multiplesOfTen, IntegerProbability.of(1000, 370), 1e-13);
        assertEquals(1.0, IntegerProbability.of(500, 0), 0, "no votes: always 0 %");
    }

    /** P(X ≡ 0 mod 6) for X ~ Binomial(n, p) by the roots-of-unity filter: (1/6) Σ_j (1 − p + p·ω^j)^n. */
    static double multipleOfSix(int n, double p) {
        double total = 0;
        for (int j = 0; j < 6; j++) {
            double angle = 2 * Math.PI * j / 6;
            double re = 1 - p + p * Math.cos(angle);
            double im = p * Math.sin(angle);
            double modulus = Math.pow(Math.hypot(re, im), n);
            total += modulus * Math.cos(n * Math.atan2(im, re));
        }
        return total / 6;
    }
    /**
     * The null's histogram of one precinct: each 0.1 % bin gets the binomial probability of the counts that fall in
     * it (checked against commons-math's pmf for n = 120, k = 72, where bin 600 holds x = 72 alone), the bins sum to
     * one, and the whole-number bins together hold q (no count of 120 lies on a window's edge).
     */
    @Test
    void theNullsHistogramSpreadsEachPrecinctOverItsBinsAndHoldsQAtWholeNumbers() {
        double[] bins = new double[IntegerRule.BINS];
        double q = IntegerProbability.of(120, 72, bins);
        BinomialDistribution b = new BinomialDistribution(null, 120, 0.6);
        assertEquals(b.probability(72), bins[600], 1e-12);
        assertEquals(b.probability(71), bins[IntegerRule.bin(71, 120)], 1e-12);
        assertEquals(1, java.util.Arrays.stream(bins).sum(), 1e-12);
        double whole = 0;
        for (int percent = 0; percent <= 100; percent++) {
            whole += bins[10 * percent];
        }
        assertEquals(q, whole, 1e-12);
        assertEquals(q, IntegerProbability.of(120, 72), 0, "the same q with or without the histogram");
    }
}
