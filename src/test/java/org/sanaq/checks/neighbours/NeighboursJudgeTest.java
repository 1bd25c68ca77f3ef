package org.sanaq.checks.neighbours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.SpecialStations;
import org.sanaq.checks.neighbours.UnitScores.RegionCount;
import org.sanaq.checks.neighbours.UnitScores.ScoreSummary;
import org.sanaq.checks.neighbours.UnitScores.ScoredPrecinct;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Effect;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Placebo;
import org.sanaq.results.Verdict;
import org.sanaq.schema.Conventions;
import org.sanaq.stats.PoissonTail;
import org.sanaq.text.Messages;

/**
 * The judge on hand-made scores with five random groupings. Region A: 100 precincts tested, 12 outliers (10 up),
 * its groupings 2, 3, 1, 2, 2 (mean 2); region B: 50 tested, 1 outlier, its groupings 1, 0, 1, 2, 1 (mean 1). The
 * nation: 13 real against 3, 3, 2, 4, 3 (mean 3, max 4). Poisson tails in Python: P(X ≥ 12 | 2) = 1.36462e-6,
 * P(X ≥ 1 | 1) = 1 − e⁻¹ = 0.632121.
 */
class NeighboursJudgeTest {
    private static final long[] A_PLACEBO = {2, 3, 1, 2, 2};
    private static final long[] B_PLACEBO = {1, 0, 1, 2, 1};

    private static CheckOutcome judge(long realA, Map<String, Object> given) throws Exception {
        return judge(realA, given, false);
    }

    /** With {@code placeboUp}, every outlier of the random groupings is upward; else none is. */
    private static CheckOutcome judge(long realA, Map<String, Object> given, boolean placeboUp) throws Exception {
        List<RegionCount> counts = new ArrayList<>();
        counts.add(new RegionCount(0, "A", 100, realA, realA - 2));
        counts.add(new RegionCount(0, "B", 50, 1, 1));
        for (int r = 1; r <= 5; r++) {
            long a = A_PLACEBO[r - 1];
            long b = B_PLACEBO[r - 1];
            counts.add(new RegionCount(r, "A", 100, a, placeboUp ? a : 0));
            counts.add(new RegionCount(r, "B", 50, b, placeboUp ? b : 0));
        }
        ScoredPrecinct top = new ScoredPrecinct("A", "D1", "6", "protocols.csv", 7, RowFactory.create(1000L, 900L,
                540L, 900L), NeighbourScore.stabilised(0.505), NeighbourScore.stabilised(0.6), 20.6, 0, 20.6);
        long[] real = new long[ScoreTally.BINS];
        real[ScoreTally.BINS - 1] = 1;
        ScoreSummary s = new ScoreSummary(counts, 3, 1, 0, real, new long[ScoreTally.BINS], List.of(top), 160, 6);
        NeighboursCheck check = new NeighboursCheck();
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("placebo_groupings", 5));
        parameters.putAll(given);
        CheckParameters p = new CheckParameters("checks.neighbours", check.defaults(), parameters);
        CheckContext context = new CheckContext("e", "C", Conventions.DEFAULT, p, Messages.of("en"));
        return check.judge(context, new NeighboursResults("X", new SpecialStations.Count(SpecialStations.EXCLUDE, 2),
                "district", s));
    }

    private static double metric(CheckOutcome o, String scope, String name) {
        return o.metrics().stream().filter(m -> m.scope().equals(scope) && m.metric().equals(name))
                .mapToDouble(Metric::value).findFirst().orElseThrow(() -> new AssertionError(scope + " " + name));
    }

    private static Finding finding(CheckOutcome o, String scope) {
        return o.findings().stream().filter(f -> f.scope().equals(scope) && f.subject().equals("all")).findFirst()
                .orElse(null);
    }

    @Test
    void moreOutliersThanEveryGroupingFlagTheNation() throws Exception {
        CheckOutcome o = judge(12, Map.of());
        Finding national = finding(o, "national");
        assertEquals(Verdict.FLAG, national.verdict());
        assertEquals(13.0, national.value());
        assertEquals(1.0 / 6, national.pValue(), 1e-12);
        assertEquals(new Effect(10, Effect.Unit.PRECINCTS, 150.0, Effect.Basis.TEST), national.effect());
        assertEquals(150, national.placebo().randomGroupings().groups());
        assertEquals(4, national.placebo().randomGroupings().flagged());
        assertEquals(13, national.placebo().randomGroupings().realFlagged());
        assertFalse(national.ordinary());
        assertEquals(List.of("protocols.csv:7"), national.evidence());
        assertTrue(national.sentence().startsWith("13 precincts differ from their district's other precincts by 4 "
                + "or more spreads; random groupings of the same precincts give 3.0 on average (at most 4 in 5 "
                + "groupings), of 150 precincts tested. The largest: A, D1, precinct 6: turnout 90.0 % (900 of "
                + "1,000) against 50.5 % around it"), national.sentence());
        assertEquals(3.0, metric(o, "national", "placebo_mean"));
        assertEquals(4.0, metric(o, "national", "placebo_max"));
        assertEquals(11.0, metric(o, "national", "outliers_up"));
        assertEquals(160 - 150, metric(o, "national", "precincts_untested"));
    }

    @Test
    void aRegionFarAboveItsGroupingsIsFlaggedAfterAdjustment() throws Exception {
        CheckOutcome o = judge(12, Map.of());
        assertEquals(1.36462e-6, metric(o, "region=A", "p_value"), 1e-11);
        assertEquals(2 * 1.36462e-6, metric(o, "region=A", "p_adjusted"), 2e-11);
        assertEquals(0.632121, metric(o, "region=B", "p_adjusted"), 1e-6);
        Finding a = finding(o, "region=A");
        assertEquals(Verdict.FLAG, a.verdict());
        assertEquals(new Effect(10, Effect.Unit.PRECINCTS, 100.0, Effect.Basis.TEST), a.effect());
        assertNull(finding(o, "region=B"), "a region not flagged has its row, not a finding");
        assertEquals(List.of("A", "100", "12", "2.000", "10.000", "0.000", "0.000"),
                o.tables().stream().filter(t -> t.name().equals("neighbours_regions")).findFirst().orElseThrow()
                        .rows().get(0));
    }

    @Test
    void tooFewOutliersPassEvenAboveEveryGrouping() throws Exception {
        // 6 + 1 = 7 real outliers exceed every grouping's count (max 4) but not min_outliers 10
        Finding national = finding(judge(6, Map.of()), "national");
        assertEquals(Verdict.PASS, national.verdict());
        assertNull(national.effect());
        // with min_outliers 5 the same counts flag
        assertEquals(Verdict.FLAG, finding(judge(6, Map.of("min_outliers", 5)), "national").verdict());
    }

    @Test
    void aGroupingWithAsManyOutliersAsRealPasses() throws Exception {
        // 3 + 1 = 4 real outliers: grouping 4 gives 4 too; p = (1 + 1) / 6
        Finding national = finding(judge(3, Map.of("min_outliers", 1)), "national");
        assertEquals(Verdict.PASS, national.verdict());
        assertEquals(2.0 / 6, national.pValue(), 1e-12);
        assertNull(national.placebo(), "a pass carries no placebo; its sentence gives the groupings' counts");
    }

    @Test
    void mostOutliersAboveTheirNeighboursFlagTheDirection() throws Exception {
        // 11 of the 13 outliers are upward: P(X ≥ 11 | 13, ½) = (78 + 13 + 1) / 8192 = 0.0112305
        Finding passes = direction(judge(12, Map.of()));
        assertEquals(Verdict.PASS, passes.verdict(), "0.0112 is above alpha 0.01");
        assertEquals(11.0, passes.value());
        assertEquals(92.0 / 8192, passes.pValue(), 1e-15);
        Finding flags = direction(judge(12, Map.of("alpha", 0.05)));
        assertEquals(Verdict.FLAG, flags.verdict());
        assertEquals(new Effect(11 - 6.5, Effect.Unit.PRECINCTS, 150.0, Effect.Basis.TEST), flags.effect());
        assertTrue(flags.sentence().startsWith("11 of the 13 precincts that differ from their district's other "
                + "precincts lie above them"), flags.sentence());
        // the same direction with fewer upward outliers than min_outliers passes
        assertEquals(Verdict.PASS, direction(judge(12, Map.of("alpha", 0.05, "min_outliers", 12))).verdict());
        // the groupings' outliers (3 on average) all lean down: the real lean (11 of 13) is not theirs
        assertEquals(new Placebo.RandomGroupings(3, 0, 13, 11), flags.placebo().randomGroupings());
        assertFalse(flags.placebo().ordinary());
    }

    @Test
    void aLeanTheRandomGroupingsShareIsOrdinary() throws Exception {
        // every grouping's outlier is upward (3 of 3 on average, 100 %), more than the real 11 of 13 (84.6 %): the
        // lean is the precincts', not the districts'; the flag stays, ordinary, off page 1
        Finding flags = direction(judge(12, Map.of("alpha", 0.05), true));
        assertEquals(Verdict.FLAG, flags.verdict());
        assertEquals(new Placebo.RandomGroupings(3, 3, 13, 11), flags.placebo().randomGroupings());
        assertTrue(flags.placebo().ordinary());
        assertTrue(flags.placebo().sentence().contains("100.0 % of the outliers are upward, against 84.6 % here"),
                flags.placebo().sentence());
    }

    private static Finding direction(CheckOutcome o) {
        return o.findings().stream().filter(f -> f.subject().equals("up")).findFirst().orElseThrow();
    }

    @Test
    void thePoissonTailIsExactFarOut() {
        assertEquals(1.0, PoissonTail.atLeast(0, 0.1));
        assertEquals(1 - Math.exp(-1), PoissonTail.atLeast(1, 1), 1e-15);
        assertEquals(1.36462e-6, PoissonTail.atLeast(12, 2), 1e-11);
    }
}
