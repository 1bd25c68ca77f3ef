package org.sanaq.checks.neighbours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The worked example of the design (issue 19, 2.8), checked independently in Python: a district whose other
 * precincts have V = 1000 and G = 500, 520, 480, 510, 490.
 */
class NeighbourScoreTest {
    private static final double[] OTHERS = {stabilised(500, 1000), stabilised(520, 1000), stabilised(480, 1000),
            stabilised(510, 1000), stabilised(490, 1000)};

    private static double stabilised(long g, long v) {
        return NeighbourScore.stabilised((double) g / v);
    }

    @Test
    void theNeighboursSpreadIsAllBinomialNoise() {
        LeaveOneOut.Centre centre = LeaveOneOut.whole(OTHERS);
        assertEquals(0.785398, centre.median(), 1e-6);
        assertEquals(0.0100007, centre.mad(), 1e-7);
        // (1.4826·MAD)² = 0.00021984 is below the median noise 1/4000: no spread beyond noise
        assertEquals(0.00021984, Math.pow(NeighbourScore.MAD_TO_SD * centre.mad(), 2), 1e-8);
        assertEquals(0.0, NeighbourScore.spread2(centre.mad(), NeighbourScore.noise(1000)));
    }

    @Test
    void aPrecinctFarAboveItsNeighboursScoresFarAboveTheThreshold() {
        assertEquals(29.32, z(900, 1000), 0.005);
        assertTrue(z(900, 1000) >= 4);
    }

    @Test
    void aSmallPrecinctIsNotFlaggedForItsOwnNoise() {
        assertEquals(2.34, z(15, 20), 0.005);
        assertEquals(3.80, z(560, 1000), 0.005);
        assertFalse(z(560, 1000) >= 4);
    }

    @Test
    void proportionsOutsideZeroToOneAreClamped() {
        assertEquals(Math.PI / 2, NeighbourScore.stabilised(1.2));
        assertEquals(0.0, NeighbourScore.stabilised(-0.1));
    }

    private static double z(long g, long v) {
        LeaveOneOut.Centre centre = LeaveOneOut.whole(OTHERS);
        return NeighbourScore.z(stabilised(g, v), NeighbourScore.noise(v), centre.median(), centre.mad(),
                NeighbourScore.noise(1000));
    }
}
