package org.sanaq.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.compare.ReadingErrors.Pattern;

/**
 * Each reading-error pattern on a protocol of three parties, official Big 769, Mid 120, Small 3 (valid 892), with
 * the copy's figures chosen by hand to show one pattern each; and the differences that are not reading errors.
 */
class ReadingErrorsTest {
    private static final Map<String, Long> OFFICIAL = Map.of("Big", 769L, "Mid", 120L, "Small", 3L);

    private static Map<String, Long> copy(long big, long mid, long small) {
        return Map.of("Big", big, "Mid", mid, "Small", small);
    }

    @Test
    void aFigureInAColumnTheOfficialProtocolLacksIsShifted() {
        Map<String, Long> copy = new HashMap<>(copy(20, 120, 3));
        copy.put("CAND26", 768L);
        ReadingErrors.Found found = ReadingErrors.find(OFFICIAL, copy, null, null, null);
        assertEquals(EnumSet.of(Pattern.SHIFTED), found.patterns());
        assertEquals("CAND26 768 (no such column in the official protocol)", found.evidence());
    }

    @Test
    void aColumnOfTheCopyReadAsZeroWhereTheOfficialHasNoneIsNoError() {
        Map<String, Long> copy = new HashMap<>(copy(769, 120, 3));
        copy.put("CAND19", 0L);
        assertNull(ReadingErrors.find(OFFICIAL, copy, null, null, null));
    }

    @Test
    void anotherCandidatesFigureReadIntoAColumnIsShifted() {
        // Mid reads Big's 769 and Big's own figure is read wrong too (as 3): Big's figure moved one column
        ReadingErrors.Found found = ReadingErrors.find(OFFICIAL, copy(3, 769, 3), null, null, null);
        assertTrue(found.patterns().contains(Pattern.SHIFTED), found.toString());
        assertTrue(found.evidence().contains("Big 769 → Mid"), found.evidence());
    }

    @Test
    void twoFiguresExchangedAreSwapped() {
        ReadingErrors.Found found = ReadingErrors.find(OFFICIAL, copy(120, 769, 3), null, null, null);
        assertEquals(EnumSet.of(Pattern.SWAPPED), found.patterns());
        assertEquals("Mid 120 ⇄ Big; Big 769 ⇄ Mid", found.evidence());
    }

    @Test
    void aDigitDroppedOrAddedIsADigitError() {
        assertEquals(EnumSet.of(Pattern.DIGIT), ReadingErrors.find(OFFICIAL, copy(79, 120, 3), null, null, null)
                .patterns());
        assertEquals("Mid 120 read as 1200", ReadingErrors.find(OFFICIAL, copy(769, 1200, 3), null, null, null)
                .evidence());
        assertTrue(ReadingErrors.digitDroppedOrAdded(1535, 135));
        assertTrue(ReadingErrors.digitDroppedOrAdded(5, 55));
        assertFalse(ReadingErrors.digitDroppedOrAdded(3, 4), "one digit against one: a changed figure");
        assertFalse(ReadingErrors.digitDroppedOrAdded(369, 370), "off by one, same length");
        assertFalse(ReadingErrors.digitDroppedOrAdded(120, 12000), "two digits added");
        assertFalse(ReadingErrors.digitDroppedOrAdded(120, 130), "a digit changed, none dropped");
    }

    @Test
    void candidatesThatDoNotSumToTheCopysValidBallotsAreABadSum() {
        ReadingErrors.Found found = ReadingErrors.find(OFFICIAL, copy(769, 121, 3), 892L, null, null);
        assertEquals(EnumSet.of(Pattern.BAD_SUM), found.patterns());
        assertEquals("candidates sum to 893, not 892", found.evidence());
        // without valid ballots, the copy's ballots cast minus invalid stand for them: 900 − 8 = 892
        assertEquals("candidates sum to 893, not 892",
                ReadingErrors.find(OFFICIAL, copy(769, 121, 3), null, 900L, 8L).evidence());
        assertNull(ReadingErrors.find(OFFICIAL, copy(769, 121, 3), null, 900L, null), "no base to sum to");
    }

    @Test
    void aChangedCountThatFitsNoPatternIsNoReadingError() {
        // 20 votes moved from Big to Mid, the copy consistent with itself: a difference to test, not a misreading
        assertNull(ReadingErrors.find(OFFICIAL, copy(749, 140, 3), 892L, null, null));
        // Small reads 2, which no one else has officially and is no digit slip of 3
        assertNull(ReadingErrors.find(OFFICIAL, copy(769, 120, 2), null, null, null));
    }

    @Test
    void smallEqualFiguresAreNotTakenForAShift() {
        // Small's copy reads 4 and Tiny's official figure is 4 (and Tiny is read wrong): below 10, a coincidence
        Map<String, Long> official = Map.of("Big", 769L, "Small", 3L, "Tiny", 4L);
        Map<String, Long> copy = Map.of("Big", 769L, "Small", 4L, "Tiny", 5L);
        assertNull(ReadingErrors.find(official, copy, null, null, null));
    }

    @Test
    void aCopyWithACountMarkedMissingIsNotSummed() {
        Map<String, Long> copy = new HashMap<>(copy(769, 120, 3));
        copy.put("Small", null);
        assertNull(ReadingErrors.find(OFFICIAL, copy, 1000L, null, null));
    }
}
