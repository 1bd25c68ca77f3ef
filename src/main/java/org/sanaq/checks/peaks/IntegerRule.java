package org.sanaq.checks.peaks;

/**
 * The integer rule of METHODS.md §5 in exact arithmetic: x = 100·a/b is integer when |x − round(x)| ≤ 0.05,
 * inclusive. Computed from the remainder of 100·a by b, so that x.05 exactly is integer whatever floating point
 * would make of it. Rounding half to even never decides anything: a tie (x.5) is 0.5 from both neighbours, far
 * outside the window.
 */
final class IntegerRule {
    /** Bins of the report's histograms: 0.1 % wide, centred on multiples of 0.1 %, so 1,001 bins from 0 to 100 %. */
    static final int BINS = 1001;

    private IntegerRule() {
    }

    /** Whether the percentage 100·a/b (0 ≤ a ≤ b, b > 0) lies within 0.05 of a whole number. */
    static boolean isInteger(long a, long b) {
        long remainder = Math.floorMod(100 * a, b);
        long distance = Math.min(remainder, b - remainder);
        return 20 * distance <= b;
    }

    /** The 0.1 % bin of 100·a/b, bins with edges at k·0.1 − 0.05: floor(1000·a/b + 1/2). */
    static int bin(long a, long b) {
        return (int) ((2000 * a + b) / (2 * b));
    }
}
