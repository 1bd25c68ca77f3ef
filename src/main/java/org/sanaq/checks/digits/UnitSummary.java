package org.sanaq.checks.digits;

import java.io.Serializable;

/**
 * Everything the digit tests need of one row (turnout or a candidate) over the precincts of one unit, bounded
 * by the largest count and not by the number of precincts: digit histograms, the histogram of the counts themselves
 * (for the smooth last-digit expectation, {@link SmoothCountLaw}), the whole percentages of P05s, exact moment sums, a histogram of the jittered p in
 * 0.01 % bins (at most 10,001 bins, for the dip), and the histograms the moment statistics' bootstrap redraws: p in
 * 0.1 % bins (at most 1,001) and, for a candidate, (turnout, share) in 1 % × 1 % cells (at most 10,201, only the
 * non-empty ones kept). Summaries of two sets of precincts merge into the summary of their union, so they are
 * computed per partition and reduced in Spark, and a nation's summary is the merge of its units'.
 *
 * <p>The dip is computed on the binned sample of jittered proportions (v + U − 0.5) / n, clipped to [0, 1]: the
 * exact shares k / n of small precincts pile up on simple fractions (1/2, 1/3, 2/5, …), and with a million
 * precincts these lumps are local modes that the dip sees, so each share is spread uniformly over its own rounding
 * cell [(v − 0.5) / n, (v + 0.5) / n) by a U uniform in [0, 1) drawn from a stream seeded by the run's seed and the
 * precinct's file, line and row ({@link DigitFold#jitter}). Binning moves each value by at most half a bin, so the
 * binned and the jittered empirical distribution functions differ nowhere by more than the share of the fullest bin,
 * and since the dip is a distance to the set of unimodal laws it moves by no more than that. Digit counts, P05s and
 * the moment statistics use the exact values.
 *
 * <p>P05s is counted over precincts whose base (the proportion's denominator: registered voters for turnout, the
 * share base for a candidate) is at least {@code minPercentBase}: a precinct of 20 ballots can only show shares
 * that are multiples of 5 %, so small precincts make round percentages common in honest counts.
 */
final class UnitSummary implements Serializable {
    private static final long serialVersionUID = 3L;
    /** Bins of p per unit of p for the dip: 0.01 % bins. */
    static final int P_BINS_PER_UNIT = 10_000;
    /** Bins of p per unit of p for the bootstrap of Skew and Kurt: 0.1 % bins. */
    static final int MOMENT_BINS_PER_UNIT = 1_000;
    /** Cells of turnout and of share per unit for the bootstrap of Sobyanin: 1 % × 1 % cells. */
    static final int JOINT_BINS_PER_UNIT = 100;
    /** Whole percentages 0..100. */
    static final int PERCENT_VALUES = 101;

    final int minPercentBase;
    final boolean joint;
    long special;
    long observations;
    final long[] first = new long[9];
    final long[] second = new long[10];
    final long[] last = new long[10];
    /** How many precincts have each count, 0 included (the last-digit and pair statistics' histogram). */
    final BinCounts counts = new BinCounts();
    long atLeast100;
    long percentValues;
    long percentBaseValues;
    /** P05s's whole percentages: how many proportions (of bases ≥ the minimum) round to 0 %, 1 %, … 100 %. */
    final long[] percents = new long[PERCENT_VALUES];
    final double[] sums = new double[Moments.SIZE];
    final BinCounts percentBins = new BinCounts();
    final BinCounts momentBins = new BinCounts();
    final BinCounts jointBins = new BinCounts();

    /**
     * @param minPercentBase the smallest base whose proportion enters P05s
     * @param joint whether to keep the (turnout, share) cells Sobyanin's bootstrap needs (candidates, not turnout)
     */
    UnitSummary(int minPercentBase, boolean joint) {
        this.minPercentBase = minPercentBase;
        this.joint = joint;
    }

    /**
     * A count of votes or ballots: its value in the histogram of counts, its digits (first digit of counts ≥ 1;
     * second and last digits of counts ≥ 10) and whether it is ≥ 100 (the pairs' sample: counts whose last two
     * digits are not their leading digits).
     */
    void addCount(long count) {
        observations++;
        counts.add(count, 1);
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
            last[(int) (count % 10)]++;
        }
        if (count >= 100) {
            atLeast100++;
        }
    }

    /**
     * The proportion v / n (turnout, or a share) of a precinct whose turnout is t, with its jitter u in [0, 1).
     * P05s rounds 100·min(v / n, 1) half to even ({@link Math#rint}) and counts only bases n ≥ minPercentBase.
     */
    void addProportion(long v, long n, double t, double u) {
        double p = v / (double) n;
        percentValues++;
        if (n >= minPercentBase) {
            percentBaseValues++;
            percents[(int) Math.rint(100 * Math.min(p, 1))]++;
        }
        Moments.add(sums, 0, 1, p, t);
        double jittered = (v + u - 0.5) / n;
        percentBins.add(bin(jittered, P_BINS_PER_UNIT), 1);
        momentBins.add(bin(p, MOMENT_BINS_PER_UNIT), 1);
        if (joint) {
            jointBins.add(jointCell(t, p), 1);
        }
    }

    /** The bin of x clipped to [0, 1] with {@code perUnit} bins per unit: bin b holds x within half a bin of b. */
    static int bin(double x, int perUnit) {
        return (int) Math.rint(Math.max(0, Math.min(x, 1)) * perUnit);
    }

    /** The (turnout, share) cell: turnout bin × 101 + share bin, 1 % bins. */
    static int jointCell(double t, double p) {
        return bin(t, JOINT_BINS_PER_UNIT) * (JOINT_BINS_PER_UNIT + 1) + bin(p, JOINT_BINS_PER_UNIT);
    }

    /** Adds {@code other} into this summary and returns this. */
    UnitSummary merge(UnitSummary other) {
        special += other.special;
        observations += other.observations;
        add(first, other.first);
        add(second, other.second);
        add(last, other.last);
        counts.addAll(other.counts);
        atLeast100 += other.atLeast100;
        percentValues += other.percentValues;
        percentBaseValues += other.percentBaseValues;
        add(percents, other.percents);
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
        }
        percentBins.addAll(other.percentBins);
        momentBins.addAll(other.momentBins);
        jointBins.addAll(other.jointBins);
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
