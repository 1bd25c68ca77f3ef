package org.sanaq.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * One-sided exact (Clopper–Pearson, Biometrika 1934) confidence bounds on a binomial proportion from k successes in
 * n trials: the upper bound is the p at which k or fewer successes have probability 1 − confidence, the
 * Beta(k + 1, n − k) quantile at the confidence; the lower bound is the p at which k or more have it, the
 * Beta(k, n − k + 1) quantile at 1 − confidence. A calibration reads "rate ≤ nominal" as supported when the upper
 * bound is at most the nominal level.
 */
public final class ClopperPearson {
    private ClopperPearson() {
    }

    /** The one-sided upper bound on p at {@code confidence}; 1 when every trial succeeded. */
    public static double upper(long k, long n, double confidence) {
        check(k, n);
        return k == n ? 1 : beta(k + 1, n - k).inverseCumulativeProbability(confidence);
    }

    /** The one-sided lower bound on p at {@code confidence}; 0 when no trial succeeded. */
    public static double lower(long k, long n, double confidence) {
        check(k, n);
        return k == 0 ? 0 : beta(k, n - k + 1).inverseCumulativeProbability(1 - confidence);
    }

    /** Beta(a, b) with its quantiles solved to 1e-14 (the default 1e-9 shows in a bound's ninth decimal). */
    private static BetaDistribution beta(double a, double b) {
        return new BetaDistribution(null, a, b, 1e-14);
    }

    private static void check(long k, long n) {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("successes " + k + " of " + n + " trials");
        }
    }
}
