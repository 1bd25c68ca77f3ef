package org.sanaq.checks.peaks;

import java.util.Arrays;

import org.apache.commons.math3.special.Erf;

/**
 * One observed count of integer figures against one null: its mean, standard deviation, the 99.9th percentile
 * minus the mean, z and the upper-tail p-value. Built from Monte Carlo replicates (sample mean and sd; the 99.9th
 * percentile by nearest rank, the ⌈0.999·n⌉-th smallest replicate; empirical p = (1 + #{O* ≥ O}) / (1 + n), never
 * zero) or from the exact mean and variance (normal tail).
 */
record NullSummary(double observed, double mean, double sd, double p999MinusMean, double z, double pValue) {

    static NullSummary monteCarlo(long observed, long[] replicates) {
        int n = replicates.length;
        double mean = Arrays.stream(replicates).average().orElse(Double.NaN);
        double squares = 0;
        int atLeast = 0;
        for (long r : replicates) {
            squares += (r - mean) * (r - mean);
            atLeast += r >= observed ? 1 : 0;
        }
        double sd = Math.sqrt(squares / (n - 1));
        long[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double p999 = sorted[(int) Math.ceil(0.999 * n) - 1];
        return new NullSummary(observed, mean, sd, p999 - mean, (observed - mean) / sd,
                (1.0 + atLeast) / (1.0 + n));
    }

    /**
     * The exact null: mean and variance summed over precincts; the tail by the normal approximation, with a
     * continuity correction of half a precinct when the count is of precincts, none when it is of voters.
     */
    static NullSummary exact(double observed, double mean, double variance, boolean ofPrecincts) {
        double sd = Math.sqrt(variance);
        double z = (observed - mean) / sd;
        double corrected = ofPrecincts ? (observed - 0.5 - mean) / sd : z;
        // 99.9th percentile of the normal: 3.0902 sd above the mean
        return new NullSummary(observed, mean, sd, 3.090232306167813 * sd, z, 0.5 * Erf.erfc(corrected / Math.sqrt(2)));
    }

    double excess() {
        return observed - mean;
    }
}
