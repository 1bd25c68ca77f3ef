package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.results.Manifest;

/** Page 1's line per input says how many rows were read, used, set aside as copies and quarantined. */
class InputSentenceTest {

    private static Manifest.InputAccount account(long read, long used, long quarantined, Map<String, Long> setAside,
            long cleaned) {
        long aside = setAside.values().stream().mapToLong(Long::longValue).sum();
        return new Manifest.InputAccount("official", "canonical", "official",
                List.of(new Manifest.FileHash("/data/copies.csv", "ab".repeat(32), 10L)), read, used, quarantined,
                used, aside, setAside, cleaned, "follow");
    }

    @Test
    void conflictingCopiesAreSetAsideNotUsed() {
        assertEquals("official (official; copies.csv): 7 rows read, 1 protocols used, 6 rows set aside as conflicting "
                + "copies (nothing says which copy is right), no row unreadable.",
                DataBox.line(Wording.of("en"),
                        account(7, 1, 0, Map.of(Manifest.CONFLICTING_COPIES, 6L), 0)));
    }

    @Test
    void everyReasonAndTheCleanedNamesAreSaid() {
        Map<String, Long> aside = new LinkedHashMap<>();
        aside.put(Manifest.CONFLICTING_COPIES, 2L);
        aside.put(Manifest.IDENTICAL_COPIES, 1L);
        assertEquals("official (official; copies.csv): 6 rows read, 2 protocols used, 2 rows set aside as conflicting "
                + "copies (nothing says which copy is right), 1 row set aside as an identical copy of a used protocol, "
                + "1 row with control characters (NUL, bidi) removed from its names, 1 row set aside because it "
                + "could not be read.", DataBox.line(Wording.of("en"), account(6, 2, 1, aside, 1)));
        assertEquals("official (официальные данные; copies.csv): прочитано строк — 6, использовано протоколов — 2, отложено "
                + "противоречащих копий протоколов — 2, отложено одинаковых копий использованных протоколов — 1, "
                + "строк, из названий в которых удалены управляющие символы (NUL, bidi), — 1, отложено нечитаемых "
                + "строк — 1.", DataBox.line(Wording.of("ru"), account(6, 2, 1, aside, 1)));
    }

    @Test
    void aManifestFromBeforeSaysWhatItAlwaysSaid() {
        Manifest.InputAccount old = new Manifest.InputAccount("official", "canonical", "official",
                List.of(new Manifest.FileHash("/data/copies.csv", "ab".repeat(32), 10L)), 3, 3, 0, 3);
        assertEquals("official (official; copies.csv): 3 rows read, 3 protocols used, no row unreadable.",
                DataBox.line(Wording.of("en"), old));
    }
}
