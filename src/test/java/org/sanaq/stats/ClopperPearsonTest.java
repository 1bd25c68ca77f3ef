package org.sanaq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * One-sided 95 % Clopper–Pearson bounds against values found by bisection on the exact binomial distribution
 * function (P(X ≤ k) = 0.05 for the upper bound, P(X ≥ k) = 0.05 for the lower), and the closed form 1 − 0.05^(1/n)
 * of the upper bound with no success.
 */
class ClopperPearsonTest {
    @Test
    void upperBoundsMatchTheExactBinomial() {
        assertEquals(1 - Math.pow(0.05, 1 / 200.0), ClopperPearson.upper(0, 200, 0.95), 1e-12);
        assertEquals(0.014867039231272, ClopperPearson.upper(0, 200, 0.95), 1e-10);
        assertEquals(0.031142599414084, ClopperPearson.upper(2, 200, 0.95), 1e-10);
        assertEquals(0.394163302436505, ClopperPearson.upper(1, 10, 0.95), 1e-10);
        assertEquals(1.0, ClopperPearson.upper(3, 3, 0.95));
    }

    @Test
    void lowerBoundsMatchTheExactBinomial() {
        assertEquals(0.916664848933628, ClopperPearson.lower(190, 200, 0.95), 1e-10);
        assertEquals(0.605836697563495, ClopperPearson.lower(9, 10, 0.95), 1e-10);
        assertEquals(Math.pow(0.05, 1 / 50.0), ClopperPearson.lower(50, 50, 0.95), 1e-12);
        assertEquals(0.0, ClopperPearson.lower(0, 50, 0.95));
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.upper(5, 4, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.lower(0, 0, 0.95));
    }
}
