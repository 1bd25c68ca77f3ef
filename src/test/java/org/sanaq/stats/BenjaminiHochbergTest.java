package org.sanaq.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void adjustsByHand() {
        // sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); m·p/rank = 0.02, 0.02, 0.04, 0.04; running minimum
        // from the largest rank down leaves them; 0.9 (rank 5 of 5) stays 0.9 and caps nothing
        double[] p = {0.01, 0.04, 0.03, 0.005, 0.9};
        // m = 5: 5·0.005/1 = 0.025, 5·0.01/2 = 0.025, 5·0.03/3 = 0.05, 5·0.04/4 = 0.05, 5·0.9/5 = 0.9
        assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.025, 0.9}, BenjaminiHochberg.adjust(p), 1e-12);
    }

    @Test
    void aLargerLaterPValueLowersAnEarlierOne() {
        // sorted 0.01, 0.02, 0.025: 3·0.01/1 = 0.03, 3·0.02/2 = 0.03, 3·0.025/3 = 0.025; the step-up takes the
        // minimum over larger ranks, so all three become 0.025
        assertArrayEquals(new double[] {0.025, 0.025, 0.025}, BenjaminiHochberg.adjust(new double[] {0.02, 0.025,
            0.01}), 1e-12);
    }
}
