package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class UnitSummaryTest {

    @Test
    void digitsOfCounts() {
        UnitSummary s = new UnitSummary(100, false);
        s.addCount(1234); // first 1, second 2, last 4; last two 3-4 adjacent
        s.addCount(55);   // first 5, second 5, last 5; a two-digit count: no pair
        s.addCount(90);   // first 9, second 0, last 0; a two-digit count: no pair
        s.addCount(211);  // first 2, second 1, last 1; last two 1-1 repeated
        s.addCount(7);    // first digit only: below 10
        s.addCount(0);    // no digit at all, but an observation
        assertEquals(6, s.observations);
        assertArrayEquals(new long[] {1, 1, 0, 0, 1, 0, 1, 0, 1}, s.first);
        assertArrayEquals(new long[] {1, 1, 1, 0, 0, 1, 0, 0, 0, 0}, s.second);
        assertArrayEquals(new long[] {1, 1, 0, 0, 1, 1, 0, 0, 0, 0}, s.last);
        // pairs only of counts ≥ 100: 1234 and 211
        assertEquals(2, s.atLeast100);
        // the histogram of counts holds every count, 0 and those below 10 included
        assertEquals(new TreeMap<>(Map.of(1234L, 1L, 55L, 1L, 90L, 1L, 211L, 1L, 7L, 1L, 0L, 1L)), s.counts.sorted());
    }

    @Test
    void repeatedAndAdjacentLastTwoDigits() {
        // 100 (00) and 111 (11) repeat; 109 (0 and 9, modulo 10), 110 (1, 0) and 121 (2, 1) are adjacent
        assertEquals(List.of(100L, 111L), java.util.stream.LongStream.rangeClosed(100, 121)
                .filter(RowStatistics::repeated).boxed().toList());
        assertEquals(List.of(101L, 109L, 110L, 112L, 121L), java.util.stream.LongStream.rangeClosed(100, 121)
                .filter(RowStatistics::adjacent).boxed().toList());
        // 20 of every 100 pairs are adjacent, 10 repeated
        assertEquals(20, java.util.stream.LongStream.range(300, 400).filter(RowStatistics::adjacent).count());
        assertEquals(10, java.util.stream.LongStream.range(300, 400).filter(RowStatistics::repeated).count());
    }

    @Test
    void percentagesRoundHalfToEvenOverLargeEnoughBases() {
        UnitSummary s = new UnitSummary(100, false);
        s.addProportion(105, 1000, 0.5, 0.5);   // 10.5 → 10 (half to even): ends in 0, counted
        s.addProportion(245, 1000, 0.5, 0.5);   // 24.5 → 24 (half to even; half up would give 25): not counted
        s.addProportion(240, 200, 0.5, 0.5);    // min(p, 1) → 100: counted
        s.addProportion(449, 10_000, 0.5, 0.5); // 4.49 → 4: not counted
        s.addProportion(5, 20, 0.5, 0.5);       // 25 %, but a base of 20 < 100: left out of P05s
        s.addProportion(33, 99, 0.5, 0.5);      // 33 %, base 99 < 100: left out too
        assertEquals(6, s.percentValues);
        assertEquals(4, s.percentBaseValues);
        // 10 % once, 100 % once, 24 % once, 4 % once
        assertEquals(1, s.percents[10]);
        assertEquals(1, s.percents[100]);
        assertEquals(1, s.percents[24]);
        assertEquals(1, s.percents[4]);
        // a lower threshold takes the small precincts in: 25 % ends in 5
        UnitSummary all = new UnitSummary(1, false);
        all.addProportion(5, 20, 0.5, 0.5);
        all.addProportion(33, 99, 0.5, 0.5);
        assertEquals(2, all.percentBaseValues);
        assertEquals(1, all.percents[25]);
        assertEquals(1, all.percents[33]);
    }

    @Test
    void theDipSeesTheJitteredShareAndTheMomentsTheExactOne() {
        UnitSummary s = new UnitSummary(100, true);
        // 1 of 2 is 0.5 exactly; jittered by u = 0.9 it is (1 + 0.4) / 2 = 0.7; by u = 0 it is 0.25
        s.addProportion(1, 2, 0.6, 0.9);
        s.addProportion(1, 2, 0.6, 0.0);
        assertEquals(new TreeMap<>(Map.of(7000L, 1L, 2500L, 1L)), s.percentBins.sorted());
        assertEquals(new TreeMap<>(Map.of(500L, 2L)), s.momentBins.sorted());
        // turnout 60 %, share 50 %: cell 60·101 + 50
        assertEquals(new TreeMap<>(Map.of(60L * 101 + 50, 2L)), s.jointBins.sorted());
        assertEquals(1.0, s.sums[Moments.P1], 1e-15);
        // jittered values outside [0, 1] are clipped: 0 of 3 with u = 0 is −1/6 → 0
        s.addProportion(0, 3, 0.6, 0.0);
        assertEquals(1L, s.percentBins.sorted().get(0L));
    }

    @Test
    void mergeIsTheSummaryOfTheUnion() {
        UnitSummary a = new UnitSummary(100, true);
        UnitSummary b = new UnitSummary(100, true);
        UnitSummary whole = new UnitSummary(100, true);
        a.addCount(123);
        a.addProportion(300, 1000, 0.6, 0.25);
        b.addCount(48);
        b.addProportion(70, 100, 0.8, 0.75);
        whole.addCount(123);
        whole.addProportion(300, 1000, 0.6, 0.25);
        whole.addCount(48);
        whole.addProportion(70, 100, 0.8, 0.75);
        UnitSummary merged = a.merge(b);
        assertArrayEquals(whole.last, merged.last);
        assertEquals(whole.counts.sorted(), merged.counts.sorted());
        assertEquals(whole.atLeast100, merged.atLeast100);
        assertEquals(whole.percentBaseValues, merged.percentBaseValues);
        assertArrayEquals(whole.percents, merged.percents);
        assertArrayEquals(whole.sums, merged.sums, 1e-15);
        assertEquals(whole.percentBins.sorted(), merged.percentBins.sorted());
        assertEquals(whole.momentBins.sorted(), merged.momentBins.sorted());
        assertEquals(whole.jointBins.sorted(), merged.jointBins.sorted());
    }
}
