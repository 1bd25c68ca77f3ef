package org.sanaq.checks.neighbours;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The yardstick of a unit is its precincts of about 100 voters or more: a district of four town precincts (2,000
 * voters, turnout 50, 52, 54, 56 %) and six ships (40 voters, all voting), as ru-2018's TIK "5 Архангельск, Южная"
 * has, where the ships would otherwise set the median at 100 % and make every town precinct an outlier (z −70).
 * Expected values worked out in Python (statistics.median over asin √p, spread² = max(0, (1.4826 MAD)² − median
 * 1/4n)); the tolerance 1e-9 is rounding of the printed figures' last digits.
 */
class UnitScoringTest {
    private static final double LIMIT = 1 / (4 * UnitScores.Settings.REFERENCE_VOTERS);

    @Test
    void tinyPrecinctsAreScoredButAreNoYardstick() {
        long[] g = {1000, 1040, 1080, 1120, 40, 40, 40, 40, 40, 40};
        long[] v = {2000, 2000, 2000, 2000, 40, 40, 40, 40, 40, 40};
        double[] y = new double[g.length];
        double[] noise = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            y[i] = NeighbourScore.stabilised(g[i] / (double) v[i]);
            noise[i] = NeighbourScore.noise(v[i]);
        }
        UnitScoring.Variable turnout = new UnitScoring.Variable(y, noise);
        UnitScoring.Scored[] scored = UnitScoring.score(turnout, turnout, 5000, LIMIT);
        // the first town precinct against the three others: median asin √0.54
        assertEquals(0.8254409534142778, scored[0].medianTurnout(), 1e-9);
        assertEquals(-1.3479004575032398, scored[0].zTurnout(), 1e-9);
        // a ship against the four town precincts: far above them, even with its own noise of 1/160
        assertEquals(0.8154222269943603, scored[4].medianTurnout(), 1e-9);
        assertEquals(9.02450112171059, scored[4].zTurnout(), 1e-9);
    }

    @Test
    void aUnitOfTinyPrecinctsOnlyIsItsOwnYardstick() {
        double[] y = {0.70, 0.72, 0.74, 0.76, 0.78, 0.80};
        double[] noise = new double[6];
        java.util.Arrays.fill(noise, NeighbourScore.noise(30));
        UnitScoring.Variable v = new UnitScoring.Variable(y, noise);
        UnitScoring.Scored[] scored = UnitScoring.score(v, v, 5000, LIMIT);
        // the others of the first: 0.72 … 0.80, median 0.76
        assertEquals(0.76, scored[0].medianTurnout(), 1e-12);
    }
}
