package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** P05s's size-aware expectation on histograms worked out by hand. */
class PercentLawTest {

    @Test
    void aDensityFlatInPGivesExactlyAFifth() {
        // 0 % and 100 % each cover half a point of p (below 0.5 %, from 99.5 %), so a flat density puts 5 there
        // and 10 on every other whole percentage: 21 multiples of 5 hold 5 + 19·10 + 5 = 200 of 1,000
        long[] flat = new long[PercentLaw.VALUES];
        java.util.Arrays.fill(flat, 10);
        flat[0] = 5;
        flat[100] = 5;
        assertEquals(200, PercentLaw.zeroOrFive(flat));
        assertEquals(200.0, PercentLaw.expectedZeroOrFive(flat), 1e-12);
    }

    @Test
    void aParabolaIsFollowedExactlyInsideTheRange() {
        // counts 1000 + (v − 50)²: the pentad at 50 totals 5000 + (4+1+0+1+4) = 5010, its neighbours
        // 5000 + Σ (j ∓ 5)² = 5135 each, so the centre is 5010/5 − (5135 − 10020 + 5135)/125 = 1002 − 2 = 1000
        long[] parabola = new long[PercentLaw.VALUES];
        for (int v = 0; v < parabola.length; v++) {
            parabola[v] = 1000 + (long) (v - 50) * (v - 50);
        }
        long[] totals = PercentLaw.pentads(parabola);
        assertEquals(5010, totals[10]);
        assertEquals(5135, totals[9]);
        for (int m = 2; m <= 18; m++) {
            assertEquals(parabola[5 * m], PercentLaw.centre(totals, m), 1e-9, "the centre of pentad " + m);
        }
    }

    @Test
    void sharesOfExactlyNothingAreExpectedAsObserved() {
        // a minor candidate: 700 shares round to 0 %, 200 to 1 %, 100 to 2 %, none above. 0 % is expected as
        // observed (700); pentad 1 (3..7 %) is empty, its neighbours 2·1000 and 0: 0 − (0 − 0 + 2000)/125 = −16,
        // counted as 0; so 700 expected, 700 observed, where a fifth of the pentad (200) would have flagged it
        long[] minor = new long[PercentLaw.VALUES];
        minor[0] = 700;
        minor[1] = 200;
        minor[2] = 100;
        assertEquals(700, PercentLaw.zeroOrFive(minor));
        assertEquals(700.0, PercentLaw.expectedZeroOrFive(minor), 1e-12);
    }

    @Test
    void aStepIsWorkedOutByHand() {
        // 10 at 8..12 (pentad 2, total 50) and 20 at 13..17 (pentad 3, total 100), nothing elsewhere:
        // pentad 2: 50/5 − (100 − 100 + 0)/125 = 10; pentad 3: 100/5 − (0 − 200 + 50)/125 = 21.2;
        // pentads 1 and 4 would be −0.4 and −0.8 and count as 0. Observed: 10 at 10 % and 20 at 15 %.
        long[] step = new long[PercentLaw.VALUES];
        for (int v = 8; v <= 12; v++) {
            step[v] = 10;
        }
        for (int v = 13; v <= 17; v++) {
            step[v] = 20;
        }
        assertEquals(30, PercentLaw.zeroOrFive(step));
        assertEquals(31.2, PercentLaw.expectedZeroOrFive(step), 1e-12);
    }
}
