package org.sanaq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The finaliser against SplitMix64's published first outputs. */
class Mix64Test {
    /**
     * SplitMix64 seeded with 0 returns mix(0x9E3779B97F4A7C15) first and mix(2 · 0x9E3779B97F4A7C15) second:
     * 0xE220A8397B1DCDAF and 0x6E789E6AA1B965F4, the reference implementation's (Vigna, prng.di.unimi.it) first two
     * values; 0 is a fixed point of the finaliser.
     */
    @Test
    void splitMix64sFirstOutputs() {
        assertEquals(0xE220A8397B1DCDAFL, Mix64.mix(0x9E3779B97F4A7C15L));
        assertEquals(0x6E789E6AA1B965F4L, Mix64.mix(2 * 0x9E3779B97F4A7C15L));
        assertEquals(0L, Mix64.mix(0L));
    }
}
