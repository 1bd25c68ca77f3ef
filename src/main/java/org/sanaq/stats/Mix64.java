package org.sanaq.stats;

/**
 * SplitMix64's finaliser (Steele, Lea and Flood 2014; Stafford's variant 13): a bijection of 64-bit values in which
 * every input bit changes about half the output bits, so that nearby inputs (consecutive seeds, indices, lines)
 * give unrelated random streams.
 */
public final class Mix64 {
    private Mix64() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
