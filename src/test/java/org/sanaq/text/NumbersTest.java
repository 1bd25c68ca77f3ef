package org.sanaq.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Numbers as each language writes them, in sentences and in the report alike. */
class NumbersTest {
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale RU = Locale.forLanguageTag("ru");

    @Test
    void countsAreGroupedACommaInEnglishANarrowNoBreakSpaceInRussian() {
        assertEquals("32,251", Numbers.count(32_251, EN));
        assertEquals("32\u202F251", Numbers.count(32_251, RU));
        assertEquals("12\u202F035\u202F578", Numbers.count(12_035_578, RU));
        assertEquals("999", Numbers.count(999, RU));
    }

    @Test
    void decimalsKeepTheirDigitsWithTheLanguagesMark() {
        assertEquals("43.24", Numbers.decimal(new BigDecimal("43.24"), EN));
        assertEquals("43,24", Numbers.decimal(new BigDecimal("43.24"), RU));
        assertEquals("0,30", Numbers.decimal(new BigDecimal("0.30"), RU), "a trailing zero printed is kept");
        assertEquals("-0.33", Numbers.decimal(new BigDecimal("-0.33"), EN));
        assertEquals("6\u202F524\u202F487", Numbers.decimal(new BigDecimal("6524487"), RU));
        assertEquals("6.4", Numbers.decimal(6.41374, 1, EN));
        assertEquals("0,06", Numbers.decimal(0.0641, 2, RU));
        assertEquals("", Numbers.decimal(null, EN));
    }

    @Test
    void pValuesHaveThreeSignificantDigitsAPowerOfTenBelowAThousandthAndAFloor() {
        assertEquals("0.0456", Numbers.p(0.0456, EN));
        assertEquals("0,0456", Numbers.p(0.0456, RU));
        assertEquals("0.118", Numbers.p(0.11846923828125, EN));
        assertEquals("1.00", Numbers.p(1.0, EN));
        assertEquals("0.00100", Numbers.p(0.001, EN));
        assertEquals("7.61 × 10⁻⁹", Numbers.p(7.608e-9, EN), "not 7.608E-9");
        assertEquals("< 10⁻¹⁰", Numbers.p(7.608e-15, EN), "not 7.608E-15");
        assertEquals("3,20 × 10⁻⁷", Numbers.p(3.2e-7, RU));
        assertEquals("1.00 × 10⁻⁴", Numbers.p(9.9996e-5, EN), "rounds up into the next power");
        assertEquals("< 10⁻¹⁰", Numbers.p(0.0, EN), "not 0E0");
        assertEquals("", Numbers.p(null, EN));
        assertEquals("", Numbers.p(Double.NaN, EN));
        assertEquals("= 0,0456", Numbers.pRelation(0.0456, RU));
        assertEquals("< 10⁻¹⁰", Numbers.pRelation(3e-36, EN), "p < 10⁻¹⁰, never p = < 10⁻¹⁰");
    }

    @Test
    void messagesWriteTheirNumbersThroughNumbers() {
        Messages ru = Messages.of("ru");
        // a typed element ({0,number,integer}) and a plain one given a number ({1} of "of") alike
        assertEquals("341\u202F118 из 788\u202F931", ru.format("protocol_integrity.of", 341_118L, 788_931L));
        assertEquals("341,118 of 788,931", Messages.of("en").format("protocol_integrity.of", 341_118L, 788_931L));
        assertEquals("0,05 против 1\u202F234,5", ru.format("protocol_integrity.against", 0.05, 1234.5));
    }

    @Test
    void aReportTimeIsTheTimeOfDayAsWritten() {
        assertEquals("22:00", Times.clock("2023-03-19T22:00:00+06:00"));
        assertEquals("08:30", Times.clock("2023-03-19T08:30"));
        assertEquals("evening", Times.clock("evening"), "not a date-time: as given");
        assertEquals("", Times.clock(null));
    }
}
