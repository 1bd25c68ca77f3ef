package org.sanaq.checks.digits;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.special.Gamma;
import org.sanaq.stats.DipTest;

/**
 * The statistics of one (unit, row) summary with their bootstrap intervals, as a small typed {@link Result}
 * (computed on the executor that merged the summary; only these results reach the driver). Every interval comes from
 * a Poisson bootstrap of a histogram: each bin of count c is redrawn as Poisson(c), which is exactly what
 * per-precinct Poisson(1) weights give (a sum of c independent Poisson(1) is Poisson(c)). Digit statistics depend on
 * their digit histograms only. Skew and Kurt are bootstrapped from the histogram of p in 0.1 % bins and Sobyanin
 * from the (turnout, share) cells of 1 % × 1 %; their point values stay exact (from the exact moment sums) and the
 * binned replicates' interval is shifted by (exact − binned point value), so it is centred on the exact statistic.
 * Binning moves a value by at most half a bin (0.05 % of p; 0.5 % of turnout or share), against spreads of p of
 * several percent: it changes a moment statistic by a small fraction of its own sampling error, and what it changes
 * is nearly the same in every replicate, which the shift takes out, leaving only its effect on the interval's width,
 * of second order. Intervals are percentile intervals at the job's confidence. The dip's p-value is left to the
 * driver (its simulated reference depends on the sample size only, and is shared between rows).
 *
 * <p>The cost is bounded whatever the number of precincts: at most 1,001 + 10,201 bins per row and replicate,
 * where the per-precinct bootstrap drew 1,000 weights and added 8 moment terms per replicate for every precinct.
 */
final class RowStatistics {

    private RowStatistics() {
    }

    /**
     * One statistic of a row: its value, its bootstrap interval, the p-value of its test (for a test statistic, the
     * value itself) and the row's own expected value ({@link SmoothCountLaw}); NaN for what the row does not
     * have.
     */
    record Estimate(double value, double ciLow, double ciHigh, double testP, double ownExpected)
            implements Serializable {
        /** A statistic the row does not have (too few values, or not one of its statistics). */
        static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /** A statistic that is a p-value: its own test, with no interval. */
        static Estimate test(double p) {
            return new Estimate(p, Double.NaN, Double.NaN, p, Double.NaN);
        }

        /** A value shown alone: no interval, no test. */
        static Estimate value(double value) {
            return new Estimate(value, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }

        /** A value with its interval and no test. */
        static Estimate interval(double value, double[] interval) {
            return new Estimate(value, interval[0], interval[1], Double.NaN, Double.NaN);
        }
    }

    /**
     * The observed digit histograms of a row's counts (first digits 1..9, second digits 0..9) and the last digits of the counts ≥ 10 that {@link SmoothCountLaw} tests with their expected distribution (all counts
     * ≥ 10 and NaN where none is testable).
     */
    record Digits(long[] first, long[] second, long[] last, double[] lastExpected) implements Serializable {
    }

    /**
     * The statistics of one (unit, row): the special stations left out (counted on the turnout row), the counts
     * observed, the size of each sample, the digit histograms, every statistic's {@link Estimate} and the dip of
     * the jittered proportions (NaN without proportions; its p-value is the judge's).
     */
    record Result(UnitRow key, long special, long observations, Map<DigitStatistic.Sample, Long> sizes,
            Digits digits, Map<DigitStatistic, Estimate> estimates, double dip) implements Serializable {

        long size(DigitStatistic.Sample sample) {
            return sizes.get(sample);
        }

        Estimate estimate(DigitStatistic statistic) {
            return estimates.getOrDefault(statistic, Estimate.NONE);
        }
    }

    /**
     * The statistics of the summary of {@code key} under a convention, with intervals of {@code replicates} seeded by
     * the key.
     */
    static Result of(UnitRow key, UnitSummary s, int replicates, double confidence, long seed,
            DigitConvention convention) {
        long atLeast10 = UnitSummary.total(s.last);
        Map<DigitStatistic.Sample, Long> sizes = new EnumMap<>(DigitStatistic.Sample.class);
        sizes.put(DigitStatistic.Sample.FIRST_DIGITS, UnitSummary.total(s.first));
        sizes.put(DigitStatistic.Sample.AT_LEAST_10, atLeast10);
        sizes.put(DigitStatistic.Sample.AT_LEAST_100, s.atLeast100);
        sizes.put(DigitStatistic.Sample.PROPORTIONS, s.percentValues);
        sizes.put(DigitStatistic.Sample.PERCENT_BASE, s.percentBaseValues);
        Map<DigitStatistic, Estimate> out = new EnumMap<>(DigitStatistic.class);
        String unit = key.unit();
        Replicates draws = new Replicates(seed ^ (31L * (unit == null ? 0 : unit.hashCode())
                + key.subject().hashCode()), replicates, confidence);
        if (UnitSummary.total(s.first) > 0) {
            out.put(DigitStatistic.FIRST_DIGIT_CHI2,
                    Estimate.value(DigitLaws.chiSquareP(s.first, DigitLaws.BENFORD_FIRST)));
            out.put(DigitStatistic.FIRST_DIGIT_MAD,
                    Estimate.value(DigitLaws.meanAbsoluteDeviation(s.first, DigitLaws.BENFORD_FIRST)));
        }
        if (atLeast10 > 0) {
            secondDigitStatistics(s, atLeast10, draws, out);
        }
        SmoothCountLaw counts = new SmoothCountLaw(s.counts.sorted());
        Digits digits = lastDigitStatistics(s, counts, draws, sizes, out);
        pairStatistics(counts, draws, sizes, out);
        SmoothCountLaw percents = SmoothCountLaw.of(s.percents);
        // 0 % and 100 % are point masses (no vote for a minor candidate, every voter voting) that no smooth law
        // predicts: neither is tested nor a neighbour, so the tested values are 3 % to 97 %
        List<SmoothCountLaw.Expectation> percentsTested = percents.tested(3, UnitSummary.PERCENT_VALUES - 4,
                SmoothCountLaw::around, SmoothCountLaw.MIN_NEIGHBOUR);
        SmoothShareTest.Result p05s = SmoothShareTest.of(percents, percentsTested, v -> v % 5 == 0 ? 1 : 0);
        sizes.put(DigitStatistic.Sample.PERCENT_BASE_TESTABLE, p05s.tested());
        out.put(DigitStatistic.PERCENT_ZERO_OR_FIVE, share(p05s, draws));
        if (convention == DigitConvention.EFTOOLKIT) {
            digits = UniformDigitNull.apply(s, draws, sizes, out, digits);
        }
        double dip = s.percentValues > 0 ? proportionStatistics(s, key.turnout(), draws, out) : Double.NaN;
        return new Result(key, s.special, s.observations, sizes, digits, out, dip);
    }

    /**
     * The statistics of the summary of {@code key} with their tests' p-values and no bootstrap intervals (no
     * replicate is drawn): for the random groups of the placebo ({@link org.sanaq.checks.RandomGroupings}), whose judgement needs the
     * tests only, at a small part of the cost.
     */
    static Result withoutIntervals(UnitRow key, UnitSummary s, long seed, DigitConvention convention) {
        return of(key, s, 0, 0.95, seed, convention);
    }

    private static void secondDigitStatistics(UnitSummary s, long n, Replicates draws,
            Map<DigitStatistic, Estimate> out) {
        double secondMean = DigitLaws.meanDigit(s.second, 0);
        double[] secondInterval = draws.histogram(s.second, h -> DigitLaws.meanDigit(h, 0));
        out.put(DigitStatistic.SECOND_DIGIT_MEAN, new Estimate(secondMean, secondInterval[0], secondInterval[1],
                DigitLaws.meanTestP(secondMean, n, DigitLaws.SECOND_DIGIT_MEAN, DigitLaws.SECOND_DIGIT_VARIANCE),
                Double.NaN));
        out.put(DigitStatistic.SECOND_DIGIT_CHI2,
                Estimate.value(DigitLaws.chiSquareP(s.second, DigitLaws.BENFORD_SECOND)));
    }

    /**
     * LastC, C05s and the last-digit chi-square over the counts ≥ 10 that {@link SmoothCountLaw} can test (the
     * chi-square over those with neighbours of {@link SmoothCountLaw#MIN_NEIGHBOUR_CHI_SQUARE}), and the
     * observed and expected last digits of those counts (for the chart; all counts ≥ 10 and no expectation where
     * none is testable).
     */
    private static Digits lastDigitStatistics(UnitSummary s, SmoothCountLaw counts, Replicates draws,
            Map<DigitStatistic.Sample, Long> sizes, Map<DigitStatistic, Estimate> out) {
        List<SmoothCountLaw.Expectation> tested = counts.tested(10, Long.MAX_VALUE, SmoothCountLaw::around,
                SmoothCountLaw.MIN_NEIGHBOUR);
        long[] last = new long[10];
        double[] expected = new double[10];
        for (SmoothCountLaw.Expectation e : tested) {
            last[(int) (e.value() % 10)] += e.observed();
            expected[(int) (e.value() % 10)] += e.expected();
        }
        SmoothShareTest.Result mean = SmoothShareTest.of(counts, tested, v -> v % 10);
        sizes.put(DigitStatistic.Sample.AT_LEAST_10_TESTABLE, mean.tested());
        if (mean.tested() == 0) {
            sizes.put(DigitStatistic.Sample.AT_LEAST_10_CHI_SQUARE_TESTABLE, 0L);
            double[] none = new double[10];
            Arrays.fill(none, Double.NaN);
            return new Digits(s.first.clone(), s.second.clone(), s.last.clone(), none);
        }
        double[] interval = draws.histogram(last, h -> DigitLaws.meanDigit(h, 0));
        out.put(DigitStatistic.LAST_DIGIT_MEAN, new Estimate(mean.observed()[0], interval[0], interval[1], mean.p(),
                mean.expected()[0]));
        out.put(DigitStatistic.LAST_ZERO_OR_FIVE, share(SmoothShareTest.of(counts, tested,
                v -> v % 5 == 0 ? 1 : 0), draws));
        LongToDoubleFunction[] digits = new LongToDoubleFunction[9];
        for (int d = 0; d < digits.length; d++) {
            int digit = d;
            digits[d] = v -> v % 10 == digit ? 1 : 0;
        }
        SmoothShareTest.Result chiSquare = SmoothShareTest.of(counts, counts.tested(10, Long.MAX_VALUE,
                SmoothCountLaw::around, SmoothCountLaw.MIN_NEIGHBOUR_CHI_SQUARE), digits);
        sizes.put(DigitStatistic.Sample.AT_LEAST_10_CHI_SQUARE_TESTABLE, chiSquare.tested());
        out.put(DigitStatistic.LAST_DIGIT_CHI2, Estimate.test(chiSquare.p()));
        double total = Arrays.stream(expected).sum();
        for (int d = 0; d < 10; d++) {
            expected[d] /= total;
        }
        return new Digits(s.first.clone(), s.second.clone(), last, expected);
    }

    /**
     * The shares of repeated and of adjacent last two digits among the counts ≥ 100 that {@link SmoothCountLaw} can
     * test, each against the expectation from its nearest values outside its own pair set.
     */
    private static void pairStatistics(SmoothCountLaw counts, Replicates draws,
            Map<DigitStatistic.Sample, Long> sizes, Map<DigitStatistic, Estimate> out) {
        SmoothShareTest.Result repeated = pairs(counts, RowStatistics::repeated);
        sizes.put(DigitStatistic.Sample.REPEATED_TESTABLE, repeated.tested());
        out.put(DigitStatistic.REPEATED_PAIRS, share(repeated, draws));
        SmoothShareTest.Result adjacent = pairs(counts, RowStatistics::adjacent);
        sizes.put(DigitStatistic.Sample.ADJACENT_TESTABLE, adjacent.tested());
        out.put(DigitStatistic.ADJACENT_PAIRS, share(adjacent, draws));
    }

    private static SmoothShareTest.Result pairs(SmoothCountLaw counts, LongPredicate target) {
        List<SmoothCountLaw.Expectation> tested = counts.tested(100, Long.MAX_VALUE,
                v -> SmoothCountLaw.nearestOutside(v, target), SmoothCountLaw.MIN_NEIGHBOUR);
        return SmoothShareTest.of(counts, tested, v -> target.test(v) ? 1 : 0);
    }

    /** Whether the last two digits of v are equal (00, 11, …, 99). */
    static boolean repeated(long v) {
        return v % 10 == v / 10 % 10;
    }

    /** Whether the last two digits of v differ by 1, modulo 10 (9 and 0 are neighbours): 20 of the 100 pairs. */
    static boolean adjacent(long v) {
        long difference = (v % 10 - v / 10 % 10 + 10) % 10;
        return difference == 1 || difference == 9;
    }

    /** Skew, Kurt and (for a candidate) Sobyanin with their intervals; returns the dip of the jittered p. */
    private static double proportionStatistics(UnitSummary s, boolean turnout, Replicates draws,
            Map<DigitStatistic, Estimate> out) {
        Bins moments = Bins.of(s.momentBins.sorted(), b -> b / (double) UnitSummary.MOMENT_BINS_PER_UNIT, b -> 0);
        double skew = Moments.skew(s.sums, 0);
        double kurt = Moments.kurt(s.sums, 0);
        double[][] intervals = draws.binned(moments, new double[] {skew, kurt}, Moments::skew, Moments::kurt);
        out.put(DigitStatistic.SKEW, Estimate.interval(skew, intervals[0]));
        out.put(DigitStatistic.KURT, Estimate.interval(kurt, intervals[1]));
        if (!turnout) {
            int side = UnitSummary.JOINT_BINS_PER_UNIT + 1;
            Bins joint = Bins.of(s.jointBins.sorted(), c -> (c % side) / (double) UnitSummary.JOINT_BINS_PER_UNIT,
                    c -> (c / side) / (double) UnitSummary.JOINT_BINS_PER_UNIT);
            double sobyanin = Moments.sobyanin(s.sums, 0);
            out.put(DigitStatistic.SOBYANIN, Estimate.interval(sobyanin,
                    draws.binned(joint, new double[] {sobyanin}, Moments::sobyanin)[0]));
        }
        TreeMap<Long, Long> percentBins = s.percentBins.sorted();
        double[] values = new double[percentBins.size()];
        long[] weights = new long[values.length];
        int i = 0;
        for (Map.Entry<Long, Long> e : percentBins.entrySet()) {
            values[i] = e.getKey() / (double) UnitSummary.P_BINS_PER_UNIT;
            weights[i++] = e.getValue();
        }
        return DipTest.dip(values, weights);
    }

    /**
     * A share tested by {@link SmoothShareTest} (its first weight being the indicator of the targets): the observed
     * share with the interval of a Poisson bootstrap of the tested counts (targets, others), the test's p and the
     * expected share; no value where nothing was tested.
     */
    private static Estimate share(SmoothShareTest.Result test, Replicates draws) {
        if (test.tested() == 0) {
            return Estimate.NONE;
        }
        // the observed share is k / tested exactly, so k is recovered without rounding error
        long k = Math.round(test.observed()[0] * test.tested());
        double[] interval = draws.histogram(new long[] {k, test.tested() - k}, h -> (double) h[0] / (h[0] + h[1]));
        return new Estimate(test.observed()[0], interval[0], interval[1], test.p(), test.expected()[0]);
    }

    /**
     * The non-empty bins of a histogram of (p, t) as arrays: counts, and each bin's {@link Moments#terms} at its
     * centre (p and t of the bin's centre), for the moment statistics' bootstrap.
     */
    record Bins(long[] counts, double[][] terms) {
        static Bins of(TreeMap<Long, Long> bins, LongToDoubleFunction p, LongToDoubleFunction t) {
            long[] counts = new long[bins.size()];
            double[][] terms = new double[counts.length][];
            int i = 0;
            for (Map.Entry<Long, Long> e : bins.entrySet()) {
                counts[i] = e.getValue();
                terms[i++] = Moments.terms(p.applyAsDouble(e.getKey()), t.applyAsDouble(e.getKey()));
            }
            return new Bins(counts, terms);
        }

        /** The moment sums of the bins with these counts. */
        double[] sums(long[] weights) {
            double[] sums = new double[Moments.SIZE];
            for (int b = 0; b < weights.length; b++) {
                if (weights[b] != 0) {
                    Moments.add(sums, 0, weights[b], terms[b]);
                }
            }
            return sums;
        }
    }

    /** The bootstrap replicates of one row, seeded by the run's seed and the row's unit and subject. */
    static final class Replicates {
        /** Bin counts from which a Poisson draw is taken by transformed rejection rather than inversion. */
        private static final long REJECTION_FROM = 10;
        /** log k! for k < 4,096 (the draws of bins up to about 3,000, where most rejection steps fall). */
        private static final double[] LOG_FACTORIALS = logFactorials(4_096);
        private final SplittableRandom random;
        private final int count;
        private final double confidence;

        private static double[] logFactorials(int size) {
            double[] table = new double[size];
            for (int k = 2; k < size; k++) {
                table[k] = table[k - 1] + Math.log(k);
            }
            return table;
        }

        Replicates(long seed, int count, double confidence) {
            this.random = new SplittableRandom(seed);
            this.count = count;
            this.confidence = confidence;
        }

        /** Percentile interval of a statistic of a histogram whose bins are redrawn as Poisson(bin count). */
        double[] histogram(long[] histogram, ToDoubleFunction<long[]> statistic) {
            double[] values = new double[count];
            long[] drawn = new long[histogram.length];
            Laws laws = new Laws(histogram);
            for (int r = 0; r < count; r++) {
                redraw(laws, drawn);
                values[r] = statistic.applyAsDouble(drawn);
            }
            return interval(values);
        }

        /**
         * Percentile intervals of moment statistics of binned values whose bins are redrawn as Poisson(bin count),
         * all from the same replicates, each shifted by (exact − binned point value) so that it is centred on the
         * exact statistic ({@code exact[i]} for {@code statistics[i]}).
         */
        double[][] binned(Bins bins, double[] exact, Statistic... statistics) {
            double[][] values = new double[statistics.length][count];
            long[] drawn = new long[bins.counts().length];
            Laws laws = new Laws(bins.counts());
            for (int r = 0; r < count; r++) {
                redraw(laws, drawn);
                double[] sums = bins.sums(drawn);
                for (int i = 0; i < statistics.length; i++) {
                    values[i][r] = statistics[i].of(sums, 0);
                }
            }
            double[] point = bins.sums(bins.counts());
            double[][] out = new double[statistics.length][];
            for (int i = 0; i < statistics.length; i++) {
                out[i] = interval(values[i]);
                double shift = exact[i] - statistics[i].of(point, 0);
                out[i][0] += shift;
                out[i][1] += shift;
            }
            return out;
        }

        private void redraw(Laws laws, long[] drawn) {
            for (int b = 0; b < drawn.length; b++) {
                drawn[b] = laws.lambda[b] >= REJECTION_FROM ? ptrs(laws, b) : inversion(laws.lambda[b],
                        laws.expMinusLambda[b]);
            }
        }

        /**
         * The constants of Hörmann's PTRS for every bin of a histogram, computed once for all the replicates (each
         * draw then needs no square root or logarithm unless its squeeze fails).
         */
        private static final class Laws {
            final long[] lambda;
            final double[] expMinusLambda;
            final double[] logLambda;
            final double[] b;
            final double[] a;
            final double[] logAlpha;
            final double[] vr;

            Laws(long[] histogram) {
                int n = histogram.length;
                lambda = histogram;
                expMinusLambda = new double[n];
                logLambda = new double[n];
                b = new double[n];
                a = new double[n];
                logAlpha = new double[n];
                vr = new double[n];
                for (int i = 0; i < n; i++) {
                    expMinusLambda[i] = Math.exp(-histogram[i]);
                    if (histogram[i] >= REJECTION_FROM) {
                        logLambda[i] = Math.log(histogram[i]);
                        b[i] = 0.931 + 2.53 * Math.sqrt(histogram[i]);
                        a[i] = -0.059 + 0.02483 * b[i];
                        logAlpha[i] = Math.log(1.1239 + 1.1328 / (b[i] - 3.4));
                        vr[i] = 0.9277 - 3.6224 / (b[i] - 2);
                    }
                }
            }
        }

        /**
         * A Poisson(λ) draw, exact at every λ: inversion below {@link #REJECTION_FROM}, whose cost grows with λ;
         * from there Hörmann's transformed rejection with squeeze (PTRS, 1993), whose cost does not. (The normal
         * approximation used before above λ = 500 erred in a bin's skewness by 1/√λ ≤ 0.045 of a standard
         * deviation; with a thousand bins of the moment histograms each above 500 nationally, an exact draw costs no
         * more and leaves nothing to argue.)
         */
        long poisson(long lambda) {
            return lambda >= REJECTION_FROM ? ptrs(new Laws(new long[] {lambda}), 0)
                    : inversion(lambda, Math.exp(-lambda));
        }

        /** A Poisson(λ) draw by inversion, given e^−λ. */
        private long inversion(long lambda, double expMinusLambda) {
            double u = random.nextDouble();
            double probability = expMinusLambda;
            double cumulative = probability;
            long k = 0;
            while (u > cumulative && probability > 0) {
                k++;
                probability *= (double) lambda / k;
                cumulative += probability;
            }
            return k;
        }

        private long ptrs(Laws laws, int bin) {
            double lambda = laws.lambda[bin];
            double a = laws.a[bin];
            double b = laws.b[bin];
            while (true) {
                double u = random.nextDouble() - 0.5;
                double v = random.nextDouble();
                double us = 0.5 - Math.abs(u);
                long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
                if (us >= 0.07 && v <= laws.vr[bin]) {
                    return k;
                }
                if (k < 0 || (us < 0.013 && v > us)) {
                    continue;
                }
                if (Math.log(v) + laws.logAlpha[bin] - Math.log(a / (us * us) + b)
                        <= -lambda + k * laws.logLambda[bin] - logFactorial(k)) {
                    return k;
                }
            }
        }

        /** log k!, from a table below {@link #LOG_FACTORIALS}'s length. */
        private static double logFactorial(long k) {
            return k < LOG_FACTORIALS.length ? LOG_FACTORIALS[(int) k] : Gamma.logGamma(k + 1.0);
        }

        /** Percentiles (1 ± confidence) / 2 of the finite replicates, by linear interpolation; NaN if none. */
        private double[] interval(double[] values) {
            double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
            if (finite.length == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double tail = (1 - confidence) / 2;
            return new double[] {quantile(finite, tail), quantile(finite, 1 - tail)};
        }

        /** The q-quantile of sorted values by linear interpolation between order statistics. */
        static double quantile(double[] sorted, double q) {
            double position = q * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        }
    }

    /** A statistic of the sums starting at an offset. */
    @FunctionalInterface
    interface Statistic {
        double of(double[] sums, int offset);
    }
}
