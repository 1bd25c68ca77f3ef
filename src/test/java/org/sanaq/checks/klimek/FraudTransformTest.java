package org.sanaq.checks.klimek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FraudTransformTest {

    @Test
    void aWorkedPrecinct() {
        // τ = 0.52, ν = 0.61, x = 0.3, α = 2: t' = 0.52 + 0.3 · 0.48 = 0.664;
        // leader per voter 0.3172 + 0.144 + 0.09 · 0.52 · 0.39 = 0.479452; s' = 0.479452 / 0.664
        assertEquals(0.664, FraudTransform.turnout(0.52, 0.3), 1e-15);
        assertEquals(0.479452 / 0.664, FraudTransform.share(0.52, 0.61, 0.3, 2), 1e-15);
        assertEquals(0.722066, FraudTransform.share(0.52, 0.61, 0.3, 2), 5e-7);
        assertEquals(0.144 + 0.018252, FraudTransform.leaderGain(0.52, 0.61, 0.3, 2), 1e-15);
        assertEquals(132 * 200 + 144, FraudTransform.cell(0.664, 0.722066));
    }

    @Test
    void noFraudLeavesThePrecinctAndFullFraudTakesItToTheCorner() {
        assertEquals(0.52, FraudTransform.turnout(0.52, 0), 0);
        assertEquals(0.61, FraudTransform.share(0.52, 0.61, 0, 2), 1e-15);
        assertEquals(1, FraudTransform.turnout(0.52, 1), 0);
        assertEquals(1, FraudTransform.share(0.52, 0.61, 1, 2), 1e-15);
        assertEquals(199 * 200 + 199, FraudTransform.cell(1, 1));
    }
}
