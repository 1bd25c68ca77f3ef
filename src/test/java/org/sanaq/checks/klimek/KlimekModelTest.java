package org.sanaq.checks.klimek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Why the fit does not recover fi: on a map that is exactly the model's, the left-half honest estimate takes most of
 * incremental fraud's shift for the honest cloud's.
 */
class KlimekModelTest {
    @Test
    void theLeftHalfEstimateTakesIncrementalFraudsShiftForHonest() {
        // 60 % honest precincts about (0.6, 0.45), 40 % with incremental fraud: x ~ |N(0, 0.075)|, E[x] = 0.06, moves
        // a precinct by about x(1 − τ) = 0.024 in turnout, under half the honest σ (0.05); the whole cloud's mode
        // moves right by about 0.008 and the left-half estimate puts the honest centre there, so the fit finds
        // a fifth of the planted fraction
        FraudKernel kernel = new FraudKernel(2, 0.075);
        double[] observed = ModelMaps.of(kernel, new HonestParameters(0.6, 0.05, 0.45, 0.04)).mixture(0.4, 0);
        KlimekModel.PointFit fit = new KlimekModel(2, 0.075).fit(observed);
        assertEquals(0.6082, fit.honest().turnoutCentre(), 5e-5);
        assertEquals(0.4579, fit.honest().shareCentre(), 5e-5);
        assertEquals(0.0793, fit.fit().fi(), 5e-5);
        assertTrue(fit.fit().fe() < 2e-4, "no extreme fraud: " + fit.fit().fe());
    }
}
