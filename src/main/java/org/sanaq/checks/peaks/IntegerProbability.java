package org.sanaq.checks.peaks;

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
        return of(n, k, null);
    }

    /**
     * q as {@link #of(long, long)}; with {@code bins} (one a 0.1 % bin of {@link IntegerRule#bin}) also adds to each
     * bin the probability that the redrawn percentage falls in it: summed over precincts, the histogram the null
     * expects, which the report draws under the observed one.
     */
    static double of(long n, long k, double[] bins) {
        double[] onInteger = {0};
        double total = walk(n, k, (x, term) -> onInteger[0] += IntegerRule.isInteger(x, n) ? term : 0);
        if (bins != null) {
            walk(n, k, (x, term) -> bins[IntegerRule.bin(x, n)] += term / total);
        }
        return onInteger[0] / total;
    }

    /** What the walk does with each count x and its probability relative to the mode's. */
    private interface Visitor {
        void visit(long x, double term);
    }

    /**
     * Visits the counts of X ~ Binomial(n, k/n) over the mean ± 12 standard deviations with their probabilities
     * relative to the mode's, and returns their total. The probabilities are walked out from the mode by the ratio
     * of neighbours, P(x + 1) / P(x) = (n − x) / (x + 1) · p / (1 − p), starting from 1 at the mode: no factorial or
     * exponential is evaluated, and each step loses about one rounding (relative error ≈ 1e-13 after a few hundred
     * steps).
     */
    private static double walk(long n, long k, Visitor visitor) {
        double p = (double) k / n;
        double sd = Math.sqrt(n * p * (1 - p));
        long low = (long) Math.max(0, Math.floor(k - SPAN_SD * sd - 1));
        long high = (long) Math.min(n, Math.ceil(k + SPAN_SD * sd + 1));
        long mode = (long) Math.min(high, Math.max(low, Math.floor((n + 1) * p)));
        double odds = p / (1 - p);
        double total = 1;
        visitor.visit(mode, 1);
        double term = 1;
        for (long x = mode; x < high; x++) {
            term *= (double) (n - x) / (x + 1) * odds;
            total += term;
            visitor.visit(x + 1, term);
        }
        term = 1;
        for (long x = mode; x > low; x--) {
            term *= (double) x / (n - x + 1) / odds;
            total += term;
            visitor.visit(x - 1, term);
        }
        return total;
    }
}
