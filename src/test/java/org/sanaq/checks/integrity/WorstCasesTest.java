package org.sanaq.checks.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The bounded worst cases of a relation: at most k kept, largest gap first, ties by file, line and subject, and
 * the same list whichever way the cases were split between summaries before merging.
 */
class WorstCasesTest {

    private static Violation at(String file, long line, String subject, double gap) {
        return new Violation("official", "precinct", "R", null, Long.toString(line), subject, "1", "0", "1", null,
                file, line, gap);
    }

    private static List<String> names(List<Violation> cases) {
        return cases.stream().map(v -> v.file() + ":" + v.line() + (v.subject() == null ? "" : "/" + v.subject()))
                .toList();
    }

    @Test
    void keepsTheKLargestGapsWithTiesInFileLineAndSubjectOrder() {
        WorstCases<Violation> worst = new WorstCases<>(4);
        worst.offer(at("b.csv", 1, null, 5));
        worst.offer(at("a.csv", 9, null, 5));
        worst.offer(at("a.csv", 2, null, 1));
        worst.offer(at("a.csv", 3, "B", 7));
        worst.offer(at("a.csv", 3, "A", 7));
        worst.offer(at("c.csv", 1, null, 0.5));
        // 7, 7 (A before B), then the two 5s (a.csv before b.csv); the gaps 1 and 0.5 are dropped
        assertEquals(List.of("a.csv:3/A", "a.csv:3/B", "a.csv:9", "b.csv:1"), names(worst.worstFirst()));
    }

    @Test
    void mergingTwoSummariesKeepsTheKBestOfBoth() {
        WorstCases<Violation> left = new WorstCases<>(2);
        WorstCases<Violation> right = new WorstCases<>(2);
        left.offer(at("a.csv", 1, null, 1));
        left.offer(at("a.csv", 2, null, 3));
        left.offer(at("a.csv", 3, null, 2));
        right.offer(at("a.csv", 4, null, 3));
        right.offer(at("a.csv", 5, null, 9));
        // the offers above keep at most 2k between trims; the merge trims to the k = 2 best of all five
        assertEquals(List.of("a.csv:5", "a.csv:2"), names(left.merge(right).worstFirst()));
    }

    @Test
    void manyOffersStayBoundedAndExact() {
        WorstCases<Violation> worst = new WorstCases<>(3);
        for (int line = 1; line <= 1000; line++) {
            worst.offer(at("a.csv", line, null, line % 97));
        }
        // gap 96 at lines 96, 193, 290, ...: the three first in line order
        assertEquals(List.of("a.csv:96", "a.csv:193", "a.csv:290"), names(worst.worstFirst()));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WorstCases<Violation>(0));
    }
}
