package org.sanaq.checks.roundpct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Cases worked out by hand (arithmetic in the comments). S = 100 · 10^d; q = round(S·v/b); T = b·q/S; round when
 * |v − T| ≤ 0.5. Figures from shared/datasets/kz-2023/party-list-by-region.csv; the valid-vote base is total ballots
 * minus invalid/blank.
 */
class RoundTargetTest {

    /** BigDecimal equality ignoring scale (1.50 equals 1.5). */
    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }

    @Test
    void kazakhstanAmanatNationalIsNotRoundAtTwoDecimals() {
        // b = 6,524,487 − 158,046 = 6,366,441 valid votes; v = 3,431,510.
        // d = 2, S = 10,000: S·v = 34,315,100,000. b × 5390 = 31,832,205,000 + 2,482,911,990 (= b × 390)
        //   = 34,315,116,990, which exceeds S·v by 16,990 < b/2, so q = 5390 (53.90 %).
        // T = 34,315,116,990 / 10,000 = 3,431,511.699; v − T = −1.699: NOT round (off by 1.7 votes).
        RoundTarget cell = RoundTarget.of(3_431_510, 6_366_441, 2);
        assertEquals(BigInteger.valueOf(5390), cell.q());
        assertDecimal("53.90", cell.roundPercent());
        assertDecimal("3431511.699", cell.target());
        assertDecimal("-1.699", cell.offset());
        assertFalse(cell.isRound());
        // 100·v/b = 53.9 − 16,990 / (100·b) = 53.9 − 0.0000266868… = 53.8999733… → 53.89997 at 5 decimals.
        assertDecimal("53.89997", cell.percent());
        // u = (v − T) / (b / S) = −16,990 / 6,366,441 = −0.00266868…
        assertEquals(-16_990.0 / 6_366_441.0, cell.normalisedOffset(), Math.ulp(-16_990.0 / 6_366_441.0));
        // p = 10,000 / 6,366,441 = 0.0015707… ≤ 0.2: eligible.
        assertEquals(10_000.0 / 6_366_441.0, cell.probability(), 0.0);
        assertTrue(cell.isEligible());
        // The published 53.90 is nonetheless 53.8999733… rounded to 2 decimals.
        assertTrue(RoundTarget.publishedMatches("53.90", 3_431_510, 6_366_441));

        // d = 1, S = 1,000: S·v / b = 539.0 − 0.00267 → q = 539, the same T, the same −1.699: not round either.
        RoundTarget d1 = RoundTarget.of(3_431_510, 6_366_441, 1);
        assertEquals(BigInteger.valueOf(539), d1.q());
        assertDecimal("-1.699", d1.offset());
        assertFalse(d1.isRound());
    }

    @Test
    void abaiAuylIsRound() {
        // Abai: b = 237,298 − 4,143 = 233,155; Auyl v = 13,919 (published 5.97).
        // d = 2: S·v = 139,190,000; b × 597 = 139,193,535, above S·v by 3,535 < b/2, so q = 597.
        // T = 139,193,535 / 10,000 = 13,919.3535; v − T = −0.3535: ROUND.
        RoundTarget cell = RoundTarget.of(13_919, 233_155, 2);
        assertEquals(BigInteger.valueOf(597), cell.q());
        assertDecimal("13919.3535", cell.target());
        assertDecimal("-0.3535", cell.offset());
        assertTrue(cell.isRound());
        // p = 10,000 / 233,155 = 0.04289 ≤ 0.2; u = −3,535 / 233,155 = −0.015162…
        assertTrue(cell.isEligible());
        assertEquals(-3_535.0 / 233_155.0, cell.normalisedOffset(), Math.ulp(-3_535.0 / 233_155.0));
    }

    @Test
    void abaiAmanatMissesByLessThanATenthOfAVote() {
        // Abai Amanat v = 158,103 of b = 233,155 (published 67.81).
        // d = 2: S·v = 1,581,030,000. b × 6781 = 1,398,930,000 (×6000) + 163,208,500 (×700) + 18,885,555 (×81)
        //   = 1,581,024,055, below S·v by 5,945 < b/2, so q = 6781.
        // T = 158,102.4055; v − T = +0.5945 > 0.5: NOT round.
        RoundTarget cell = RoundTarget.of(158_103, 233_155, 2);
        assertEquals(BigInteger.valueOf(6781), cell.q());
        assertDecimal("158102.4055", cell.target());
        assertDecimal("0.5945", cell.offset());
        assertFalse(cell.isRound());
        // 100·v/b = 67.81 + 5,945 / (100·b) = 67.81 + 0.000254980… = 67.810254980… → 67.81025 (5 decimals).
        assertDecimal("67.81025", cell.percent());
        // So the published "67.81" is 100·v/b rounded to 2 decimals: true; "67.82" and "67.8103" are not.
        assertTrue(RoundTarget.publishedMatches("67.81", 158_103, 233_155));
        assertFalse(RoundTarget.publishedMatches("67.82", 158_103, 233_155));
        assertTrue(RoundTarget.publishedMatches("67.8103", 158_103, 233_155));
        assertFalse(RoundTarget.publishedMatches("67.8102", 158_103, 233_155));
    }

    @Test
    void astanaPublishedTurnoutDoesNotMatchItsCounts() {
        // Astana turnout: v = 341,118 total ballots of b = 788,931 registered.
        // b × 0.4323 = 341,054.8713 and b × 0.4324 = 341,133.7644, so 100·v/b lies between 43.23 and 43.24, at
        // 43.23 + 0.01 × (341,118 − 341,054.8713) / 78.8931 = 43.23 + 0.01 × 0.800… = 43.238…, which prints as 43.24,
        // not the published 42.91.
        assertFalse(RoundTarget.publishedMatches("42.91", 341_118, 788_931));
        assertTrue(RoundTarget.publishedMatches("43.24", 341_118, 788_931));
        // And 341,118 is not round at d = 2: q = 4324, T = 341,133.7644, v − T = −15.7644.
        RoundTarget cell = RoundTarget.of(341_118, 788_931, 2);
        assertEquals(BigInteger.valueOf(4324), cell.q());
        assertDecimal("-15.7644", cell.offset());
        assertFalse(cell.isRound());
    }

    @Test
    void publishedDecimalsFollowThePrintedPrecision() {
        // Abai "Against all": v = 9,559 of b = 233,155 (published 4.10). b × 0.041 = 9,559.355, so
        // 100·v/b = 4.1 − 0.355 / 2,331.55 = 4.1 − 0.000152… = 4.099848…
        assertTrue(RoundTarget.publishedMatches("4.10", 9_559, 233_155)); // 2 decimals: 4.10
        assertTrue(RoundTarget.publishedMatches("4.1", 9_559, 233_155)); // 1 decimal: 4.1
        assertTrue(RoundTarget.publishedMatches("4.100", 9_559, 233_155)); // 3 decimals: 4.100 (4.0998|48 rounds up)
        assertTrue(RoundTarget.publishedMatches("4", 9_559, 233_155)); // 0 decimals: 4
        assertFalse(RoundTarget.publishedMatches("4.09", 9_559, 233_155));
        assertTrue(RoundTarget.publishedMatches(" 4.10 ", 9_559, 233_155));
    }

    @Test
    void publishedRoundingModeIsAParameter() {
        // 100 × 12,345 / 100,000 = 12.345 exactly: HALF_UP prints 12.35, HALF_EVEN prints 12.34 (4 is even).
        assertTrue(RoundTarget.publishedMatches("12.35", 12_345, 100_000));
        assertTrue(RoundTarget.publishedMatches("12.35", 12_345, 100_000, RoundingMode.HALF_UP));
        assertFalse(RoundTarget.publishedMatches("12.35", 12_345, 100_000, RoundingMode.HALF_EVEN));
        assertTrue(RoundTarget.publishedMatches("12.34", 12_345, 100_000, RoundingMode.HALF_EVEN));
    }

    @Test
    void halfAVoteIsRoundInclusive() {
        // b = 99,950, d = 2: spacing s = b / 10,000 = 9.995 votes. v = 1,000: S·v = 10,000,000;
        // S·v / b = 100.050… → q = 100; T = 99,950 × 100 / 10,000 = 999.5; v − T = +0.5 exactly: ROUND (boundary).
        RoundTarget boundary = RoundTarget.of(1_000, 99_950, 2);
        assertEquals(BigInteger.valueOf(100), boundary.q());
        assertDecimal("999.5", boundary.target());
        assertDecimal("0.5", boundary.offset());
        assertTrue(boundary.isRound());
        // u = 0.5 / 9.995 = 5,000 / 99,950 = 0.050025…; p = 10,000 / 99,950 = 0.10005 ≤ 0.2.
        assertEquals(5_000.0 / 99_950.0, boundary.normalisedOffset(), Math.ulp(5_000.0 / 99_950.0));
        assertTrue(boundary.isEligible());

        // Just outside, same b: v = 1,010, S·v = 10,100,000; b × 101 = 10,094,950, below by 5,050 < b/2, so
        // q = 101; T = 1,009.495; v − T = +0.505: NOT round.
        RoundTarget outside = RoundTarget.of(1_010, 99_950, 2);
        assertEquals(BigInteger.valueOf(101), outside.q());
        assertDecimal("0.505", outside.offset());
        assertFalse(outside.isRound());

        // Negative side: b = 15,000, d = 2, spacing 1.5; v = 2: S·v / b = 1.333… → q = 1, T = 1.5, v − T = +0.5;
        // v = 1: S·v / b = 0.667 → q = 1, T = 1.5, v − T = −0.5. Both round.
        assertTrue(RoundTarget.of(2, 15_000, 2).isRound());
        RoundTarget below = RoundTarget.of(1, 15_000, 2);
        assertDecimal("-0.5", below.offset());
        assertTrue(below.isRound());
    }

    @Test
    void exactTieDoesNotAffectTheDecision() {
        // b = 1,000, d = 0: spacing 10 votes, targets 0, 10, 20, … v = 5: 100·5 / 1,000 = 0.5, a tie between q = 0
        // (T = 0, v − T = +5) and q = 1 (T = 10, v − T = −5). Either way |v − T| = 5 > 0.5: NOT round. Halves round
        // up, so q = 1, offset −5, u = −5 / 10 = −0.5.
        RoundTarget tie = RoundTarget.of(5, 1_000, 0);
        assertEquals(BigInteger.ONE, tie.q());
        assertDecimal("-5", tie.offset());
        assertFalse(tie.isRound());
        assertEquals(-0.5, tie.normalisedOffset(), 0.0);
    }

    @Test
    void probabilityIsCappedAtOneAndEligibilityIsInclusive() {
        // Tiny base: b = 50, d = 2: 10,000 / 50 = 200 → p = 1, not eligible; every count is round (spacing 0.005).
        RoundTarget tiny = RoundTarget.of(17, 50, 2);
        assertEquals(1.0, tiny.probability(), 0.0);
        assertFalse(tiny.isEligible());
        assertTrue(tiny.isRound());
        // b = 500, d = 0: p = 100 / 500 = 0.2 exactly → eligible at maxP = 0.2 (inclusive).
        assertEquals(0.2, RoundTarget.of(1, 500, 0).probability(), 0.0);
        assertTrue(RoundTarget.of(1, 500, 0).isEligible());
        // b = 499: p = 100 / 499 = 0.2004… > 0.2 → not eligible.
        assertFalse(RoundTarget.of(1, 499, 0).isEligible());
        // b = 50,000, d = 2: p = 10,000 / 50,000 = 0.2 → eligible; b = 49,999 → 0.200004 → not.
        assertTrue(RoundTarget.of(1, 50_000, 2).isEligible());
        assertFalse(RoundTarget.of(1, 49_999, 2).isEligible());
        // A stricter threshold: b = 100,000, d = 2 gives p = 0.1, eligible at 0.1 but not at 0.05.
        assertTrue(RoundTarget.of(1, 100_000, 2).isEligible(0.1));
        assertFalse(RoundTarget.of(1, 100_000, 2).isEligible(0.05));
    }

    @Test
    void percentHasFiveDecimalsHalfEven() {
        // 100 × 1 / 4,000,000 = 0.000025 exactly: a tie at the 5th decimal; HALF_EVEN keeps 0.00002 (2 is even).
        assertDecimal("0.00002", RoundTarget.of(1, 4_000_000, 2).percent());
        // 100 × 3 / 4,000,000 = 0.000075: tie; HALF_EVEN goes to 0.00008 (8 is even).
        assertDecimal("0.00008", RoundTarget.of(3, 4_000_000, 2).percent());
        assertEquals(5, RoundTarget.of(1, 3, 2).percent().scale());
        // 100 / 3 = 33.333333… → 33.33333.
        assertDecimal("33.33333", RoundTarget.of(1, 3, 2).percent());
    }

    @Test
    void hugeCountsAreExact() {
        // b = 10^15 + 1, d = 2: T = (10^15 + 1) × 5390 / 10,000 = 539,000,000,000,000.539.
        // v = 539,000,000,000,001: S·v − 5390·b = (5.39e18 + 10,000) − (5.39e18 + 5,390) = 4,610, tiny beside b/2, so
        // q = 5390 and v − T = 4,610 / 10,000 = +0.461: ROUND.
        // v = 539,000,000,000,000: S·v − 5390·b = −5,390, v − T = −0.539: NOT round. In doubles (53 bits) b·q/S
        // would not even be representable to the vote at this size.
        long b = 1_000_000_000_000_001L;
        RoundTarget round = RoundTarget.of(539_000_000_000_001L, b, 2);
        assertEquals(BigInteger.valueOf(5390), round.q());
        assertDecimal("539000000000000.539", round.target());
        assertDecimal("0.461", round.offset());
        assertTrue(round.isRound());
        RoundTarget notRound = RoundTarget.of(539_000_000_000_000L, b, 2);
        assertDecimal("-0.539", notRound.offset());
        assertFalse(notRound.isRound());
        // v > b (a defective table) still works: 2 × 10^15 of 10^15 is 200 %, q = 20,000 at d = 2, exactly round.
        RoundTarget over = RoundTarget.of(2_000_000_000_000_000L, 1_000_000_000_000_000L, 2);
        assertEquals(BigInteger.valueOf(20_000), over.q());
        assertTrue(over.isRound());
    }

    @Test
    void rejectsInvalidInput() {
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.of(1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.of(1, -10, 2));
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.of(-1, 10, 2));
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.of(1, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.of(1, 10, -1));
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.publishedMatches("42,91", 1, 10));
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.publishedMatches("-4.1", 1, 10));
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.publishedMatches("4e1", 1, 10));
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.publishedMatches("", 1, 10));
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.publishedMatches(null, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> RoundTarget.publishedMatches("4.1", 1, 0));
    }
}
