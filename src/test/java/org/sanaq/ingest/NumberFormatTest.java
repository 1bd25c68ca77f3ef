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

    /** The count a format reads from a cell, or the reason it gives, as the quarantine would show it. */
    private static String count(NumberFormat format, String cell) {
        try {
            return String.valueOf(format.parseCount(cell));
        } catch (NumberFormat.NumberProblem e) {
            return e.getMessage();
        }
    }

    @Test
    void countsAndTheirReasonsWordForWord() {
        // a space and a dot separate thousands and a comma marks decimals, as many European tables print
        NumberFormat european = new NumberFormat(Set.of(' ', '.'), ',');
        assertEquals("1234", count(european, "1 234"));
        assertEquals("1234567", count(european, "1.234.567"));
        assertEquals("1234", count(european, " 1 234,00 "), "white space around, whole decimals");
        assertEquals("count '1 234,5' is not a whole number", count(european, "1 234,5"));
        assertEquals("'1,234,567' is not a number", count(european, "1,234,567"), "two decimal marks");
        assertEquals("'5,' is not a number", count(european, "5,"), "a decimal mark with no digits after it");
        assertEquals("count '12 34' has thousands separators in the wrong places", count(european, "12 34"));
        assertEquals("count '1234 567' has thousands separators in the wrong places", count(european, "1234 567"));
        assertEquals("count '1  234' has thousands separators in the wrong places", count(european, "1  234"));
        assertEquals("negative count '-1 234'", count(european, "-1 234"));
        assertEquals("'+5' is not a whole number", count(european, "+5"));
        assertEquals("'1e5' is not a whole number", count(european, "1e5"));
        // the sign, the largest count and one more digit
        assertEquals("negative count '-0'", count(NumberFormat.PLAIN, "-0"));
        assertEquals("999999999999999999", count(NumberFormat.PLAIN, "999999999999999999"));
        assertEquals("count '1000000000000000000' is too large", count(NumberFormat.PLAIN, "1000000000000000000"));
        assertEquals("count '1,000,000,000,000,000,000' is too large",
                count(COMMA_GROUPING, "1,000,000,000,000,000,000"));
        // a dot with three digits after it, undeclared: one or a thousand, never guessed
        assertEquals("count '1.000' is ambiguous (1 or 1000?): declare the decimal mark and the thousands separator"
                + " under 'numbers' in the mapping", count(NumberFormat.PLAIN, "1.000"));
        assertEquals("'.0' is not a whole number", count(NumberFormat.PLAIN, ".0"));
        assertEquals("'٣' is not a whole number", count(NumberFormat.PLAIN, "٣"), "only ASCII digits are digits");
    }

    @Test
    void decimalsAndTheirReasonsWordForWord() throws Exception {
        assertEquals("-0.5", NumberFormat.PLAIN.parseDecimal("-0.5").toPlainString());
        assertEquals("12", NumberFormat.PLAIN.parseDecimal(" 12 ").toPlainString());
        for (String bad : new String[] {"-", "-.5", "5.", ".5", "1.2.3", "+1", "1,5", "1e5"}) {
            var e = assertThrows(NumberFormat.NumberProblem.class, () -> NumberFormat.PLAIN.parseDecimal(bad));
            assertEquals("'" + bad + "' is not a number", e.getMessage());
        }
    }
}
