package org.sanaq.stats;

/**
 * The Poisson-binomial distribution: the law of K = X_1 + ... + X_n for independent Bernoulli trials with
 * P(X_i = 1) = p_i. METHODS.md §6 uses it for the number K of round cells among the eligible cells of a table, each
 * cell being round under honest counting with its own probability p_i.
 *
 * <p>The pmf is built by the usual dynamic programme, adding one trial at a time:
 * f_i(j) = f_{i-1}(j)·(1 − p_i) + f_{i-1}(j − 1)·p_i. Only the window of entries at or above a drop threshold
 * τ = 1e-300 / (2n) is kept (entries are trimmed at both ends after every trial), so the cost is O(n · width)
 * where the width is a few thousand even for n = 50,000 rather than n.
 *
 * <p>Error bound of {@link #upperTail}: every operation combines non-negative numbers, so there is no cancellation and
 * the rounding error is relative: each step multiplies the relative error of an entry by at most (1 + 3u) (one
 * rounding each for 1 − p_i, the products and the sum; u = 2^-53), and the final sum adds at most (n + 1)u, so the
 * relative error is at most about (4n + 1)u ≈ 4.4e-16 · n (2e-11 at n = 50,000). Trimming adds an absolute error: the
 * lower end of the window only moves up (at most n drops) and the upper end rises by one per trial (so at most n
 * drops), each dropped entry is below τ, and mass dropped at one trial would only have been redistributed, never
 * increased, by later trials; so the trimmed mass is at most 2n·τ = 1e-300. Hence a result of 0 means the true value
 * is below 1e-300, and results near 1e-300 are only good to that absolute error. (For n above about 2.2e7, τ is held
 * at {@link Double#MIN_NORMAL} to keep all kept entries normal, and the absolute bound becomes 2n·MIN_NORMAL.)
 */
public final class PoissonBinomial {

    private static final double TRIMMED_MASS = 1e-300;

    private PoissonBinomial() {
    }

    /**
     * Exact P(K ≥ k), summed from the pmf at k upward (never as 1 − CDF, which would cancel to 0 in the far tail).
     *
     * @param p success probabilities, each finite and in [0, 1]; may be empty
     * @param k threshold; k ≤ 0 gives 1 and k > n gives 0
     * @return P(K ≥ k), with the error bound in the class documentation
     * @throws IllegalArgumentException if {@code p} is null or holds a value outside [0, 1] or NaN
     */
    public static double upperTail(double[] p, int k) {
        validate(p);
        int n = p.length;
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        double tau = Math.max(TRIMMED_MASS / (2.0 * n), Double.MIN_NORMAL);
        // f[j] holds P(K_i = j) for lo <= j <= hi; entries outside the window are stale and never read.
        double[] f = new double[n + 1];
        f[0] = 1.0;
        int lo = 0;
        int hi = 0;
        for (double pi : p) {
            double qi = 1.0 - pi;
            // In place, from the top down, so that f[j - 1] still holds the previous trial's value.
            f[hi + 1] = f[hi] * pi;
            for (int j = hi; j > lo; j--) {
                f[j] = f[j] * qi + f[j - 1] * pi;
            }
            f[lo] *= qi;
            hi++;
            // The window total is about 1 and holds at most n + 1 entries, so some entry exceeds tau and these stop.
            while (f[lo] < tau) {
                lo++;
            }
            while (f[hi] < tau) {
                hi--;
            }
        }
        double tail = 0.0;
        // Smallest terms first (the tail decreases away from the mode), which keeps the summation error small.
        for (int j = hi; j >= Math.max(k, lo); j--) {
            tail += f[j];
        }
        return Math.min(1.0, tail);
    }

    /**
     * E[K] = Σ p_i.
     *
     * @throws IllegalArgumentException on invalid probabilities, as in {@link #upperTail}
     */
    public static double mean(double[] p) {
        validate(p);
        double sum = 0.0;
        for (double pi : p) {
            sum += pi;
        }
        return sum;
    }

    /**
     * Var[K] = Σ p_i (1 − p_i).
     *
     * @throws IllegalArgumentException on invalid probabilities, as in {@link #upperTail}
     */
    public static double variance(double[] p) {
        validate(p);
        double sum = 0.0;
        for (double pi : p) {
            sum += pi * (1.0 - pi);
        }
        return sum;
    }

    private static void validate(double[] p) {
        if (p == null) {
            throw new IllegalArgumentException("probabilities must not be null");
        }
        for (int i = 0; i < p.length; i++) {
            // Written so that NaN fails too.
            if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
                throw new IllegalArgumentException(
                        "probability p[" + i + "] = " + p[i] + " is not a finite number in [0, 1]");
            }
        }
    }
}
