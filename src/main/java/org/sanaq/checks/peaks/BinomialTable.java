package org.sanaq.checks.peaks;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The distribution of a precinct's redrawn count under the null model of METHODS.md §5, X ~ Binomial(n, k/n),
 * tabulated once per precinct: the exact probabilities (Commons Math, saddle-point expansion) over mean ± 12
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
        BinomialDistribution binomial = new BinomialDistribution(null, Math.toIntExact(n), p);
        double total = 0;
        double onInteger = 0;
        for (int x = low; x <= high; x++) {
            double probability = binomial.probability(x);
            total += probability;
            cumulative[x - low] = total;
            integer[x - low] = IntegerRule.isInteger(x, n);
            if (integer[x - low]) {
                onInteger += probability;
            }
        }
        integerProbability = onInteger;
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
