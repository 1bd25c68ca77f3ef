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

    /**
     * Page 1's data box: whose data, the files, what the protocols used cover per level (finest first), the
     * election-day reports and claims apart, then what was read and set aside.
     */
    @Test
    void theDataBoxSaysWhatTheProtocolsCoverAtEachLevel() {
        Manifest.InputAccount input = new Manifest.InputAccount("cec", "m.yaml", "official",
                List.of(new Manifest.FileHash("../data/2018.csv.zip", "ab".repeat(32), 10L)), 101, 101, 0, 108, 0,
                Map.of(), 0, "follow", "CEC of Russia, github.com/dkobak/elections",
                List.of(new Manifest.Coverage("region", 1, 7, 0, 2_000, 1_500),
                        new Manifest.Coverage("precinct", 100, 0, 0, 109_008_428, 73_629_581)));
        assertEquals("official — CEC of Russia, github.com/dkobak/elections (cec: 2018.csv.zip): 100 precinct "
                + "protocols (109,008,428 registered voters, 73,629,581 ballots); 1 regional protocol (2,000 "
                + "registered voters, 1,500 ballots); 7 election-day reports (preliminary figures with their time); "
                + "101 rows read, no row unusable.", DataBox.line(Wording.of("en"), input));
        assertEquals("официальные данные — CEC of Russia, github.com/dkobak/elections (cec: 2018.csv.zip): 100 "
                + "протоколов участковых комиссий (109\u202F008\u202F428 избирателей в списках, 73\u202F629\u202F581 "
                + "бюллетень); 1 протокол по регионам (2\u202F000 избирателей в списках, 1\u202F500 бюллетеней); 7 "
                + "сводок дня голосования (предварительные данные с указанием времени); прочитана 101 строка, "
                + "непригодных нет.", DataBox.line(Wording.of("ru"), input));
        Manifest.InputAccount claims = new Manifest.InputAccount("claims", "m.yaml", "from the data",
                List.of(new Manifest.FileHash("claims.csv", "ab".repeat(32), 10L)), 6, 6, 0, 6, 0, Map.of(), 0,
                "follow", null, List.of(new Manifest.Coverage("district", 0, 0, 6, 0, 0)));
        assertEquals("named in the data (claims: claims.csv): 6 claimed totals (over precincts the claimant does "
                + "not list); 6 rows read, no row unusable.", DataBox.line(Wording.of("en"), claims));
    }

    /** Where to get the data is a live link; file names are not taken for web addresses. */
    @Test
    void anOriginsWebAddressesAreLinks() {
        assertEquals(Map.of("github.com/dkobak/elections", "https://github.com/dkobak/elections",
                "https://example.org/results/2024", "https://example.org/results/2024"),
                DataBox.links("CEC of Russia, github.com/dkobak/elections, also https://example.org/results/2024 "
                        + "(cec: 2018.csv.zip): see datasets/kz-2023/SOURCE.md."));
        assertEquals(Map.of(), DataBox.links("party-list-by-region.csv, v1.2.3, e.g. 42.91 %"));
    }

    @Test
    void aManifestFromBeforeSaysWhatItAlwaysSaid() {
        Manifest.InputAccount old = new Manifest.InputAccount("official", "canonical", "official",
                List.of(new Manifest.FileHash("/data/copies.csv", "ab".repeat(32), 10L)), 3, 3, 0, 3);
        assertEquals("official (official; copies.csv): 3 rows read, 3 protocols used, no row unreadable.",
                DataBox.line(Wording.of("en"), old));
    }
}
