package org.sanaq.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * The exact two-sided binomial test, used by the sign test and the digit tests. Unlike Commons Math 3.6.1's
 * {@code BinomialTest}, whose two-sided p compares the probabilities of the two tails' outcomes with floating-point
 * equality (at p = ½, n = 166 it gives 3.12·10⁻²⁴ for k = 21 and the exact 5.46·10⁻²⁴ for its mirror k = 145), it
 * counts an outcome as no more likely than the observed one within a relative tolerance of 10⁻⁷ (R's), so that at
 * p = ½ the test is symmetric: p(k) = p(n − k) = min(1, 2·P(X ≤ min(k, n − k))).
 */
public final class ExactBinomial {
    private ExactBinomial() {
    }

    /**
     * Exact two-sided binomial test of {@code successes} in {@code n} against probability {@code p}: the
     * probability of all outcomes no more likely than the observed one (the definition of Commons Math's and R's
     * two-sided test, with R's relative tolerance of 1e-7 for ties). The binomial law rises to its mode and falls
     * after it, so the outcomes beyond the observed one on its own side are one tail, and on the other side a binary
     * search finds where the law falls below the observed probability: two regularised incomplete beta functions
     * and O(log n) probabilities, where summing outcome by outcome costs O(n) (seconds for a nation's million
     * counts, for every share of every row).
     */
    public static double twoSided(long successes, long n, double p) {
        if (p == 0.5) {
            // the law is symmetric: the other tail is the mirror of this one, computed once so that k and n − k agree
            return Math.min(1, 2 * atMost(Math.min(successes, n - successes), n, p));
        }
        BinomialDistribution law = new BinomialDistribution(null, Math.toIntExact(n), p);
        int k = Math.toIntExact(successes);
        int mode = (int) Math.min(n, Math.floor((n + 1) * p));
        double limit = law.logProbability(k) + 1e-7;
        if (k == mode) {
            return 1;
        }
        if (k < mode) {
            // the first outcome above the mode no more likely than k; outcomes from there on count
            int low = mode;
            int high = Math.toIntExact(n) + 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (law.logProbability(mid) <= limit) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return Math.min(1, atMost(k, n, p) + atLeast(low, n, p));
        }
        // the last outcome below the mode no more likely than k; outcomes up to it count
        int low = -1;
        int high = mode;
        while (low < high) {
            int mid = (low + high + 1) >> 1;
            if (law.logProbability(mid) <= limit) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return Math.min(1, atMost(low, n, p) + atLeast(k, n, p));
    }

    /** P(X ≤ x) for X ~ Binomial(n, p), as I_{1−p}(n − x, x + 1), precise in the lower tail. */
    private static double atMost(long x, long n, double p) {
        if (x < 0) {
            return 0;
        }
        return x >= n ? 1 : Beta.regularizedBeta(1 - p, n - x, x + 1.0);
    }

    /** P(X ≥ x) for X ~ Binomial(n, p), as I_p(x, n − x + 1), precise in the upper tail. */
    public static double atLeast(long x, long n, double p) {
        if (x > n) {
            return 0;
        }
        return x <= 0 ? 1 : Beta.regularizedBeta(p, x, n - x + 1.0);
    }
}
