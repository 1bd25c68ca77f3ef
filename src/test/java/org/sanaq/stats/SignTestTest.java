package org.sanaq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Exact two-sided sign test against hand-computed binomial sums (2 · Σ C(n, i) / 2^n over the smaller tail). */
class SignTestTest {
    // Every expected value is a dyadic fraction, exact in a double; 1e-15 allows only the library's summation error.
    @Test
    void tenPairsAllOneWay() {
        assertEquals(2.0 / 1024, SignTest.twoSided(0, 10), 1e-15);
        assertEquals(2.0 / 1024, SignTest.twoSided(10, 0), 1e-15);
    }

    @Test
    void tenPairsTwoAgainstEight() {
        // 2 · (C(10,0) + C(10,1) + C(10,2)) / 1024 = 2 · 56 / 1024
        assertEquals(112.0 / 1024, SignTest.twoSided(2, 8), 1e-15);
    }

    @Test
    void balancedOrNoPairsGiveOne() {
        // n = 5, k = 2: 2 · (1 + 5 + 10) / 32 = 1
        assertEquals(1.0, SignTest.twoSided(2, 3), 1e-15);
        assertEquals(1.0, SignTest.twoSided(0, 0), 0.0);
    }

    @Test
    void twentyPairsFiveAgainstFifteen() {
        // 2 · (1 + 20 + 190 + 1140 + 4845 + 15504) / 2^20 = 43400 / 1048576
        assertEquals(43400.0 / 1048576, SignTest.twoSided(5, 15), 1e-15);
    }

    /**
     * The mirror pair of issue 16: 21 pairs one way and 145 the other give the same p as 145 and 21, the exact
     * 2·Σ_{i ≤ 21} C(166, i) / 2¹⁶⁶ = 5.46·10⁻²⁴ (Commons Math 3.6.1's test gave 3.12·10⁻²⁴ for one side). The exact
     * value to three digits is 5.459·10⁻²⁴ (ExactBinomialTest sums it in whole numbers); 0.01e-24 allows the rounding
     * to three digits only.
     */
    @Test
    void mirrorPairsGiveTheSameExactP() {
        assertEquals(SignTest.twoSided(21, 145), SignTest.twoSided(145, 21), 0.0);
        assertEquals(5.46e-24, SignTest.twoSided(21, 145), 0.01e-24);
    }
}
