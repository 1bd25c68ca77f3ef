package org.sanaq.checks.digits;

/**
 * The size-aware honest expectation of P05s, the share of whole percentages ending in 0 or 5. A fifth holds only
 * where the density of percentages is flat over each five points. A minor candidate whose shares pile up between
 * 3 % and 10 % with the mode near 5 % has a density that is curved there, and the multiples of 5 at the top of a
 * hump (or the bottom of a trough) take more (or less) than a fifth: at a million precincts that is a clear
 * departure in honest counts (one region's Fourth candidate at 0.2077 [0.2049, 0.2103] on a synthetic election).
 *
 * <p>Derivation. Group the whole percentages 0..100 into the pentads m = 0..20 centred on 5m (5m − 2 to 5m + 2).
 * Within a pentad let the density be f(5m + j) = a + b·j + c·j², j = −2..2: its total is N_m = 5a + 10c, and the
 * multiple of 5 holds f(5m) = a. The slope b adds nothing to the centre (the pentad is symmetric about it), so
 * curvature is the first term that moves it. If the same parabola runs through the neighbouring pentads,
 * N_{m±1} = Σ_j f(5m + j ± 5) = 5a ± 25b + 135c, so the second difference N_{m+1} − 2N_m + N_{m−1} = 250c exactly
 * and
 * <pre>  expected count at 5m = a = N_m / 5 − 2c = N_m / 5 − (N_{m+1} − 2N_m + N_{m−1}) / 125.</pre>
 * The correction weighs neighbouring totals by 1/125, so its own sampling noise is some 500 times smaller in
 * variance than the statistic's and is left out of the test. The end pentads (0 %: 0 to 2; 100 %: 98 to 100) carry no
 * expectation of their own: a share of exactly 0 (no vote for a minor candidate) or a turnout of exactly 100 % is a
 * point mass that honest counts produce and no smooth density predicts, so their centres are expected as observed
 * and P05s is judged on the pentads 5 % to 95 % (for candidates whose shares mostly round to 0 %, that leaves little
 * to judge, as it should). A correction is never allowed to take the expected count below 0. Where the shares are
 * spread over many pentads the correction vanishes and the expectation is the fixed 0.2.
 */
final class PercentLaw {
    /** Whole percentages 0..100. */
    static final int VALUES = 101;

    private PercentLaw() {
    }

    /**
     * The expected number of whole percentages ending in 0 or 5 among {@code percents} (counts of 0..100): the
     * observed counts at 0 % and 100 %, and {@link #centre} for 5 % to 95 %.
     */
    static double expectedZeroOrFive(long[] percents) {
        long[] totals = pentads(percents);
        double expected = percents[0] + percents[VALUES - 1];
        for (int m = 1; m < totals.length - 1; m++) {
            expected += Math.max(0, centre(totals, m));
        }
        return expected;
    }

    /** The totals of the pentads m = 0..20: the whole percentages 5m − 2 to 5m + 2 that exist. */
    static long[] pentads(long[] percents) {
        long[] totals = new long[VALUES / 5 + 1];
        for (int v = 0; v < VALUES; v++) {
            totals[Math.min(totals.length - 1, (v + 2) / 5)] += percents[v];
        }
        return totals;
    }

    /**
     * The expected count at 5m, for 0 < m < 20. As a neighbour, an end pentad (2.5 points of p wide) counts twice, standing for the
     * whole pentad of 5 points it would be if p went on past 0 or 100 %: a density flat in p then gives a second
     * difference of 0 next to the ends too.
     */
    static double centre(long[] totals, int m) {
        int last = totals.length - 1;
        double below = m - 1 == 0 ? 2.0 * totals[0] : totals[m - 1];
        double above = m + 1 == last ? 2.0 * totals[last] : totals[m + 1];
        return totals[m] / 5.0 - (above - 2.0 * totals[m] + below) / 125;
    }

    /** The whole percentages ending in 0 or 5 among {@code percents}. */
    static long zeroOrFive(long[] percents) {
        long n = 0;
        for (int v = 0; v < VALUES; v += 5) {
            n += percents[v];
        }
        return n;
    }
}
