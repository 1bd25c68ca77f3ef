package org.sanaq.checks.klimek;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HonestEstimateTest {

    @Test
    void theCentreIsTheSmoothedModeAndTheSpreadTheLeftHalfsRootMeanSquare() {
        double[] p = new double[200];
        p[80] = 1;
        p[90] = 2;
        p[100] = 4;
        p[110] = 2;
        p[140] = 3;
        // 5-bin sums: 4 at bins 98 to 102 (100 has the most itself), 3 at 138 to 142: mode 100, centre 0.5025;
        // left of it bins 80 and 90
        // (centres 0.4025, 0.4525): σ² = (1 · 0.1² + 2 · 0.05²) / 3 = 0.005
        assertArrayEquals(new double[] {0.5025, Math.sqrt(0.005)}, HonestEstimate.centreAndSpread(p), 1e-12);
    }

    @Test
    void aMarginalWithNothingLeftOfItsModeHasNoHonestSpread() {
        double[] p = new double[200];
        p[100] = 5; // the 5-bin sums of bins 98 to 102 tie; bin 100 has the most: nothing left of it
        assertNull(HonestEstimate.centreAndSpread(p));
    }

    @Test
    void aNarrowPeakHasItsSpreadFromItsLeftNeighbours() {
        double[] p = new double[200];
        p[98] = 1;
        p[99] = 4;
        p[100] = 10;
        p[101] = 4;
        p[102] = 1;
        // 5-bin sums 15, 19, 20, 19 at bins 98 to 101: mode 100 (centre 0.5025); left of it 1 at 0.01, 4 at 0.005:
        // σ² = (1 · 0.0001 + 4 · 0.000025) / 5 = 0.00004
        assertArrayEquals(new double[] {0.5025, Math.sqrt(0.00004)}, HonestEstimate.centreAndSpread(p), 1e-12);
    }

    @Test
    void theHonestParametersComeFromBothMarginalsOfTheMap() {
        double[] map = new double[200 * 200];
        map[80 * 200 + 140] = 1; // turnout bins 80, 90, 100, 110, 140 with 1, 2, 4, 2, 3; share bins 140, 90, ...
        map[90 * 200 + 90] = 2;
        map[100 * 200 + 100] = 4;
        map[110 * 200 + 110] = 2;
        map[140 * 200 + 80] = 3;
        // turnout as in the first test; share 3 at bin 80, 2, 4, 2 at bins 90, 100, 110, 1 at 140: mode 100 (5-bin
        // sums 4 there, 3 at bin 80), σ² = (3 · 0.1² + 2 · 0.05²) / 5 = 0.035 / 5
        HonestParameters h = HonestEstimate.of(map);
        assertArrayEquals(new double[] {0.5025, Math.sqrt(0.005), 0.5025, Math.sqrt(0.035 / 5)},
                new double[] {h.turnoutCentre(), h.turnoutSd(), h.shareCentre(), h.shareSd()}, 1e-12);
    }
}
