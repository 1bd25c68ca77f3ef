package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitSummaryTest {

    @Test
    void digitsOfCounts() {
        UnitSummary s = new UnitSummary(0);
        s.addCount(1234); // first 1, second 2, last 4; last two 3-4 adjacent
        s.addCount(55);   // first 5, second 5, last 5; repeated
        s.addCount(90);   // first 9, second 0, last 0; 9-0 adjacent (modulo 10)
        s.addCount(7);    // first digit only: below 10
        s.addCount(0);    // no digit at all, but an observation
        assertEquals(5, s.observations);
        assertArrayEquals(new long[] {1, 0, 0, 0, 1, 0, 1, 0, 1}, s.first);
        assertArrayEquals(new long[] {1, 0, 1, 0, 0, 1, 0, 0, 0, 0}, s.second);
        assertArrayEquals(new long[] {1, 0, 0, 0, 1, 1, 0, 0, 0, 0}, s.last);
        assertEquals(1, s.repeatedPairs);
        assertEquals(2, s.adjacentPairs);
    }

    @Test
    void percentagesRoundHalfToEven() {
        UnitSummary s = new UnitSummary(0);
        s.addProportion(0.105, 0.5, new int[0]); // 10.5 → 10 (half to even): ends in 0, counted
        s.addProportion(0.245, 0.5, new int[0]); // 24.5 → 24 (half to even; half up would give 25): not counted
        s.addProportion(1.2, 0.5, new int[0]);   // min(p, 1) → 100: counted
        s.addProportion(0.0449, 0.5, new int[0]); // 4.49 → 4: not counted
        assertEquals(4, s.percentValues);
        assertEquals(2, s.percentZeroOrFive);
    }

    @Test
    void mergeIsTheSummaryOfTheUnion() {
        UnitSummary a = new UnitSummary(2);
        UnitSummary b = new UnitSummary(2);
        UnitSummary whole = new UnitSummary(2);
        a.addCount(123);
        a.addProportion(0.3, 0.6, new int[] {1, 2});
        b.addCount(48);
        b.addProportion(0.7, 0.8, new int[] {0, 1});
        whole.addCount(123);
        whole.addProportion(0.3, 0.6, new int[] {1, 2});
        whole.addCount(48);
        whole.addProportion(0.7, 0.8, new int[] {0, 1});
        UnitSummary merged = a.merge(b);
        assertArrayEquals(whole.last, merged.last);
        assertArrayEquals(whole.sums, merged.sums, 1e-15);
        assertArrayEquals(whole.replicateSums, merged.replicateSums, 1e-15);
        assertEquals(whole.percentBins, merged.percentBins);
    }
}
