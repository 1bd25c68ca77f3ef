package org.sanaq.checks.peaks;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The distribution of a precinct's redrawn count under the null model of METHODS.md §5, X ~ Binomial(n, k/n),
 * tabulated once per precinct: the binomial probabilities (see {@link #probabilities}) over mean ± 12
 * standard deviations, where all but less than 1e-30 of the mass lies, and which of those counts fall inside the
 * integer windows. Both nulls read the same table: the exact one sums the probabilities of the integer counts,
 * the Monte Carlo draws by inversion (a uniform number looked up in the cumulative table), which is an exact
 * binomial draw up to that truncation and double rounding.
 */
final class BinomialTable {
    private static final double SPAN_SD = 12;

    private final int low;
    private final double[] cumulative;
    private final boolean[] integer;
    private final double integerProbability;

    /** The table of Binomial(n, k/n) for the percentage 100·X/n; 0 ≤ k ≤ n, n ≥ 1. */
    BinomialTable(long n, long k) {
        double p = (double) k / n;
        double sd = Math.sqrt(n * p * (1 - p));
        low = (int) Math.max(0, Math.floor(k - SPAN_SD * sd - 1));
        int high = (int) Math.min(n, Math.ceil(k + SPAN_SD * sd + 1));
        cumulative = new double[high - low + 1];
        integer = new boolean[cumulative.length];
        double[] pmf = probabilities(n, p, high);
        double total = 0;
        double onInteger = 0;
        for (int x = low; x <= high; x++) {
            total += pmf[x - low];
            cumulative[x - low] = total;
            integer[x - low] = IntegerRule.isInteger(x, n);
            if (integer[x - low]) {
                onInteger += pmf[x - low];
            }
        }
        integerProbability = onInteger;
    }

    /**
     * P(X = x) for x from {@code low} to {@code high}: exact (Commons Math) at the mode, then by the ratio of
     * neighbours P(x + 1) / P(x) = (n − x) / (x + 1) · p / (1 − p) outwards, which is some fifty times faster than
     * evaluating each term and loses only about one rounding per step (relative error ≈ 1e-13 after a few hundred).
     */
    private double[] probabilities(long n, double p, int high) {
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

    /** The probability that the redrawn percentage is integer. */
    double integerProbability() {
        return integerProbability;
    }

    /** Whether the count drawn by inversion of {@code uniform} (in [0, 1)) gives an integer percentage. */
    boolean drawIsInteger(double uniform) {
        return integer[index(uniform)];
    }

    /** The count drawn by inversion of {@code uniform}: the smallest x whose cumulative probability exceeds it. */
    int draw(double uniform) {
        return low + index(uniform);
    }

    private int index(double uniform) {
        double target = uniform * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
