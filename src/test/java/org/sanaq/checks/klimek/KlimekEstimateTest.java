package org.sanaq.checks.klimek;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * When a fit is read: a flag needs an interval's lower end above its threshold; a fit that puts 90 % of precincts or
 * more in fraud is at the model's bound and is read as no share at all (ru-2024's Московская область: fi 100 %, its
 * interval 99.9–100 %, with 6 % of the misfit explained).
 */
class KlimekEstimateTest {
    private static final HonestParameters HONEST = new HonestParameters(0.6, 0.05, 0.7, 0.05);

    private static KlimekEstimate fit(double fi, double fiLow, double fe, double feLow) {
        return new KlimekEstimate(1000, 1_000_000, 600_000, HONEST, fi, fiLow, fi, fe, feLow, fe, 0, 0, 0, 0);
    }

    @Test
    void aFlagNeedsALowerEndAboveItsThreshold() {
        assertTrue(fit(0.3, 0.06, 0, 0).flags(0.05, 0.005));
        assertFalse(fit(0.3, 0.05, 0, 0).flags(0.05, 0.005), "the lower end at the threshold is not above it");
        assertTrue(fit(0, 0, 0.02, 0.006).flags(0.05, 0.005));
    }

    @Test
    void nearlyEveryPrecinctInFraudIsTheModelsBound() {
        assertTrue(fit(0.999, 0.999, 0.001, 0).atBound(KlimekJudge.AT_BOUND), "Московская область 2024");
        assertTrue(fit(0.88, 0.8, 0.02, 0.01).atBound(KlimekJudge.AT_BOUND), "fi + fe = 0.90");
        assertFalse(fit(0.5667, 0.4487, 0.0258, 0.0233).atBound(KlimekJudge.AT_BOUND), "ru-2011 national");
        assertFalse(KlimekEstimate.noSpread(new CellSizes()).atBound(KlimekJudge.AT_BOUND), "no honest cloud");
    }
}
