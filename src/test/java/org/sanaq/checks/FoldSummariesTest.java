package org.sanaq.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The small mergeable pieces of fold summaries: reported totals, extremes that skip nulls, group limits. */
class FoldSummariesTest {

    @Test
    void aTotalIsTheSumWhenEveryProtocolReportedTheValue() {
        ReportedTotal left = new ReportedTotal();
        left.add(300L);
        left.add(250L);
        ReportedTotal right = new ReportedTotal();
        right.add(450L);
        assertEquals(1000L, left.merge(right).value());
    }

    @Test
    void aTotalIsNotReportedWhenAnyProtocolOfTheGroupDidNotReportTheValue() {
        ReportedTotal left = new ReportedTotal();
        left.add(300L);
        ReportedTotal right = new ReportedTotal();
        right.add(null);
        right.add(200L);
        assertNull(right.value());
        assertNull(left.merge(right).value(), "null in either half makes the merged total null");
    }

    @Test
    void extremesSkipNullsAsSparkMinAndMaxDo() {
        assertEquals("42.91", Extremes.min(null, "42.91"));
        assertEquals("42.91", Extremes.min("43.24", "42.91"));
        assertEquals(7L, Extremes.max(7L, null));
        assertEquals(9L, Extremes.max(7L, 9L));
        assertNull(Extremes.<Long>max(null, null));
    }

    @Test
    void moreGroupsThanTheLimitAreRefusedWithWhatTheyWere() {
        GroupLimit.require(200_000, 200_000, "units");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GroupLimit.require(200_001, 200_000, "round_percentages: units (level, region, district)"));
        assertTrue(e.getMessage().startsWith("round_percentages: units (level, region, district): 200001 groups, "
                + "more than 200000"), e.getMessage());
    }
}
