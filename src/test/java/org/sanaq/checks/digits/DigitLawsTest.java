package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        double[] uniform = new double[10];
        java.util.Arrays.fill(uniform, 0.1);
        double reference = new ChiSquareTest().chiSquareTest(expected, observed);
        assertEquals(reference, DigitLaws.chiSquareP(observed, uniform), 1e-12);
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
        // the variance of a uniform digit 0..9 is (10² − 1) / 12 = 8.25
        assertEquals(1, DigitLaws.meanTestP(4.5, 2, 4.5, 8.25), 1e-12);
        // mean 5.5 of 33 digits: z = 1 / sqrt(8.25 / 33) = 2, two-sided p = 0.0455
        assertEquals(0.04550, DigitLaws.meanTestP(5.5, 33, 4.5, 8.25), 1e-5);
    }
}
