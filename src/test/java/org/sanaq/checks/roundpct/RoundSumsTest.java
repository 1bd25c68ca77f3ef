package org.sanaq.checks.roundpct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which totals are sums of round figures, on counts worked by hand (d = 2: S = 10,000). */
class RoundSumsTest {
    private static Cell cell(String level, String region, String district, long votes, long base) {
        return new Cell(level, region, district, "A", votes, base, null, "t.csv line 2");
    }

    /**
     * Regions 25,926 / 60,000 (43.21 %) and 8,666 / 70,000 (12.38 %), both round. Their sum 34,592 / 130,000 has the
     * target 130,000 · 0.2661 = 34,593: 1 vote off, within n/2 = 1. One more vote (34,593 against 34,593) would be
     * round by itself; 34,591 is 2 votes off its target and 34,592 + 1 is no longer the sum.
     */
    @Test
    void aTotalIsASumOfRoundFiguresWhenItIsTheirSumAndWithinHalfAVoteEachOfRound() {
        Cell north = cell("region", "North", null, 25_926, 60_000);
        Cell south = cell("region", "South", null, 8_666, 70_000);
        Cell total = cell("national", "C", null, 34_592, 130_000);
        assertEquals(Set.of(total), RoundSums.of(List.of(north, south, total), 2));
        // 34,591 of 130,000: target 34,593 (26.61 %), 2 votes off, more than n/2 = 1; and not their sum either
        Cell south2 = cell("region", "South", null, 8_665, 70_000);
        assertEquals(Set.of(), RoundSums.of(List.of(north, south2, cell("national", "C", null, 34_591, 130_000)), 2));
        // not their sum: 34,592 beside regions that add up to 34,591
        assertEquals(Set.of(), RoundSums.of(List.of(north, south2, total), 2));
        // one part is not a sum
        assertEquals(Set.of(), RoundSums.of(List.of(cell("region", "North", null, 34_592, 60_000), total), 2));
    }

    /** A region's parts are its own districts: districts of another region do not count. */
    @Test
    void aRegionsPartsAreItsDistricts() {
        Cell region = cell("region", "North", null, 34_592, 130_000);
        Cell d1 = cell("district", "North", "D1", 25_926, 60_000);
        Cell d2 = cell("district", "North", "D2", 8_666, 70_000);
        Cell elsewhere = cell("district", "South", "D3", 1, 60_000);
        assertEquals(Set.of(region), RoundSums.of(List.of(region, d1, d2, elsewhere), 2));
        assertEquals(Set.of(), RoundSums.of(List.of(region, d1, elsewhere), 2));
    }
}
