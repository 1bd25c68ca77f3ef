package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MomentsTest {
    // shares 0.1, 0.2, 0.3, 0.6 at turnouts 0.5, 0.6, 0.7, 0.9
    private static final double[] SHARES = {0.1, 0.2, 0.3, 0.6};
    private static final double[] TURNOUTS = {0.5, 0.6, 0.7, 0.9};

    private static double[] sums() {
        double[] s = new double[Moments.SIZE];
        for (int i = 0; i < SHARES.length; i++) {
            Moments.add(s, 0, 1, SHARES[i], TURNOUTS[i]);
        }
        return s;
    }

    @Test
    void populationSkewAndKurtByHand() {
        // mean 0.3; deviations −0.2, −0.1, 0, 0.3; population moments (÷4): m2 = 0.14/4 = 0.035,
        // m3 = 0.018/4 = 0.0045, m4 = 0.0098/4 = 0.00245; Skew = 0.0045 / 0.035^1.5, Kurt = 0.00245 / 0.035² = 2
        assertEquals(0.0045 / Math.pow(0.035, 1.5), Moments.skew(sums(), 0), 1e-9);
        assertEquals(2.0, Moments.kurt(sums(), 0), 1e-9);
    }

    @Test
    void sobyaninByHand() {
        // turnout mean 0.675; cov = 0.11/4 = 0.0275, var = 0.0875/4 = 0.021875; slope = 1.2571428..., minus 0.3
        assertEquals(0.0275 / 0.021875 - 0.3, Moments.sobyanin(sums(), 0), 1e-9);
    }

    @Test
    void weightsCountAsRepeatedValues() {
        // a weight of 2 is the value twice: the bootstrap's replicate sums use the same formulas
        double[] weighted = new double[Moments.SIZE];
        double[] repeated = new double[Moments.SIZE];
        Moments.add(weighted, 0, 2, 0.4, 0.5);
        Moments.add(weighted, 0, 1, 0.1, 0.7);
        Moments.add(repeated, 0, 1, 0.4, 0.5);
        Moments.add(repeated, 0, 1, 0.4, 0.5);
        Moments.add(repeated, 0, 1, 0.1, 0.7);
        assertEquals(Moments.skew(repeated, 0), Moments.skew(weighted, 0), 1e-12);
        assertEquals(Moments.kurt(repeated, 0), Moments.kurt(weighted, 0), 1e-12);
    }
}
