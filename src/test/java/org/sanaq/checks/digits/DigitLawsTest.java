package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class DigitLawsTest {

    @Test
    void secondDigitMeanIsMebanes4187() {
        // Σ_k k·Σ_j log10(1 + 1/(10j + k)) = 4.18738...; METHODS.md prints it to three decimals
        assertEquals(4.187, DigitLaws.SECOND_DIGIT_MEAN, 5e-4);
        double sum = 0;
        for (double p : DigitLaws.BENFORD_SECOND) {
            sum += p;
        }
        assertEquals(1, sum, 1e-12);
        // the first second-digit probability, 0.11968, as tabulated by Nigrini (2012, Table 5.1)
        assertEquals(0.11968, DigitLaws.BENFORD_SECOND[0], 5e-6);
    }

    @Test
    void chiSquareOfAHandTable() {
        // 100 last digits, 15 zeros and 5 ones, ten of every other digit: χ² = (5² + 5²)/10 = 5 on 9 d.f.;
        // Commons Math's own chi-square test is an independent computation of the same tail
        long[] observed = {15, 5, 10, 10, 10, 10, 10, 10, 10, 10};
        double[] expected = new double[10];
        java.util.Arrays.fill(expected, 10);
        double reference = new ChiSquareTest().chiSquareTest(expected, observed);
        assertEquals(reference, DigitLaws.chiSquareP(observed, DigitLaws.UNIFORM_LAST), 1e-12);
        assertEquals(0.8343, reference, 1e-4);
    }

    @Test
    void nigriniMadOfAHandTable() {
        // every first digit a 1: |1 − log10 2| + Σ_{d≥2} P(d) = 2·(1 − log10 2), over 9 digits
        long[] ones = {10, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(2 * (1 - Math.log10(2)) / 9, DigitLaws.meanAbsoluteDeviation(ones, DigitLaws.BENFORD_FIRST),
                1e-12);
    }

    @Test
    void meanDigitAndItsTest() {
        // digits 0 and 9 once each: mean 4.5, exactly the uniform expectation, so z = 0 and p = 1
        long[] histogram = {1, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        assertEquals(4.5, DigitLaws.meanDigit(histogram, 0), 1e-12);
        assertEquals(1, DigitLaws.meanTestP(4.5, 2, 4.5, DigitLaws.LAST_DIGIT_VARIANCE), 1e-12);
        // mean 5.5 of 33 digits: z = 1 / sqrt(8.25 / 33) = 2, two-sided p = 0.0455
        assertEquals(0.04550, DigitLaws.meanTestP(5.5, 33, 4.5, DigitLaws.LAST_DIGIT_VARIANCE), 1e-5);
    }

    @Test
    void exactBinomialTestOfAShare() {
        // 2 of 2 when p = 0.5: two-sided exact p = P(0) + P(2) = 0.5
        assertEquals(0.5, DigitLaws.shareTestP(2, 2, 0.5), 1e-12);
        // 0 of 3 when p = 0.5: P(0) + P(3) = 1/4. 1 of 10 at 0.2: P(1) = 10·0.2·0.8⁹ = 0.2684 is below only the
        // mode's P(2) = 45·0.2²·0.8⁸ = 0.3020, so p = 1 − P(2) = 0.6980
        assertEquals(0.25, DigitLaws.shareTestP(0, 3, 0.5), 1e-12);
        assertEquals(1 - 45 * 0.04 * Math.pow(0.8, 8), DigitLaws.shareTestP(1, 10, 0.2), 1e-12);
        // the same as Commons Math's outcome-by-outcome sum, on either side of the mode and far in the tails
        BinomialTest reference = new BinomialTest();
        for (int k : new int[] {0, 60, 85, 96, 100, 104, 130, 180, 500}) {
            for (double p : new double[] {0.1, 0.2, 0.37}) {
                // (Commons Math can sum past 1 at the mode, where every outcome counts)
                double expected = Math.min(1, reference.binomialTest(500, k, p, AlternativeHypothesis.TWO_SIDED));
                assertEquals(expected, DigitLaws.shareTestP(k, 500, p), 1e-9 * Math.max(expected, 1e-12),
                        k + " of 500 at " + p);
            }
        }
    }
}
