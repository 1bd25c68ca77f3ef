package org.sanaq.checks.klimek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelMapsTest {
    private static final FraudKernel KERNEL = new FraudKernel(2, 0.075);

    @Test
    void eachMapIsADistributionAndExtremeFraudReachesTheCorner() {
        ModelMaps maps = ModelMaps.of(KERNEL, new HonestParameters(0.6, 0.02, 0.5, 0.02));
        assertEquals(1, sum(maps.honest()), 1e-12);
        assertEquals(1, sum(maps.incremental()), 1e-12);
        assertEquals(1, sum(maps.extreme()), 1e-12);
        double corner = 0;
        for (int j = 180; j < 200; j++) {
            for (int k = 180; k < 200; k++) {
                corner += maps.extreme()[j * 200 + k];
            }
        }
        // at the honest centre (0.6, 0.5) the share passes 90 % just above x = 0.83 ((0.3 + 0.332 + 0.2067) / 0.932
        // = 0.8999) and turnout for x ≥ 0.75; x ~ N(0.925, 0.075) is above 0.832 with probability Φ(1.24) = 0.89;
        // the honest spread and the nodes' discreteness move a little of it either way
        assertTrue(corner >= 0.85, "extreme fraud's mass at 90 % turnout and share or more: " + corner);
    }

    @Test
    void theGainOfIncrementalFraudIsTheHalfNormalsMomentsOverOneHonestCell() {
        // all honest mass in the cell of centre τ = ν = 0.5025 (σ = 0.0005: the bin's edges are 5σ away). Over
        // x ~ |N(0, σx)|: E[x] = σx·√(2/π), E[x²] = σx², so the gain is σx√(2/π)(1 − τ) + σx²·τ(1 − ν), up to the
        // quadrature's error with 24 nodes
        ModelMaps maps = ModelMaps.of(KERNEL, new HonestParameters(0.5025, 0.0005, 0.5025, 0.0005));
        double tau = 0.5025;
        double expected = 0.075 * Math.sqrt(2 / Math.PI) * (1 - tau) + 0.075 * 0.075 * tau * (1 - tau);
        assertEquals(expected, maps.incrementalGain(), 0.01 * expected);
        // extreme fraud: x about 1 − σx, so nearly all the non-voters and others' votes: (1 − τ) + τ(1 − ν) ≈ 0.75
        assertEquals(0.75, maps.extremeGain(), 0.1);
    }

    @Test
    void theNodesAreTheMidQuantilesOfEachKindOfFraud() {
        double[] incremental = FraudKernel.incrementalNodes(0.075);
        double[] extreme = FraudKernel.extremeNodes(0.075);
        // the first incremental node is σx·Φ⁻¹(0.5 + 0.25/24), the last σx·Φ⁻¹(1 − 0.25/24) (Φ⁻¹ from Python's
        // statistics.NormalDist: 0.0261137, 2.3109913)
        assertEquals(0.075 * 0.0261137, incremental[0], 1e-8);
        assertEquals(0.075 * 2.3109913, incremental[23], 1e-8);
        // extreme: 1 − σx + σx·Φ⁻¹(0.5/24) (Φ⁻¹ = −2.0368341), clipped at 1 above
        assertEquals(1 - 0.075 - 0.075 * 2.0368341, extreme[0], 1e-8);
        assertEquals(1, extreme[23], 0);
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
