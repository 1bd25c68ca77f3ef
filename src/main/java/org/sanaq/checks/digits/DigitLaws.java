package org.sanaq.checks.digits;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * The expected digit distributions of METHODS.md §3 and the tests against them: Benford's first and second
 * digits, chi-square and Nigrini's mean absolute deviation, and the two-sided normal test of a mean digit with the
 * variance the law implies (last digits have a law of their own, {@link SmoothCountLaw}).
 */
final class DigitLaws {
    /** P(first digit = d), d = 1..9, at index d − 1: log10(1 + 1/d). */
    static final double[] BENFORD_FIRST = benfordFirst();
    /** P(second digit = k), k = 0..9: Σ_{j=1..9} log10(1 + 1/(10j + k)). */
    static final double[] BENFORD_SECOND = benfordSecond();
    /** The mean second digit under Benford's law, ≈ 4.187 (the 2BL expectation). */
    static final double SECOND_DIGIT_MEAN = mean(BENFORD_SECOND);
    static final double SECOND_DIGIT_VARIANCE = variance(BENFORD_SECOND);
    /** The mean of uniform last digits, shown as LastC's expectation where a row has none of its own. */
    static final double LAST_DIGIT_MEAN = 4.5;

    private DigitLaws() {
    }

    private static double[] benfordFirst() {
        double[] p = new double[9];
        for (int d = 1; d <= 9; d++) {
            p[d - 1] = Math.log10(1 + 1.0 / d);
        }
        return p;
    }

    private static double[] benfordSecond() {
        double[] p = new double[10];
        for (int k = 0; k <= 9; k++) {
            for (int j = 1; j <= 9; j++) {
                p[k] += Math.log10(1 + 1.0 / (10 * j + k));
            }
        }
        return p;
    }

    /** Σ k·p[k]: the mean of digits 0..9 with these probabilities. */
    static double mean(double[] probabilities) {
        double m = 0;
        for (int k = 0; k < probabilities.length; k++) {
            m += k * probabilities[k];
        }
        return m;
    }

    /** Σ (k − mean)²·p[k]: the variance of digits 0..9 with these probabilities. */
    static double variance(double[] probabilities) {
        double m = mean(probabilities);
        double v = 0;
        for (int k = 0; k < probabilities.length; k++) {
            v += (k - m) * (k - m) * probabilities[k];
        }
        return v;
    }

    /** Mean digit of a histogram whose bin i holds digit i + {@code firstDigit}. */
    static double meanDigit(long[] histogram, int firstDigit) {
        long n = 0;
        double sum = 0;
        for (int i = 0; i < histogram.length; i++) {
            n += histogram[i];
            sum += (double) (i + firstDigit) * histogram[i];
        }
        return sum / n;
    }

    /** Pearson's chi-square upper-tail p-value of a histogram against probabilities (bins − 1 degrees of freedom). */
    static double chiSquareP(long[] observed, double[] probabilities) {
        long n = UnitSummary.total(observed);
        double chi2 = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = n * probabilities[i];
            chi2 += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        // the regularised upper incomplete gamma keeps precision where 1 − cdf would round to 0
        return Gamma.regularizedGammaQ((observed.length - 1) / 2.0, chi2 / 2);
    }

    /** Nigrini's mean absolute deviation: the mean over bins of |observed share − expected share|. */
    static double meanAbsoluteDeviation(long[] observed, double[] probabilities) {
        long n = UnitSummary.total(observed);
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            sum += Math.abs((double) observed[i] / n - probabilities[i]);
        }
        return sum / observed.length;
    }

    /** Two-sided normal test of a mean of n digits against the law's mean and variance. */
    static double meanTestP(double mean, long n, double expectedMean, double variance) {
        double z = Math.abs(mean - expectedMean) / Math.sqrt(variance / n);
        return 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-z);
    }
}
