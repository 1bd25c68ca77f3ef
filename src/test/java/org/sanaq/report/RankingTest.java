package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sanaq.results.Effect;
import org.sanaq.results.Finding;
import org.sanaq.results.Placebo;
import org.sanaq.results.Verdict;

/** The one rule that orders findings of every check: strength band, then the share concerned, then p. */
class RankingTest {

    private static Finding flag(String check, Double p, Effect effect, Placebo placebo) {
        return new Finding(check, "national", "s", "stat", 1.0, p, p, Verdict.FLAG, check + " flags.", List.of(),
                effect, null, placebo);
    }

    private static Placebo others(long tested, long flagged) {
        return new Placebo(new Placebo.OtherRows(tested, flagged, null), null, null, false, "Others.");
    }

    /** Ru-2018's page-1 flags as the checks give them (figures from the run in the closing note of issue 18). */
    private static final Finding SHPILKIN = flag("fingerprint", null,
            new Effect(10_283_476, Effect.Unit.VOTES, 56_027_406.0, Effect.Basis.ESTIMATE), others(7, 0));
    private static final Finding PEAKS = flag("integer_peaks", 3.1e-38,
            new Effect(1_511.3, Effect.Unit.PRECINCTS, 91_092.0, Effect.Basis.TEST), null);
    private static final Finding BOXES = flag("protocol_integrity", null, Effect.precincts(6, 97_699.0), null);
    private static final Finding LAST_DIGIT = flag("digit_tests", 7.6e-15, null, null);
    private static final Finding TATARSTAN = flag("digit_tests", 1.1e-3, null, null);

    @Test
    void bandsFollowTheKindOfEvidenceAndTheExactP() {
        assertEquals(1, Ranking.band(BOXES), "counted from the documents");
        assertEquals(1, Ranking.band(PEAKS), "p below 10⁻¹⁰");
        assertEquals(1, Ranking.band(LAST_DIGIT), "p below 10⁻¹⁰ with no effect");
        assertEquals(1, Ranking.band(SHPILKIN), "an estimate no other candidate's control reaches");
        assertEquals(2, Ranking.band(flag("fingerprint", null, SHPILKIN.effect(), others(7, 1))),
                "an estimate another candidate's control reaches too");
        assertEquals(2, Ranking.band(flag("digit_tests", 5e-5, null, null)), "p below 10⁻⁴");
        assertEquals(3, Ranking.band(TATARSTAN), "p of 0.0011");
        assertEquals(4, Ranking.band(new Finding("c", "national", "s", "stat", 1.0, 0.5, 0.5, Verdict.PASS, "Passes.",
                List.of(), null)), "no flag");
    }

    /**
     * Within band 1 the larger share of what a finding concerns comes first: 18.4 % of the leader's votes, 1.66 %
     * of the precincts tested, 0.0061 % of the protocols checked, none (a digit statistic measures no amount).
     */
    @Test
    void withinABandTheLargerShareLeadsAndTheHeadlineNumbersComeFirst() {
        Finding explained = new Finding("integer_peaks", "national", "either", "stat", 1.0, 1e-40, 1e-40,
                Verdict.FLAG, "Explained.", List.of(), PEAKS.effect(), "turnout");
        List<Finding> ordered = Stream.of(TATARSTAN, explained, LAST_DIGIT, BOXES, PEAKS, SHPILKIN)
                .sorted(Ranking.STRONGEST_FIRST).toList();
        assertEquals(List.of(SHPILKIN, PEAKS, BOXES, LAST_DIGIT, TATARSTAN, explained), ordered);
        assertEquals(0.18354, Ranking.share(SHPILKIN), 1e-5);
        assertEquals(1511.3 / 91_092, Ranking.share(PEAKS), 1e-12);
        assertEquals(0, Ranking.share(LAST_DIGIT));
    }

    @Test
    void withinABandAndShareTheSmallerPLeads() {
        Finding weaker = flag("digit_tests", 1e-11, null, null);
        assertEquals(List.of(LAST_DIGIT, weaker), Stream.of(weaker, LAST_DIGIT).sorted(Ranking.STRONGEST_FIRST)
                .toList());
    }
}
