package org.sanaq.checks.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.PrecinctRows;
import org.sanaq.checks.neighbours.UnitScores;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;
import org.sanaq.schema.Conventions;

/**
 * The judge on hand-made results: 100 matched precincts of one region, 12 jumps of which 11 go up, and five random
 * groupings that give 12 jumps each, 6 up.
 */
class PanelJudgeTest {

    private static CheckOutcome outcome() throws Exception {
        List<UnitScores.RegionCount> counts = new ArrayList<>(List.of(new UnitScores.RegionCount(0, "A", 100, 12,
                11)));
        for (int r = 1; r <= 5; r++) {
            counts.add(new UnitScores.RegionCount(r, "A", 100, 12, 6));
        }
        MatchCounts matched = new MatchCounts(100, 100, 100, 0, 0, 0, 0, 1.0, 2.0);
        PanelResults results = new PanelResults(List.of("b", "e"), List.of(), matched, new TreeMap<>(Map.of("A",
                matched)), List.of(), new long[PanelResults.CHANGE_BINS], new UnitScores.ScoreSummary(counts, 10, 0,
                        0, new long[41], new long[41], List.of(), 100, 0));
        PanelCheck check = new PanelCheck();
        return check.judge(PrecinctRows.context(check, "e", Conventions.DEFAULT, Map.of("elections", List.of("b", "e"),
                "placebo_groupings", 5)), results);
    }

    private static Finding finding(CheckOutcome o, String statistic) {
        return o.findings().stream().filter(f -> f.statistic().equals(statistic)).findFirst().orElseThrow();
    }

    @Test
    void asManyJumpsAsEveryGroupingIsNoFlagButElevenOfTwelveUpIs() throws Exception {
        CheckOutcome o = outcome();
        Finding jumps = finding(o, "outliers");
        assertEquals(Verdict.PASS, jumps.verdict(), "12 real jumps, and a grouping with 12: not more than all");
        assertEquals(1.0, jumps.pValue(), 1e-12, "(1 + 5) / (5 + 1)");
        Finding direction = finding(o, "outliers_up");
        // two-sided exact binomial: 2 · P(X ≤ 1 | 12, ½) = 2 · 13 / 4096
        assertEquals(26.0 / 4096, direction.pValue(), 1e-15);
        assertEquals(Verdict.FLAG, direction.verdict(), "below alpha 0.01");
        assertEquals(10.0, direction.effect().amount(), 1e-12, "11 up − 1 down");
        assertEquals(1.0, o.metrics().stream().filter(m -> m.metric().equals("outliers_down"))
                .mapToDouble(Metric::value).findFirst().orElseThrow(), 1e-12);
    }
}
