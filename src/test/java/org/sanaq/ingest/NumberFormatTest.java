package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NumberFormatTest {
    /** The kz party-list mapping's numbers: ',' and '.' both separate thousands, no decimal mark. */
    private static final NumberFormat DOT_THOUSANDS = new NumberFormat(Set.of(',', '.'), null);
    private static final NumberFormat COMMA_GROUPING = new NumberFormat(Set.of(','), '.');

    @Test
    void plainCounts() throws Exception {
        assertEquals(0L, NumberFormat.PLAIN.parseCount("0"));
        assertEquals(416191L, NumberFormat.PLAIN.parseCount("416191"));
        assertEquals(2609L, NumberFormat.PLAIN.parseCount(" 2609 "));
    }

    @Test
    void wholeDecimalIsACount() throws Exception {
        // the ge-2024 OCR file writes votes as "4.0"
        assertEquals(4L, NumberFormat.PLAIN.parseCount("4.0"));
        assertEquals(629L, NumberFormat.PLAIN.parseCount("629.00"));
    }

    @Test
    void fractionalCountRejected() {
        var e = assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseCount("4.5"));
        assertTrue(e.getMessage().contains("not a whole number"), e.getMessage());
    }

    @Test
    void dotThousandsOnlyWhenDeclared() throws Exception {
        // kz national row: "Against all" printed 248.291; the regions sum to 248,291
        var e = assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseCount("248.291"));
        assertTrue(e.getMessage().contains("248.291"), e.getMessage());
        assertEquals(248291L, DOT_THOUSANDS.parseCount("248.291"));
        assertEquals(12035578L, DOT_THOUSANDS.parseCount("12,035,578"));
        assertEquals(12035578L, DOT_THOUSANDS.parseCount("12035578"));
        // with no decimal mark, a fractional-looking value that is not three-digit grouping is an error
        assertThrows(NumberFormat.NumberProblem.class, () -> DOT_THOUSANDS.parseCount("4.5"));
    }

    @Test
    void commaGrouping() throws Exception {
        assertEquals(1234567L, COMMA_GROUPING.parseCount("1,234,567"));
        assertEquals(1234L, COMMA_GROUPING.parseCount("1,234.0"));
    }

    @Test
    void wrongGroupingRejected() {
        var e = assertThrows(NumberFormat.NumberProblem.class, () -> COMMA_GROUPING.parseCount("12,34"));
        assertTrue(e.getMessage().contains("wrong places"), e.getMessage());
        assertThrows(NumberFormat.NumberProblem.class, () -> COMMA_GROUPING.parseCount("1234,567"));
        assertThrows(NumberFormat.NumberProblem.class, () -> COMMA_GROUPING.parseCount("1,2345"));
        // a separator the format does not declare
        assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseCount("1,234"));
    }

    @Test
    void negativesRejected() {
        var e = assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseCount("-3"));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
        assertThrows(NumberFormat.NumberProblem.class, () -> COMMA_GROUPING.parseCount("-1,234"));
    }

    @Test
    void garbageRejected() {
        assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseCount("abc"));
        assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseCount("4."));
        assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseCount("1e5"));
        assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseCount("12 34"));
    }

    @Test
    void largeNumbers() throws Exception {
        // 10^15 = 1 followed by 15 zeros (16 digits)
        assertEquals(1_000_000_000_000_000L, NumberFormat.PLAIN.parseCount("1000000000000000"));
        assertEquals(999_999_999_999_999_999L, NumberFormat.PLAIN.parseCount("999999999999999999"));
        // 19 digits: rejected rather than overflowing a long
        assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseCount("1234567890123456789"));
        assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseCount("9999999999999999999"));
        assertThrows(NumberFormat.NumberProblem.class,
                () -> COMMA_GROUPING.parseCount("1,234,567,890,123,456,789"));
    }

    @Test
    void emptyIsNotReported() throws Exception {
        assertNull(NumberFormat.PLAIN.parseCount(""));
        assertNull(NumberFormat.PLAIN.parseCount("   "));
        assertNull(NumberFormat.PLAIN.parseCount(null));
        assertNull(NumberFormat.PLAIN.parseDecimal(""));
    }

    @Test
    void decimalsKeepTheirScale() throws Exception {
        BigDecimal d = NumberFormat.PLAIN.parseDecimal("53.90");
        assertEquals(new BigDecimal("53.90"), d);
        assertEquals(2, d.scale());
        assertEquals("53.90", d.toPlainString());
        BigDecimal comma = new NumberFormat(Set.of('.'), ',').parseDecimal("4,10");
        assertEquals("4.10", comma.toPlainString());
        assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseDecimal("fifty"));
    }

    @Test
    void decimalMarkMayNotAlsoGroup() {
        assertThrows(IllegalArgumentException.class, () -> new NumberFormat(Set.of('.'), '.'));
    }
}
