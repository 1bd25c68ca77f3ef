package org.sanaq.checks.digits;

import java.util.SplittableRandom;

/**
 * Seeded Poisson(1) weights of the Poisson bootstrap (Hanley and MacGibbon, 2006): each precinct enters replicate
 * r with a weight drawn from Poisson(1), which as the number of precincts grows is the multinomial resampling of
 * the ordinary bootstrap. The draws of a precinct come from a stream seeded by the run's seed and the precinct's
 * file and line, in replicate order, so that a weight depends on the precinct and the replicate only, never on
 * how Spark partitions the rows.
 */
final class PoissonWeights {
    /** P(X ≤ k) for X ~ Poisson(1), k = 0..17 (beyond, the tail is below 1e-16). */
    private static final double[] CUMULATIVE = cumulative();

    private PoissonWeights() {
    }

    private static double[] cumulative() {
        double[] c = new double[18];
        double term = Math.exp(-1);
        double sum = 0;
        for (int k = 0; k < c.length; k++) {
            sum += term;
            c[k] = sum;
            term /= k + 1;
        }
        return c;
    }

    /** The precinct's weights in replicates 0..replicates − 1. */
    static int[] of(long seed, String file, long line, int replicates) {
        SplittableRandom random = new SplittableRandom(seed ^ (31L * file.hashCode() + 0x9E3779B97F4A7C15L * line));
        int[] weights = new int[replicates];
        for (int r = 0; r < replicates; r++) {
            double u = random.nextDouble();
            int k = 0;
            while (k < CUMULATIVE.length - 1 && u > CUMULATIVE[k]) {
                k++;
            }
            weights[r] = k;
        }
        return weights;
    }
}
