package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * A fast sanity check of the smooth null on simulated honest rows (the calibration of issue 16 runs the full
 * generator over 200 seeds): a minor candidate whose votes are a Poisson mixture (precinct sizes log-normal, from
 * tens to thousands of voters; expected votes per precinct from 0.5 to 30) and the ballots of a region of similar
 * precincts (the pairs need counts ≥ 100 dense enough to be tested).
 * At 0.01 each statistic rejects about 1 % of the honest rows it tests, and a preference for 0 and 5 in 5 % of
 * precincts is found.
 */
class SmoothNullMonteCarloTest {
    /** Simulations of two rows each: 500 histograms. */
    private static final int SIMULATIONS = 250;
    private static final int PRECINCTS = 4_000;
    private static final double ALPHA = 0.01;
    private static final int MIN_COUNT = 50;
    private static final List<DigitStatistic> TESTED = List.of(DigitStatistic.LAST_DIGIT_MEAN,
            DigitStatistic.LAST_ZERO_OR_FIVE, DigitStatistic.LAST_DIGIT_CHI2, DigitStatistic.REPEATED_PAIRS,
            DigitStatistic.ADJACENT_PAIRS, DigitStatistic.PERCENT_ZERO_OR_FIVE);

    /**
     * The candidate's and the ballots' summaries of one simulated set of precincts whose candidate expects
     * {@code meanVotes} votes in a precinct of average size; in a share {@code rounded} of precincts the candidate's
     * count is written as the nearest multiple of 5.
     */
    private static UnitSummary[] simulate(long seed, int precincts, double meanVotes, double rounded) {
        Well19937c random = new Well19937c(seed);
        UnitSummary candidate = new UnitSummary(100, false);
        UnitSummary ballots = new UnitSummary(100, false);
        for (int i = 0; i < precincts; i++) {
            // registered voters log-normal about 600 (20 to 5,000); the candidate's rate varies between precincts
            long registered = Math.max(20, Math.min(5_000, Math.round(600 * Math.exp(0.6 * random.nextGaussian()))));
            long turnout = poisson(random, 0.55 * registered);
            // the ballots whose last two digits the pairs test: a region of similar precincts (about 165 ballots,
            // 120 to 220), dense enough for neighbours of 20 precincts
            long similar = poisson(random, 165 * Math.exp(0.15 * random.nextGaussian()));
            long votes = poisson(random, meanVotes / 600 * Math.exp(0.3 * random.nextGaussian() - 0.045) * registered);
            if (random.nextDouble() < rounded) {
                votes = 5 * Math.round(votes / 5.0);
            }
            candidate.addCount(votes);
            ballots.addCount(similar);
            if (turnout > 0) {
                candidate.addProportion(votes, turnout, turnout / (double) registered, 0.5);
            }
            ballots.addProportion(turnout, registered, turnout / (double) registered, 0.5);
        }
        return new UnitSummary[] {candidate, ballots};
    }

    /**
     * A Poisson(λ) draw by inversion up to λ = 50; above, the nearest whole number to a normal of mean and variance
     * λ, whose law is as smooth (all the null needs) and much cheaper to draw.
     */
    private static long poisson(Well19937c random, double lambda) {
        if (lambda > 50) {
            return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double u = random.nextDouble();
        double term = Math.exp(-lambda);
        double cumulative = term;
        long k = 0;
        while (u > cumulative && term > 0) {
            k++;
            term *= lambda / k;
            cumulative += term;
        }
        return k;
    }

    /** For each tested statistic, {rows tested, rows rejected at 0.01}, over both rows of every simulation. */
    private static Map<DigitStatistic, int[]> rejections(int rows, int precincts, double rounded, long seed) {
        Map<DigitStatistic, int[]> out = new EnumMap<>(DigitStatistic.class);
        for (int r = 0; r < rows; r++) {
            double meanVotes = 0.5 + 29.5 * r / (rows - 1.0);
            UnitSummary[] summaries = simulate(seed + r, precincts, meanVotes, rounded);
            for (int which = 0; which < 2; which++) {
                RowStatistics.Result row = RowStatistics.of(new UnitRow(null, which == 0 ? "A" : "turnout"),
                        summaries[which], 100, 0.95, r, DigitConvention.SANAQ);
                for (DigitStatistic s : TESTED) {
                    if (which == 1 && rounded > 0) {
                        continue;
                    }
                    RowStatistics.Estimate e = row.estimate(s);
                    if (row.size(s.testable) >= MIN_COUNT && Double.isFinite(e.testP())) {
                        int[] counts = out.computeIfAbsent(s, k -> new int[2]);
                        counts[0]++;
                        counts[1] += e.testP() <= ALPHA ? 1 : 0;
                    }
                }
            }
        }
        return out;
    }

    @Test
    void honestRowsAreRejectedAtTheNominalRate() {
        Map<DigitStatistic, int[]> rates = rejections(SIMULATIONS, PRECINCTS, 0, 1_000);
        for (DigitStatistic s : TESTED) {
            int[] counts = rates.get(s);
            // each statistic is tested on at least 200 of the 500 rows (a candidate with 0.5 votes has no
            // testable count ≥ 10; the pairs need counts ≥ 100, the ballots' row)
            assertTrue(counts != null && counts[0] >= 200, s + " tested on " + (counts == null ? 0 : counts[0]));
            // binomial allowance: at most 1 % plus three standard deviations of a 1 % binomial count (about
            // 0.016 to 0.02 of the rows tested)
            double allowed = ALPHA * counts[0] + 3 * Math.sqrt(ALPHA * (1 - ALPHA) * counts[0]);
            System.out.printf("%s: %d of %d rejected at %.2f (allowed %.1f)%n", s.metric, counts[1], counts[0],
                    ALPHA, allowed);
            assertTrue(counts[1] <= allowed, s + ": " + counts[1] + " of " + counts[0] + " rejected");
        }
    }

    @Test
    void aPreferenceForZeroAndFiveInFivePercentOfPrecinctsIsFound() {
        // 10 rows of 20,000 precincts whose candidate expects 10 to 28 votes
        int found = 0;
        for (int r = 0; r < 10; r++) {
            UnitSummary candidate = simulate(5_000 + r, 20_000, 10 + 2 * r, 0.05)[0];
            RowStatistics.Result row = RowStatistics.of(new UnitRow(null, "A"), candidate, 100, 0.95, r,
                    DigitConvention.SANAQ);
            found += row.estimate(DigitStatistic.LAST_ZERO_OR_FIVE).testP() <= ALPHA ? 1 : 0;
        }
        assertTrue(found >= 9, found + " of 10 found");
    }
}
