package org.sanaq.checks.panel;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sanaq.checks.PrecinctRows;
import org.sanaq.checks.SpecialStations;
import org.sanaq.schema.Conventions;

/**
 * The matching of DESIGN19 §3.7 on its hand table. 2018: Region A #1, #2, #3, #4 (V 1000), Old Name #7 (V 500),
 * Region A #9 twice; 2024: Region A #1, #2, #3 (V 1000), #4 (V 3000), New Name #7 (V 520), Region A #5.
 */
class PanelMatchingTest {

    private static Dataset<Row> protocols() {
        PrecinctRows before = new PrecinctRows();
        for (String n : List.of("1", "2", "3", "4")) {
            before.add("Region A", n, 1000, 500, 490, 10, Map.of("X", 300L, "Y", 190L), null);
        }
        before.add("Old Name", "7", 500, 250, 240, 10, Map.of("X", 140L, "Y", 100L), null);
        before.add("Region A", "9", 800, 400, 390, 10, Map.of("X", 200L, "Y", 190L), null);
        before.add("Region A", "9", 900, 450, 440, 10, Map.of("X", 220L, "Y", 220L), null);
        PrecinctRows after = new PrecinctRows();
        for (String n : List.of("1", "2", "3")) {
            after.add("Region A", n, 1000, 600, 590, 10, Map.of("X", 400L, "Y", 190L), null);
        }
        after.add("Region A", "4", 3000, 1500, 1490, 10, Map.of("X", 900L, "Y", 590L), null);
        after.add("New Name", "7", 520, 260, 250, 10, Map.of("X", 150L, "Y", 100L), null);
        after.add("Region A", "5", 700, 350, 340, 10, Map.of("X", 200L, "Y", 140L), null);
        return before.dataset().withColumn("election", lit("2018"))
                .unionByName(after.dataset().withColumn("election", lit("2024")));
    }

    private static PanelSides.Rules rules(Map<String, String> aliases) {
        return new PanelSides.Rules("2018", "2024", "official", SpecialStations.EXCLUDE, Conventions.DEFAULT,
                List.of("region", "precinct"), aliases, 0.5);
    }

    /** The statuses' counts of the joined keys. */
    private static Map<String, Long> statuses(Map<String, String> aliases) {
        Map<String, Long> out = new TreeMap<>();
        new PanelSides(rules(aliases)).joined(protocols(), "X", "X").groupBy(PanelSides.STATUS).count()
                .collectAsList().forEach(r -> out.put(r.getString(0), r.getLong(1)));
        return out;
    }

    @Test
    void anAliasMatchesARenamedRegionAndSetAsideKeysAreCountedOnlyAsSuch() {
        // #1, #2, #3 and New Name #7; #4: |1000 − 3000| = 2000 > 0.5 · 3000; #9 twice in 2018; #5 new in 2024
        assertEquals(Map.of("matched", 4L, "size_mismatch", 1L, "ambiguous", 1L, "only_after", 1L),
                statuses(Map.of("Old Name", "New Name")));
    }

    @Test
    void matchRatesAreOfEachElectionsPrecinctsNationallyAndPerRegion() {
        SortedMap<String, MatchCounts> regions = new TreeMap<>();
        MatchCounts nation = PanelStatistics.counts(new PanelSides(rules(Map.of("Old Name", "New Name")))
                .joined(protocols(), "X", "X"), regions);
        assertEquals(List.of(7L, 6L, 4L, 1L, 1L, 0L, 1L), List.of(nation.before(), nation.after(), nation.matched(),
                nation.sizeMismatch(), nation.ambiguous(), nation.onlyBefore(), nation.onlyAfter()),
                "7 protocols of 2018 (#9 twice), 6 of 2024");
        assertEquals(10.0, nation.medianTurnoutChange(), 1e-9, "50 % → 60 % in #1–#3, 50 % → 50 % in #7");
        assertEquals(100 * (400.0 / 590 - 300.0 / 490), nation.medianShareChange(), 1e-9,
                "X 300/490 → 400/590 (+6.57) in #1–#3, 140/240 → 150/250 (+1.67) in #7: the median is an element");
        assertEquals(4.0 / 6, nation.rateAfter(), 1e-12);
        assertEquals(4.0 / 7, nation.rateBefore(), 1e-12);
        assertEquals(List.of("New Name", "Region A"), List.copyOf(regions.keySet()));
        assertEquals(1, regions.get("New Name").matched());
        assertEquals(1, regions.get("New Name").before(), "the earlier election's region counted under its alias");
        assertEquals(3, regions.get("Region A").matched());
        assertEquals(0.6, regions.get("Region A").rateAfter(), 1e-12, "3 of #1–#5");
    }

    @Test
    void withoutTheAliasTheRenamedRegionsPrecinctIsOnEachSideAlone() {
        assertEquals(Map.of("matched", 3L, "size_mismatch", 1L, "ambiguous", 1L, "only_before", 1L,
                "only_after", 2L), statuses(Map.of()));
    }
}
