package org.sanaq.checks.klimek;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        // 5-bin sums: 4 at bins 98 to 102 (100 has the most itself, and flat neighbours leave the centre at the
        // bin's), 3 at 138 to 142: centre (100 + 0.5)/200 = 0.5025. Left of it bins 80 and 90 (0.1 and 0.05 away)
        // and half of bin 100 (mass 2, at 0.00125): σ² = (1 · 0.01 + 2 · 0.0025 + 2 · 0.00125²) / 5 = 0.003000625
        assertArrayEquals(new double[] {0.5025, Math.sqrt(0.003000625)}, HonestEstimate.centreAndSpread(p), 1e-12);
    }

    @Test
    void theCentreFallsWithinItsBinAtTheSmoothedParabolasVertex() {
        double[] p = new double[200];
        double[] peak = {1, 2, 3, 5, 6, 5, 4, 2, 1}; // bins 96 to 104
        System.arraycopy(peak, 0, p, 96, peak.length);
        // 5-bin sums 21, 23, 22 at bins 99, 100, 101: the vertex is 0.5 · (21 − 22) / (21 − 46 + 22) = 1/6 bin
        // right of bin 100's centre
        assertEquals((100.5 + 1.0 / 6) / 200, HonestEstimate.centreAndSpread(p)[0], 1e-12);
    }

    @Test
    void aLoneBinHasNoHonestSpread() {
        double[] p = new double[200];
        p[100] = 5; // centre 0.5025; the half bin left of it alone: σ = 0.00125, under half a bin
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
        // 5-bin sums 15, 19, 20, 19 at bins 98 to 101: mode 100, centre 0.5025; left of it 1 at 0.01, 4 at 0.005
        // and 5 (half of bin 100) at 0.00125: σ² = (0.0001 + 0.0001 + 5 · 0.00125²) / 10 = 0.00002078125
        assertArrayEquals(new double[] {0.5025, Math.sqrt(0.00002078125)}, HonestEstimate.centreAndSpread(p),
                1e-12);
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
        // sums 4 there, 3 at bin 80), σ² = (3 · 0.1² + 2 · 0.05² + 2 · 0.00125²) / 7
        HonestParameters h = HonestEstimate.of(map);
        assertArrayEquals(new double[] {0.5025, Math.sqrt(0.003000625), 0.5025, Math.sqrt(0.035003125 / 7)},
                new double[] {h.turnoutCentre(), h.turnoutSd(), h.shareCentre(), h.shareSd()}, 1e-12);
    }
}
