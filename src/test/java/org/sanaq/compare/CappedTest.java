package org.sanaq.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A capped list keeps the first items in their order whatever order they come in and however partitions are
 * merged, counts them all, and sorts text by code point with nulls first, as Spark's ORDER BY does.
 */
class CappedTest {

    private static PairLists.Point point(String candidate, long official, long observer, String officialId) {
        return new PairLists.Point(candidate, official, observer, officialId, "copy");
    }

    @Test
    void theFirstItemsAreKeptInOrderAndAllAreCounted() {
        List<PairLists.Point> points = List.of(point("A", 10, 9, "p2"), point("B", 10, 20, "p1"),
                point("A", 10, 20, "p1"), point("A", 5, 5, "p1"), point("C", 0, 7, "p3"));
        Capped<PairLists.Point> oneByOne = new Capped<>(3);
        points.forEach(oneByOne::add);
        Capped<PairLists.Point> left = new Capped<>(3);
        Capped<PairLists.Point> right = new Capped<>(3);
        points.subList(0, 2).forEach(right::add);
        points.subList(2, 5).forEach(left::add);

        // largest difference first, then official id, then candidate
        List<PairLists.Point> first = List.of(point("A", 10, 20, "p1"), point("B", 10, 20, "p1"),
                point("C", 0, 7, "p3"));
        assertEquals(first, oneByOne.items());
        assertEquals(5, oneByOne.count());
        assertEquals(first, left.merge(right).items());
        assertEquals(5, left.count());
    }

    @Test
    void textIsOrderedByCodePointWithNullsFirst() {
        Capped<PairLists.UnmatchedCopy> copies = new Capped<>(10);
        PairLists.UnmatchedCopy emoji = unmatched("observer:\uD83D\uDE00", "R", 2);
        PairLists.UnmatchedCopy fullWidth = unmatched("observer:\uFF21", "R", 1);
        PairLists.UnmatchedCopy noRegion = unmatched("observer:\uFF21", null, 9);
        PairLists.UnmatchedCopy earlierLine = unmatched("observer:\uFF21", "R", 0);
        List.of(emoji, fullWidth, noRegion, earlierLine).forEach(copies::add);

        // U+FF21 before U+1F600 (UTF-16 would put the surrogate pair first); a null region first; then the line
        assertEquals(List.of(noRegion, earlierLine, fullWidth, emoji), copies.items());
    }

    private static PairLists.UnmatchedCopy unmatched(String source, String region, long line) {
        return new PairLists.UnmatchedCopy(source, "precinct", region, "D", "1", null, "copies.csv", line);
    }
}
