package org.sanaq.stats;

/**
 * The exact two-sided sign test: of n pairs that differ, k went one way; under no systematic direction k ~
 * Binomial(n, 1/2), and p = min(1, 2·P(K ≤ min(k, n − k))), the same for k and its mirror n − k
 * ({@link ExactBinomial}).
 */
public final class SignTest {
    private SignTest() {
    }

    /** The p-value; 1 when no pair differs. */
    public static double twoSided(long up, long down) {
        long n = up + down;
        if (n == 0) {
            return 1.0;
        }
        return ExactBinomial.twoSided(up, n, 0.5);
    }
}
