package org.sanaq.checks.digits;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.sanaq.stats.DipTest;

/**
 * The statistics of one (unit, row) summary with their bootstrap intervals, as a small map (computed on the
 * executors; only these maps reach the driver). Digit statistics depend on histograms only, so their replicates
 * redraw each histogram bin as Poisson(count), which is exactly what per-count Poisson(1) weights give; Skew, Kurt
 * and Sobyanin use the per-replicate sums the Spark pass accumulated with per-precinct weights. Intervals are
 * percentile intervals at the job's confidence. The dip's p-value is left to the driver (its simulated reference
 * depends on the sample size only, and is shared between rows).
 */
final class RowStatistics {
    static final String UNIT = "unit";
    static final String SUBJECT = "subject";
    static final String SPECIAL = "excluded_special";
    static final String OBS = "obs";
    static final String DIP = "dip";
    static final String FIRST = "first";
    static final String SECOND = "second";
    static final String LAST = "last";

    private RowStatistics() {
    }

    static Map<String, Object> of(String unit, String subject, UnitSummary s, int replicates, double confidence,
            long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(UNIT, unit);
        out.put(SUBJECT, subject);
        out.put(SPECIAL, s.special);
        out.put(OBS, s.observations);
        long atLeast10 = UnitSummary.total(s.last);
        out.put(DigitStatistic.Sample.FIRST_DIGITS.key, UnitSummary.total(s.first));
        out.put(DigitStatistic.Sample.AT_LEAST_10.key, atLeast10);
        out.put(DigitStatistic.Sample.PROPORTIONS.key, s.percentValues);
        out.put(FIRST, s.first.clone());
        out.put(SECOND, s.second.clone());
        out.put(LAST, s.last.clone());
        Replicates draws = new Replicates(seed ^ (31L * (unit == null ? 0 : unit.hashCode()) + subject.hashCode()),
                replicates, confidence);
        if (UnitSummary.total(s.first) > 0) {
            out.put(DigitStatistic.FIRST_DIGIT_CHI2.metric, DigitLaws.chiSquareP(s.first, DigitLaws.BENFORD_FIRST));
            out.put(DigitStatistic.FIRST_DIGIT_MAD.metric,
                    DigitLaws.meanAbsoluteDeviation(s.first, DigitLaws.BENFORD_FIRST));
        }
        if (atLeast10 > 0) {
            digitStatistics(s, atLeast10, draws, out);
        }
        if (s.percentValues > 0) {
            proportionStatistics(s, subject.equals(DigitPass.TURNOUT), draws, out);
        }
        return out;
    }

    private static void digitStatistics(UnitSummary s, long n, Replicates draws, Map<String, Object> out) {
        double secondMean = DigitLaws.meanDigit(s.second, 0);
        put(out, DigitStatistic.SECOND_DIGIT_MEAN, secondMean, draws.histogram(s.second,
                h -> DigitLaws.meanDigit(h, 0)));
        out.put(DigitStatistic.SECOND_DIGIT_MEAN.testP(), DigitLaws.meanTestP(secondMean, n,
                DigitLaws.SECOND_DIGIT_MEAN, DigitLaws.SECOND_DIGIT_VARIANCE));
        double lastMean = DigitLaws.meanDigit(s.last, 0);
        put(out, DigitStatistic.LAST_DIGIT_MEAN, lastMean, draws.histogram(s.last, h -> DigitLaws.meanDigit(h, 0)));
        out.put(DigitStatistic.LAST_DIGIT_MEAN.testP(), DigitLaws.meanTestP(lastMean, n, DigitLaws.LAST_DIGIT_MEAN,
                DigitLaws.LAST_DIGIT_VARIANCE));
        share(out, DigitStatistic.LAST_ZERO_OR_FIVE, s.last[0] + s.last[5], n, draws);
        share(out, DigitStatistic.REPEATED_PAIRS, s.repeatedPairs, n, draws);
        share(out, DigitStatistic.ADJACENT_PAIRS, s.adjacentPairs, n, draws);
        out.put(DigitStatistic.SECOND_DIGIT_CHI2.metric, DigitLaws.chiSquareP(s.second, DigitLaws.BENFORD_SECOND));
        out.put(DigitStatistic.LAST_DIGIT_CHI2.metric, DigitLaws.chiSquareP(s.last, DigitLaws.UNIFORM_LAST));
    }

    private static void proportionStatistics(UnitSummary s, boolean turnout, Replicates draws,
            Map<String, Object> out) {
        share(out, DigitStatistic.PERCENT_ZERO_OR_FIVE, s.percentZeroOrFive, s.percentValues, draws);
        put(out, DigitStatistic.SKEW, Moments.skew(s.sums, 0), draws.sums(s.replicateSums, Moments::skew));
        put(out, DigitStatistic.KURT, Moments.kurt(s.sums, 0), draws.sums(s.replicateSums, Moments::kurt));
        if (!turnout) {
            put(out, DigitStatistic.SOBYANIN, Moments.sobyanin(s.sums, 0),
                    draws.sums(s.replicateSums, Moments::sobyanin));
        }
        double[] values = new double[s.percentBins.size()];
        long[] weights = new long[values.length];
        int i = 0;
        for (Map.Entry<Integer, Long> e : s.percentBins.entrySet()) {
            values[i] = e.getKey() / (double) UnitSummary.P_BINS_PER_UNIT;
            weights[i++] = e.getValue();
        }
        out.put(DIP, DipTest.dip(values, weights));
    }

    /** A share of n with its exact binomial test and its interval. */
    private static void share(Map<String, Object> out, DigitStatistic statistic, long k, long n, Replicates draws) {
        put(out, statistic, (double) k / n, draws.histogram(new long[] {k, n - k}, h -> (double) h[0] / (h[0] + h[1])));
        out.put(statistic.testP(), DigitLaws.shareTestP(k, n, statistic.expected));
    }

    private static void put(Map<String, Object> out, DigitStatistic statistic, double value, double[] interval) {
        out.put(statistic.metric, value);
        out.put(statistic.ciLow(), interval[0]);
        out.put(statistic.ciHigh(), interval[1]);
    }

    /** The bootstrap replicates of one row, seeded by the run's seed and the row's unit and subject. */
    private static final class Replicates {
        /** Bin counts from which a Poisson draw is taken from the normal approximation. */
        private static final long NORMAL_FROM = 500;
        private final SplittableRandom random;
        private final int count;
        private final double confidence;

        Replicates(long seed, int count, double confidence) {
            this.random = new SplittableRandom(seed);
            this.count = count;
            this.confidence = confidence;
        }

        /** Percentile interval of a statistic of a histogram whose bins are redrawn as Poisson(bin count). */
        double[] histogram(long[] histogram, ToDoubleFunction<long[]> statistic) {
            double[] values = new double[count];
            long[] drawn = new long[histogram.length];
            for (int r = 0; r < count; r++) {
                for (int b = 0; b < drawn.length; b++) {
                    drawn[b] = poisson(histogram[b]);
                }
                values[r] = statistic.applyAsDouble(drawn);
            }
            return interval(values);
        }

        /**
         * A Poisson(λ) draw: exact inversion below {@link #NORMAL_FROM}; above, the normal N(λ, λ) rounded, whose
         * error in a bin count is of the order of Poisson's skewness, 1/√λ ≤ 0.045 of a standard deviation, which
         * does not move a percentile interval of a mean or share visibly.
         */
        long poisson(long lambda) {
            if (lambda >= NORMAL_FROM) {
                return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
            }
            double u = random.nextDouble();
            double probability = Math.exp(-lambda);
            double cumulative = probability;
            long k = 0;
            while (u > cumulative && probability > 0) {
                k++;
                probability *= (double) lambda / k;
                cumulative += probability;
            }
            return k;
        }

        /** Percentile interval of a statistic of the per-replicate sums ({@link Moments} layout). */
        double[] sums(double[] replicateSums, Statistic statistic) {
            double[] values = new double[count];
            for (int r = 0; r < count; r++) {
                values[r] = statistic.of(replicateSums, r * Moments.SIZE);
            }
            return interval(values);
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

        private static double quantile(double[] sorted, double q) {
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
