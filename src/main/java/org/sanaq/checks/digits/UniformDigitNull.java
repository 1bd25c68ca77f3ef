package org.sanaq.checks.digits;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sanaq.stats.ExactBinomial;

/**
 * LastC, C05s and P05s as the Election Forensics Toolkit computes them ({@link DigitConvention#EFTOOLKIT}):
 * the last digit of every count, 0 to 9 included (a count of 3 has the last digit 3), tested against uniform last
 * digits: LastC, their mean, against 4.5 by the normal test with the uniform digit's variance (10² − 1) / 12 = 8.25;
 * C05s, the share of 0 and 5, against 0.2 by the exact binomial test; P05s, the share of whole percentages ending in
 * 0 or 5 over every unit whatever its base (0 % and 100 % included), against 0.2 by the exact binomial test.
 * Intervals are the same Poisson bootstrap of the histograms as the default's ({@link RowStatistics}).
 *
 * <p>The uniform null is EFToolkit's, not an honest expectation for small counts: a minor candidate's counts fall
 * steeply, so its low last digits are honestly more common (see {@link SmoothCountLaw}); under this convention such a
 * row can flag though nothing was written. It is there to set sanaq's numbers beside EFToolkit's.
 */
final class UniformDigitNull {
    /** The statistics this null computes, with the sample each is computed on. */
    static final Map<DigitStatistic, DigitStatistic.Sample> SAMPLES = Map.of(
            DigitStatistic.LAST_DIGIT_MEAN, DigitStatistic.Sample.ALL_COUNTS,
            DigitStatistic.LAST_ZERO_OR_FIVE, DigitStatistic.Sample.ALL_COUNTS,
            DigitStatistic.PERCENT_ZERO_OR_FIVE, DigitStatistic.Sample.PERCENT_BASE);
    static final Set<DigitStatistic> STATISTICS = SAMPLES.keySet();
    /** The share of uniform last digits that are 0 or 5, and of whole percentages ending in 0 or 5, by EFToolkit. */
    static final double ZERO_OR_FIVE = 0.2;
    /** The variance of a digit uniform on 0..9. */
    static final double LAST_DIGIT_VARIANCE = 8.25;

    private UniformDigitNull() {
    }

    /**
     * Puts LastC, C05s and P05s of the summary under the uniform null into {@code out} (in place of the smooth ones)
     * and the size of all counts into {@code sizes}; returns the digits to chart, the last digits of all counts
     * against a tenth each.
     */
    static RowStatistics.Digits apply(UnitSummary s, RowStatistics.Replicates draws,
            Map<DigitStatistic.Sample, Long> sizes, Map<DigitStatistic, RowStatistics.Estimate> out,
            RowStatistics.Digits smooth) {
        long[] last = lastDigits(s.counts.sorted());
        long n = UnitSummary.total(last);
        sizes.put(DigitStatistic.Sample.ALL_COUNTS, n);
        out.put(DigitStatistic.LAST_DIGIT_MEAN, lastDigitMean(last, draws));
        out.put(DigitStatistic.LAST_ZERO_OR_FIVE, share(last[0] + last[5], n, draws));
        long roundPercents = 0;
        for (int v = 0; v < s.percents.length; v += 5) {
            roundPercents += s.percents[v];
        }
        out.put(DigitStatistic.PERCENT_ZERO_OR_FIVE, share(roundPercents, s.percentBaseValues, draws));
        double[] uniform = new double[10];
        Arrays.fill(uniform, 0.1);
        return new RowStatistics.Digits(smooth.first(), smooth.second(), last, uniform);
    }

    /** The last digits of every count, 0 included, from the histogram of counts (count → precincts). */
    static long[] lastDigits(TreeMap<Long, Long> counts) {
        long[] last = new long[10];
        counts.forEach((count, precincts) -> last[(int) (count % 10)] += precincts);
        return last;
    }

    private static RowStatistics.Estimate lastDigitMean(long[] last, RowStatistics.Replicates draws) {
        long n = UnitSummary.total(last);
        if (n == 0) {
            return RowStatistics.Estimate.NONE;
        }
        double mean = DigitLaws.meanDigit(last, 0);
        double[] interval = draws.histogram(last, h -> DigitLaws.meanDigit(h, 0));
        return new RowStatistics.Estimate(mean, interval[0], interval[1],
                DigitLaws.meanTestP(mean, n, DigitLaws.LAST_DIGIT_MEAN, LAST_DIGIT_VARIANCE),
                DigitLaws.LAST_DIGIT_MEAN);
    }

    /** k of n against 0.2: the share, its Poisson bootstrap interval and the exact binomial test. */
    private static RowStatistics.Estimate share(long k, long n, RowStatistics.Replicates draws) {
        if (n == 0) {
            return RowStatistics.Estimate.NONE;
        }
        double[] interval = draws.histogram(new long[] {k, n - k}, h -> (double) h[0] / (h[0] + h[1]));
        return new RowStatistics.Estimate((double) k / n, interval[0], interval[1],
                ExactBinomial.twoSided(k, n, ZERO_OR_FIVE), ZERO_OR_FIVE);
    }
}
