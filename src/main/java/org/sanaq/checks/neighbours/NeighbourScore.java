package org.sanaq.checks.neighbours;

/**
 * A precinct's z against its neighbours on one variable, on the variance-stabilised scale y = asin √p (whose
 * binomial noise variance is about 1 / (4n) for a proportion p of n): z = (y − m) / √(spread² + noise), with m the
 * neighbours' median, spread² = max(0, (1.4826·MAD)² − their median noise) the part of their spread that binomial
 * noise does not explain (1.4826·MAD estimates a normal standard deviation), and noise the precinct's own 1 / (4n).
 * The precinct's own noise term keeps a small precinct from being flagged for what chance does to small counts.
 */
final class NeighbourScore {
    /** The MAD of a normal distribution times this is its standard deviation. */
    static final double MAD_TO_SD = 1.4826;

    private NeighbourScore() {
    }

    /** The value on the variance-stabilised scale of a proportion, clamped to [0, 1]. */
    static double stabilised(double p) {
        return Math.asin(Math.sqrt(Math.min(1, Math.max(0, p))));
    }

    /** The binomial noise variance of {@link #stabilised} for a proportion of {@code n}. */
    static double noise(long n) {
        return 1.0 / (4.0 * n);
    }

    /** The spread² of neighbours with this MAD and median noise variance: never below 0. */
    static double spread2(double mad, double medianNoise) {
        double sd = MAD_TO_SD * mad;
        return Math.max(0, sd * sd - medianNoise);
    }

    /** The z of a precinct's {@code y} with noise variance {@code noise} against neighbours. */
    static double z(double y, double noise, double median, double mad, double medianNoise) {
        return (y - median) / Math.sqrt(spread2(mad, medianNoise) + noise);
    }
}
