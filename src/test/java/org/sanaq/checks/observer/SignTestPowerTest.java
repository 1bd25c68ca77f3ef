package org.sanaq.checks.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.PrecinctRows;
import org.sanaq.compare.HandMadePairs;
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
        HandMadePairs pairs = new HandMadePairs();
        // three candidates, so the smallest adjusted p of n pairs all one way is 2 · 0.5^n · 3 (three significant
        // digits, as every p-value a reader sees)
        differing(pairs, "Few", 3, 0);
        differing(pairs, "Even", 10, 10);
        differing(pairs, "Many", 20, 0);
        CheckOutcome outcome = check.judge(context, pairs.results());
        Finding few = finding(outcome, "Few");
        assertEquals(Verdict.INCONCLUSIVE, few.verdict());
        assertTrue(few.sentence().contains("too few pairs that differ: 3"), few.sentence());
        assertTrue(few.sentence().contains("the adjusted sign-test p would be 0.750, not below 0.01"), few.sentence());
        assertEquals(Verdict.PASS, finding(outcome, "Even").verdict());
        assertEquals(Verdict.FLAG, finding(outcome, "Many").verdict());
    }

    /** Pairs in which only {@code candidate} differs: {@code gained} with the official figure higher, {@code lost} lower. */
    private static void differing(HandMadePairs pairs, String candidate, int gained, int lost) {
        for (int i = 0; i < gained + lost; i++) {
            pairs.pair(Map.of(candidate, 100L), Map.of(candidate, i < gained ? 99L : 101L));
        }
    }

    private static Finding finding(CheckOutcome outcome, String candidate) {
        return outcome.findings().stream().filter(f -> f.subject().equals(candidate)).findFirst().orElseThrow();
    }
}
