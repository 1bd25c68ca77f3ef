package org.sanaq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MonteCarloPTest {
    @Test
    void theFloorIsOneOverSimulationsPlusOneAndIsWrittenAsABound() {
        assertEquals(1 / 1001.0, MonteCarloP.floor(1000));
        assertTrue(MonteCarloP.atFloor(1 / 1001.0, 1000));
        assertFalse(MonteCarloP.atFloor(2 / 1001.0, 1000));
        // 1/1001 = 0.000999…, rounded up to two significant digits: 0.0010
        assertEquals("< 0.001", MonteCarloP.relation(1 / 1001.0, 1000));
        // 1/101 = 0.00990…: 0.010; 1/201 = 0.004975…: 0.0050; 1/301 = 0.003322…: 0.0034
        assertEquals("< 0.01", MonteCarloP.relation(1 / 101.0, 100));
        assertEquals("< 0.0034", MonteCarloP.relation(1 / 301.0, 300));
        assertEquals("< 0.005", MonteCarloP.relation(1 / 201.0, 200));
        assertEquals("< 0.00001", MonteCarloP.relation(1 / 100_001.0, 100_000));
    }

    @Test
    void aboveTheFloorTheValueIsWritten() {
        assertEquals("= 0.159", MonteCarloP.relation(159 / 1001.0, 1000));
        assertEquals("= 0.002", MonteCarloP.relation(2 / 1001.0, 1000));
        assertEquals("= 2.0e-04", MonteCarloP.relation(2 / 10_001.0, 10_000));
    }
}
