package org.sanaq.checks.peaks;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The probability q that a precinct's redrawn figure is an integer percentage under the null model of METHODS.md
 * §5, X ~ Binomial(n, k/n): the sum of the binomial probabilities of the counts inside the integer windows, over
 * mean ± 12 standard deviations, where all but less than 1e-30 of the mass lies. Both nulls rest on q alone: the
 * exact one sums q and q·(1 − q) over precincts, and a Monte Carlo replicate redraws the figure, which lands on an
 * integer with probability q, so it draws Bernoulli(q) without tabulating the counts.
 */
final class IntegerProbability {
    private static final double SPAN_SD = 12;

    private IntegerProbability() {
    }

    /** q for the percentage 100·X/n, X ~ Binomial(n, k/n); 0 ≤ k ≤ n, n ≥ 1. */
    static double of(long n, long k) {
        double p = (double) k / n;
        double sd = Math.sqrt(n * p * (1 - p));
        int low = (int) Math.max(0, Math.floor(k - SPAN_SD * sd - 1));
        int high = (int) Math.min(n, Math.ceil(k + SPAN_SD * sd + 1));
        double[] pmf = probabilities(n, p, low, high);
        double onInteger = 0;
        for (int x = low; x <= high; x++) {
            if (IntegerRule.isInteger(x, n)) {
                onInteger += pmf[x - low];
            }
        }
        return onInteger;
    }

    /**
     * P(X = x) for x from {@code low} to {@code high}: exact (Commons Math) at the mode, then by the ratio of
     * neighbours P(x + 1) / P(x) = (n − x) / (x + 1) · p / (1 − p) outwards, which is some fifty times faster than
     * evaluating each term and loses only about one rounding per step (relative error ≈ 1e-13 after a few hundred).
     */
    private static double[] probabilities(long n, double p, int low, int high) {
        double[] pmf = new double[high - low + 1];
        int mode = (int) Math.min(high, Math.max(low, Math.floor((n + 1) * p)));
        pmf[mode - low] = new BinomialDistribution(null, Math.toIntExact(n), p).probability(mode);
        double odds = p / (1 - p);
        for (int x = mode; x < high; x++) {
            pmf[x + 1 - low] = pmf[x - low] * (n - x) / (x + 1) * odds;
        }
        for (int x = mode; x > low; x--) {
            pmf[x - 1 - low] = pmf[x - low] * x / (n - x + 1) / odds;
        }
        return pmf;
    }
}
