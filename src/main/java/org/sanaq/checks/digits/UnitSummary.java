package org.sanaq.checks.digits;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the digit tests need of one row (turnout or a candidate) over the precincts of one unit, bounded
 * whatever the number of precincts: digit histograms, the P05s count, exact moment sums, a histogram of p in
 * 0.01 % bins (at most 10,001 bins, for the dip), and the Poisson bootstrap's moment sums per replicate.
 * Summaries of two sets of precincts merge into the summary of their union, so they are computed per partition
 * and reduced in Spark, and a nation's summary is the merge of its units'.
 *
 * <p>The dip is computed on the binned sample (p clipped to [0, 1]). Binning moves each value by at most half a bin,
 * so the binned and the exact empirical distribution functions differ nowhere by more than the share of the
 * fullest bin (leaving aside values that are equal in the data too, such as precincts at exactly 100 % turnout),
 * and since the dip is a distance to the set of unimodal laws it moves by no more than that.
 */
final class UnitSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Bins of p per unit of p: 0.01 % bins. */
    static final int P_BINS_PER_UNIT = 10_000;

    long special;
    long observations;
    final long[] first = new long[9];
    final long[] second = new long[10];
    final long[] last = new long[10];
    long repeatedPairs;
    long adjacentPairs;
    long percentValues;
    long percentZeroOrFive;
    final double[] sums = new double[Moments.SIZE];
    final TreeMap<Integer, Long> percentBins = new TreeMap<>();
    final double[] replicateSums;

    UnitSummary(int replicates) {
        replicateSums = new double[replicates * Moments.SIZE];
    }

    /** A count of votes or ballots: its digits (first digit of counts ≥ 1; the others of counts ≥ 10). */
    void addCount(long count) {
        observations++;
        if (count < 1) {
            return;
        }
        long leading = count;
        long secondLeading = -1;
        while (leading >= 10) {
            secondLeading = leading % 10;
            leading /= 10;
        }
        first[(int) leading - 1]++;
        if (count >= 10) {
            second[(int) secondLeading]++;
            int lastDigit = (int) (count % 10);
            int penultimate = (int) (count / 10 % 10);
            last[lastDigit]++;
            if (lastDigit == penultimate) {
                repeatedPairs++;
            }
            // adjacent modulo 10 (9 and 0 are neighbours): 20 of the 100 pairs, the expected 0.2 of METHODS.md
            if ((lastDigit - penultimate + 10) % 10 == 1 || (penultimate - lastDigit + 10) % 10 == 1) {
                adjacentPairs++;
            }
        }
    }

    /**
     * A proportion p (turnout, or a share) of a precinct whose turnout is t, with the precinct's bootstrap weights.
     * P05s rounds 100·min(p, 1) half to even ({@link Math#rint}).
     */
    void addProportion(double p, double t, int[] weights) {
        percentValues++;
        if (Math.rint(100 * Math.min(p, 1)) % 5 == 0) {
            percentZeroOrFive++;
        }
        double[] terms = Moments.terms(p, t);
        Moments.add(sums, 0, 1, terms);
        int bin = (int) Math.rint(Math.max(0, Math.min(p, 1)) * P_BINS_PER_UNIT);
        percentBins.merge(bin, 1L, Long::sum);
        for (int r = 0; r < weights.length; r++) {
            if (weights[r] != 0) {
                Moments.add(replicateSums, r * Moments.SIZE, weights[r], terms);
            }
        }
    }

    /** Adds {@code other} into this summary and returns this. */
    UnitSummary merge(UnitSummary other) {
        special += other.special;
        observations += other.observations;
        add(first, other.first);
        add(second, other.second);
        add(last, other.last);
        repeatedPairs += other.repeatedPairs;
        adjacentPairs += other.adjacentPairs;
        percentValues += other.percentValues;
        percentZeroOrFive += other.percentZeroOrFive;
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
        }
        for (Map.Entry<Integer, Long> e : other.percentBins.entrySet()) {
            percentBins.merge(e.getKey(), e.getValue(), Long::sum);
        }
        for (int i = 0; i < replicateSums.length; i++) {
            replicateSums[i] += other.replicateSums[i];
        }
        return this;
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    static long total(long[] histogram) {
        long n = 0;
        for (long h : histogram) {
            n += h;
        }
        return n;
    }
}
