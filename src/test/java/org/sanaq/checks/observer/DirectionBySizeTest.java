package org.sanaq.checks.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
 * The direction of the differences across parties by size tells misreading from bias. Five parties, official Big
 * 1000, Mid 500, Opp 400, S1 10, S2 5 in each of 12 pairs that differ for every party; all 12 one way give each
 * party a sign-test p of 2 · 0.5^12 = 0.000488, 0.00244 after Bonferroni over 5: significant at 0.01. The
 * misreading pattern leaves the flags standing but explained by the direction finding (off page 1).
 */
class DirectionBySizeTest {
    private static final Map<String, Long> OFFICIAL = Map.of("Big", 1000L, "Mid", 500L, "Opp", 400L, "S1", 10L,
            "S2", 5L);

    private static CheckOutcome judge(Map<String, Long> copy) throws Exception {
        OfficialVsObserverCheck check = new OfficialVsObserverCheck();
        CheckContext context = PrecinctRows.context(check, PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        HandMadePairs pairs = new HandMadePairs();
        for (int i = 0; i < 12; i++) {
            pairs.pair(OFFICIAL, copy);
        }
        return check.judge(context, pairs.results());
    }

    private static Finding finding(CheckOutcome outcome, String subject, String statistic) {
        return outcome.findings().stream().filter(f -> f.subject().equals(subject) && f.statistic().equals(statistic))
                .findFirst().orElseThrow();
    }

    @Test
    void everyLargePartyHigherAndEverySmallOneLowerIsMisreadingAndFlagsNothing() throws Exception {
        // the copies read every large figure low (the opposition's Opp too) and every small one high
        CheckOutcome outcome = judge(Map.of("Big", 990L, "Mid", 495L, "Opp", 398L, "S1", 14L, "S2", 9L));
        for (String party : List.of("Big", "Mid", "Opp", "S1", "S2")) {
            Finding sign = finding(outcome, party, "sign_test_p");
            assertEquals(Verdict.FLAG, sign.verdict(), party);
            assertEquals("all parties", sign.explainedBy(), "a flag the misreading pattern explains");
            assertTrue(sign.sentence().contains("part of the pattern misreading gives"), sign.sentence());
        }
        Finding direction = finding(outcome, "all parties", "direction_by_size");
        assertEquals(Verdict.PASS, direction.verdict());
        assertTrue(direction.sentence().startsWith("Direction across the 5 parties with differing pairs, largest "
                + "first: the official figure is significantly higher for 3 (Big, Mid, Opp) and lower for 2 (S1, "
                + "S2)."), direction.sentence());
        assertTrue(direction.sentence().contains("The sign tests' flags are explained by this pattern"), direction.sentence());
        // the differing pairs of a signed copy still flag as a fact about the documents; the directions do not
        assertEquals(List.of("pairs_differing"), outcome.findings().stream()
                .filter(f -> f.verdict() == Verdict.FLAG && f.explainedBy() == null).map(Finding::statistic).toList());
    }

    @Test
    void onlyTheLeaderHigherIsNotMisreadingAndFlags() throws Exception {
        CheckOutcome outcome = judge(Map.of("Big", 990L, "Mid", 502L, "Opp", 403L, "S1", 12L, "S2", 8L));
        assertEquals(Verdict.FLAG, finding(outcome, "Big", "sign_test_p").verdict());
        assertEquals(Verdict.FLAG, finding(outcome, "Opp", "sign_test_p").verdict());
        assertEquals(null, finding(outcome, "Big", "sign_test_p").explainedBy());
        Finding direction = finding(outcome, "all parties", "direction_by_size");
        assertEquals(Verdict.PASS, direction.verdict());
        assertTrue(direction.sentence().contains("higher for 1 (Big) and lower for 4 (Mid, Opp, S1, S2)"),
                direction.sentence());
        assertTrue(direction.sentence().endsWith("not the pattern misreading gives."), direction.sentence());
    }
}
