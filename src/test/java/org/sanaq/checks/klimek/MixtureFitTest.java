package org.sanaq.checks.klimek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MixtureFitTest {

    @Test
    void anObservedMapThatIsAMixtureIsFittedExactly() {
        // o = 0.5·H + 0.3·I + 0.2·E with H, I, E the three unit vectors
        MixtureFit fit = MixtureFit.of(new double[] {0.5, 0.3, 0.2}, new double[] {1, 0, 0}, new double[] {0, 1, 0},
                new double[] {0, 0, 1});
        assertEquals(0.3, fit.fi(), 1e-12);
        assertEquals(0.2, fit.fe(), 1e-12);
        assertEquals(0, fit.distance(), 1e-12);
        // D0 = |o − H|² = 0.25 + 0.09 + 0.04
        assertEquals(0.38, fit.distanceHonest(), 1e-12);
        assertEquals(1, fit.explained(), 1e-12);
    }

    @Test
    void aSolutionOutsideTheTriangleIsReplacedByTheBestOnItsEdges() {
        // a = I − H = (−0.5, 0.5, 0), b = E − H = (−0.5, −0.5, 1), r = o − H = (0.1, −0.1, 0): aa = 0.5, ab = 0,
        // bb = 1.5, ar = −0.1, br = 0, so the normal equations give fi = −0.2, fe = 0; the best point of the
        // triangle is the honest corner, D = D0 = 0.02
        MixtureFit fit = MixtureFit.of(new double[] {0.6, 0.4, 0}, new double[] {0.5, 0.5, 0},
                new double[] {0, 1, 0}, new double[] {0, 0, 1});
        assertEquals(0, fit.fi(), 0);
        assertEquals(0, fit.fe(), 0);
        assertEquals(0.02, fit.distance(), 1e-15);
        assertEquals(0.02, fit.distanceHonest(), 1e-15);
        assertEquals(0, fit.explained(), 1e-12);
    }

    @Test
    void aMapBeyondEveryFraudIsFittedOnTheHypotenuse() {
        // o = (−0.2, 0.6, 0.6): r = (−1.2, 0.6, 0.6), a = (−1, 1, 0), b = (−1, 0, 1), aa = bb = 2, ab = 1,
        // ar = br = 1.8, so the normal equations give fi = fe = 0.6, beyond fi + fe = 1. On that edge
        // (r − b) − u·(a − b) = (−0.2, 0.6 − u, u − 0.4) is least at u = 0.5: D = 0.04 + 0.01 + 0.01 = 0.06; on the
        // edge fe = 0, fi = ar/aa = 0.9 leaves (−0.3, −0.3, 0.6), D = 0.54, and fi = 0 the same
        MixtureFit fit = MixtureFit.of(new double[] {-0.2, 0.6, 0.6}, new double[] {1, 0, 0}, new double[] {0, 1, 0},
                new double[] {0, 0, 1});
        assertEquals(0.5, fit.fi(), 1e-12);
        assertEquals(0.5, fit.fe(), 1e-12);
        assertEquals(0.06, fit.distance(), 1e-12);
    }
}
