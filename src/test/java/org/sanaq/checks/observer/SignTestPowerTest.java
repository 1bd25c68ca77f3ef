package org.sanaq.checks.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.PrecinctRows;
import org.sanaq.compare.PairStatistics;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;
import org.sanaq.schema.Conventions;

/**
 * A candidate's sign test over too few differing pairs to reach alpha, even if all went one way, is inconclusive;
 * with enough pairs it passes or flags as before. Judged from hand-made results, without Spark.
 */
class SignTestPowerTest {

    @Test
    void tooFewDifferingPairsAreInconclusiveEnoughPassOrFlag() throws Exception {
        OfficialVsObserverCheck check = new OfficialVsObserverCheck();
        CheckContext context = PrecinctRows.context(check, PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        Map<String, List<Map<String, Object>>> results = new HashMap<>();
        for (String name : List.of(PairStatistics.SOURCES, PairStatistics.DISTRICT_VOTES, PairStatistics.COVERAGE)) {
            results.put(name, List.of());
        }
        for (String name : List.of(PairStatistics.LARGEST, PairStatistics.UNMATCHED, PairStatistics.CONFLICTS,
                PairStatistics.POINTS, PairStatistics.CLAIMS)) {
            results.put(name, List.of());
            results.put(name + PairStatistics.COUNT_SUFFIX, List.of(Map.of("count", 0L)));
        }
        // three candidates, so the smallest adjusted p of n pairs all one way is 2 · 0.5^n · 3
        results.put(PairStatistics.CANDIDATES, List.of(candidate("Few", 3, 0), candidate("Even", 10, 10),
                candidate("Many", 20, 0)));
        CheckOutcome outcome = check.judge(context, new AggregationResults(results));
        Finding few = finding(outcome, "Few");
        assertEquals(Verdict.INCONCLUSIVE, few.verdict());
        assertTrue(few.sentence().contains("too few pairs that differ: 3"), few.sentence());
        assertTrue(few.sentence().contains("the adjusted sign-test p would be 0.7500, not below 0.01"), few.sentence());
        assertEquals(Verdict.PASS, finding(outcome, "Even").verdict());
        assertEquals(Verdict.FLAG, finding(outcome, "Many").verdict());
    }

    private static Map<String, Object> candidate(String name, long gained, long lost) {
        return Map.of("candidate", name, "official_total", 1000L + gained - lost, "observer_total", 1000L,
                "gained", gained, "lost", lost, "gained_confident", gained, "lost_confident", lost);
    }

    private static Finding finding(CheckOutcome outcome, String candidate) {
        return outcome.findings().stream().filter(f -> f.subject().equals(candidate)).findFirst().orElseThrow();
    }
}
