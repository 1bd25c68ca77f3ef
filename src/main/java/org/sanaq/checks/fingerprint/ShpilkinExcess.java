package org.sanaq.checks.fingerprint;

/**
 * Excess leader votes by Shpilkin's method, METHODS.md §4 (EFToolkit convention): 1-point turnout bins, bin k
 * holding turnout in (k %, k + 1 %]; the clean peak k* is the bin with most leader votes among the bins wholly
 * below the official turnout (k + 1 ≤ 100·T; the lowest k on a tie); in bins from k* up the leader is expected to
 * get E_k = O_k·L_{k*}/O_{k*} votes, O the other candidates' votes; the excess is Σ_{k ≥ k*} (L_k − E_k).
 *
 * @param peak k*, or −1 when no bin below the official turnout has leader and other votes
 * @param expected E_k per bin (NaN below k*)
 */
record ShpilkinExcess(int peak, double excess, double share, double[] expected) {
    /** Bins 0 to 100; bin 100 also holds the impossible turnouts above 100 %. */
    static final int BINS = 101;

    /**
     * @param leader L_k, the leader's votes per turnout bin
     * @param others O_k, all other candidates' votes per turnout bin
     * @param officialTurnout T, ballots over registered voters of the whole unit
     */
    static ShpilkinExcess of(long[] leader, long[] others, double officialTurnout) {
        int peak = -1;
        for (int k = 0; k < BINS && k + 1 <= 100 * officialTurnout; k++) {
            if (others[k] > 0 && (peak < 0 || leader[k] > leader[peak])) {
                peak = k;
            }
        }
        return at(leader, others, peak);
    }

    /**
     * The excess with the clean peak put at bin {@code peak} whatever its leader votes: the same sum from there up,
     * at that bin's ratio. How much the estimate moves with the peak is its robustness ({@link ShpilkinRobustness}).
     *
     * @param peak a bin from 0 to 100; none (−1 in the result) when out of range or without other votes there
     */
    static ShpilkinExcess at(long[] leader, long[] others, int peak) {
        double[] expected = new double[BINS];
        java.util.Arrays.fill(expected, Double.NaN);
        if (peak < 0 || peak >= BINS || others[peak] <= 0) {
            return new ShpilkinExcess(-1, Double.NaN, Double.NaN, expected);
        }
        long totalLeader = java.util.Arrays.stream(leader).sum();
        double ratio = (double) leader[peak] / others[peak];
        double excess = 0;
        for (int k = peak; k < BINS; k++) {
            expected[k] = others[k] * ratio;
            excess += leader[k] - expected[k];
        }
        return new ShpilkinExcess(peak, excess, totalLeader > 0 ? excess / totalLeader : Double.NaN, expected);
    }
}
