package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * The bounded-cost bootstrap: the binned intervals of Skew, Kurt and Sobyanin contain the exact value and agree
 * with the per-precinct Poisson(1) bootstrap they replace (recomputed here, precinct by precinct), and the Poisson
 * draws are exact at small and large means.
 */
class RowStatisticsTest {
    private static final int PRECINCTS = 4_000;
    private static final int REPLICATES = 1_000;

    /** A sample of precincts: (votes, ballots, turnout), turnout and share related as in an honest election. */
    private static long[][] precincts() {
        SplittableRandom random = new SplittableRandom(7);
        long[][] out = new long[PRECINCTS][];
        for (int i = 0; i < PRECINCTS; i++) {
            long registered = 300 + random.nextInt(1_500);
            double t = 0.35 + 0.5 * random.nextDouble() * random.nextDouble();
            long ballots = Math.round(t * registered);
            double share = Math.max(0, Math.min(1, 0.3 + 0.4 * (t - 0.55) + 0.1 * random.nextGaussian()));
            out[i] = new long[] {Math.round(share * ballots), ballots, registered};
        }
        return out;
    }

    private static double[] percentile(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] {RowStatistics.Replicates.quantile(sorted, 0.025),
                RowStatistics.Replicates.quantile(sorted, 0.975)};
    }

    @Test
    void binnedIntervalsContainTheExactValueAndAgreeWithThePerPrecinctBootstrap() {
        long[][] sample = precincts();
        UnitSummary s = new UnitSummary(100, true);
        for (long[] p : sample) {
            s.addProportion(p[0], p[1], p[1] / (double) p[2], 0.5);
        }
        RowStatistics.Result row = RowStatistics.of(new UnitRow("U", "A"), s, REPLICATES, 0.95, 3,
                DigitConvention.SANAQ);

        // the old bootstrap: every precinct enters replicate r with its own Poisson(1) weight
        SplittableRandom random = new SplittableRandom(11);
        double[][] replicates = new double[REPLICATES][Moments.SIZE];
        for (long[] p : sample) {
            double[] terms = Moments.terms(p[0] / (double) p[1], p[1] / (double) p[2]);
            for (int r = 0; r < REPLICATES; r++) {
                int w = poissonOne(random);
                if (w > 0) {
                    Moments.add(replicates[r], 0, w, terms);
                }
            }
        }
        DigitStatistic[] statistics = {DigitStatistic.SKEW, DigitStatistic.KURT, DigitStatistic.SOBYANIN};
        RowStatistics.Statistic[] formulas = {Moments::skew, Moments::kurt, Moments::sobyanin};
        for (int i = 0; i < statistics.length; i++) {
            double exact = formulas[i].of(s.sums, 0);
            RowStatistics.Estimate estimate = row.estimate(statistics[i]);
            double low = estimate.ciLow();
            double high = estimate.ciHigh();
            assertEquals(exact, estimate.value(), 0);
            assertTrue(low < exact && exact < high, statistics[i] + " " + low + " " + exact + " " + high);
            double[] values = new double[REPLICATES];
            for (int r = 0; r < REPLICATES; r++) {
                values[r] = formulas[i].of(replicates[r], 0);
            }
            double[] old = percentile(values);
            double width = old[1] - old[0];
            // two independent sets of 1,000 replicates: each bound wanders by about 3 % of the width
            assertEquals(old[0], low, 0.15 * width, statistics[i] + " low, old " + Arrays.toString(old));
            assertEquals(old[1], high, 0.15 * width, statistics[i] + " high, old " + Arrays.toString(old));
            assertEquals(width, high - low, 0.15 * width, statistics[i] + " width");
        }
    }

    private static int poissonOne(SplittableRandom random) {
        double u = random.nextDouble();
        double term = Math.exp(-1);
        double cumulative = term;
        int k = 0;
        while (u > cumulative) {
            k++;
            term /= k;
            cumulative += term;
        }
        return k;
    }

    @Test
    void poissonDrawsHaveThePoissonLawAtSmallAndLargeMeans() {
        RowStatistics.Replicates draws = new RowStatistics.Replicates(5, 1, 0.95);
        for (long lambda : new long[] {3, 10, 37, 499, 500, 5_000}) {
            int n = 200_000;
            double sum = 0;
            double squares = 0;
            PoissonDistribution law = new PoissonDistribution(lambda);
            long atMode = 0;
            long belowMean = 0;
            for (int i = 0; i < n; i++) {
                long k = draws.poisson(lambda);
                sum += k;
                squares += (double) k * k;
                atMode += k == lambda ? 1 : 0;
                belowMean += k < lambda ? 1 : 0;
            }
            double mean = sum / n;
            double variance = squares / n - mean * mean;
            // mean within 5 standard errors, variance within 3 %, two probabilities within 5 standard errors
            assertEquals(lambda, mean, 5 * Math.sqrt(lambda / (double) n), "mean at " + lambda);
            assertEquals(lambda, variance, 0.03 * lambda, "variance at " + lambda);
            double pMode = law.probability((int) lambda);
            assertEquals(pMode, atMode / (double) n, 5 * Math.sqrt(pMode / n), "P(k = λ) at " + lambda);
            double pBelow = law.cumulativeProbability((int) lambda - 1);
            assertEquals(pBelow, belowMean / (double) n, 5 * Math.sqrt(pBelow * (1 - pBelow) / n),
                    "P(k < λ) at " + lambda);
        }
    }
}
