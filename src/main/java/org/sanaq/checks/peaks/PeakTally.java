package org.sanaq.checks.peaks;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What one pass over the included precincts of METHODS.md §5 gathers, mergeable across partitions: the observed
 * counts of integer results, turnouts and either (by precincts and by registered voters), the exact null's mean and
 * variance of those counts (sums over precincts of q and q·(1 − q), q the precinct's probability), the Monte Carlo
 * replicates' counts, and the 0.1 % histograms, observed and as the exact null expects them. Counts are longs, so the replicates and observed figures are the
 * same whatever the partitioning; the exact null's sums are doubles, equal up to the order of summation.
 *
 * <p>A precinct's replicates draw, in replicate order, from one stream seeded from (seed, precinct key): the draws
 * do not depend on which partition or executor handles the precinct. A redrawn figure is integer with the
 * precinct's probability q ({@link IntegerProbability}), so each replicate draws one uniform number per figure.
 */
final class PeakTally implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int RESULT = 0;
    static final int TURNOUT = 1;
    static final int EITHER = 2;
    static final String[] FIGURES = {"result", "turnout", "either"};

    private final long seed;
    long included;
    final long[] observed = new long[3];
    final long[] observedVoters = new long[3];
    final double[] expected = new double[3];
    final double[] variance = new double[3];
    final double[] expectedVoters = new double[3];
    final double[] varianceVoters = new double[3];
    /** [figure][replicate]: included precincts (or their voters) whose redrawn figure is integer. */
    final long[][] replicates;
    final long[][] replicateVoters;
    /**
     * The placebo of the leader's and the turnout's counts: for every other candidate, {observed, exact mean, exact
     * variance} of the included precincts whose share of that candidate is a whole percent (sorted by name).
     */
    final TreeMap<String, double[]> others = new TreeMap<>();
    /** [result or turnout][0.1 % bin]: precincts and voters. */
    final long[][] histogram = new long[2][IntegerRule.BINS];
    final long[][] histogramVoters = new long[2][IntegerRule.BINS];
    /** [result or turnout][0.1 % bin]: the precincts the exact null expects there ({@link IntegerProbability}). */
    final double[][] histogramExpected = new double[2][IntegerRule.BINS];

    PeakTally(int replicates, long seed) {
        this.seed = seed;
        this.replicates = new long[3][replicates];
        this.replicateVoters = new long[3][replicates];
    }

    /** Adds one included precinct: V registered, G the turnout numerator, R the share base, L the leader's votes. */
    void add(String key, long v, long g, long r, long l) {
        included++;
        boolean[] is = {IntegerRule.isInteger(l, r), IntegerRule.isInteger(g, v), false};
        is[EITHER] = is[RESULT] || is[TURNOUT];
        double qResult = IntegerProbability.of(r, l, histogramExpected[RESULT]);
        double qTurnout = IntegerProbability.of(v, g, histogramExpected[TURNOUT]);
        // the two redraws are independent: P(either) = 1 − (1 − qResult)(1 − qTurnout)
        double[] q = {qResult, qTurnout, qResult + qTurnout - qResult * qTurnout};
        for (int f = 0; f < 3; f++) {
            if (is[f]) {
                observed[f]++;
                observedVoters[f] += v;
            }
            expected[f] += q[f];
            variance[f] += q[f] * (1 - q[f]);
            expectedVoters[f] += v * q[f];
            varianceVoters[f] += (double) v * v * q[f] * (1 - q[f]);
        }
        histogram[RESULT][IntegerRule.bin(l, r)]++;
        histogram[TURNOUT][IntegerRule.bin(g, v)]++;
        histogramVoters[RESULT][IntegerRule.bin(l, r)] += v;
        histogramVoters[TURNOUT][IntegerRule.bin(g, v)] += v;
        SplittableRandom random = new SplittableRandom(seed ^ fnv1a(key));
        for (int rep = 0; rep < replicates[0].length; rep++) {
            boolean resultInteger = random.nextDouble() < qResult;
            boolean turnoutInteger = random.nextDouble() < qTurnout;
            count(RESULT, rep, resultInteger, v);
            count(TURNOUT, rep, turnoutInteger, v);
            count(EITHER, rep, resultInteger || turnoutInteger, v);
        }
    }

    /** Adds another candidate's votes c of the share base r of an included precinct (its share's count). */
    void addOther(String candidate, long c, long r) {
        double q = IntegerProbability.of(r, c);
        double[] o = others.computeIfAbsent(candidate, k -> new double[3]);
        o[0] += IntegerRule.isInteger(c, r) ? 1 : 0;
        o[1] += q;
        o[2] += q * (1 - q);
    }

    private void count(int figure, int rep, boolean integer, long v) {
        if (integer) {
            replicates[figure][rep]++;
            replicateVoters[figure][rep] += v;
        }
    }

    /** This tally with {@code other}'s added in. */
    PeakTally merge(PeakTally other) {
        included += other.included;
        for (int f = 0; f < 3; f++) {
            observed[f] += other.observed[f];
            observedVoters[f] += other.observedVoters[f];
            expected[f] += other.expected[f];
            variance[f] += other.variance[f];
            expectedVoters[f] += other.expectedVoters[f];
            varianceVoters[f] += other.varianceVoters[f];
            for (int rep = 0; rep < replicates[f].length; rep++) {
                replicates[f][rep] += other.replicates[f][rep];
                replicateVoters[f][rep] += other.replicateVoters[f][rep];
            }
        }
        other.others.forEach((candidate, o) -> {
            double[] mine = others.computeIfAbsent(candidate, k -> new double[3]);
            for (int i = 0; i < 3; i++) {
                mine[i] += o[i];
            }
        });
        for (int h = 0; h < 2; h++) {
            for (int b = 0; b < IntegerRule.BINS; b++) {
                histogram[h][b] += other.histogram[h][b];
                histogramVoters[h][b] += other.histogramVoters[h][b];
                histogramExpected[h][b] += other.histogramExpected[h][b];
            }
        }
        return this;
    }

    /** FNV-1a, 64 bits, of the key's UTF-8 bytes: a hash that is the same on every JVM (String.hashCode is 32-bit). */
    private static long fnv1a(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
