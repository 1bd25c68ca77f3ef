package org.sanaq.checks.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.neighbours.OutlierCounts;
import org.sanaq.checks.neighbours.UnitScores;
import org.sanaq.run.SpecException;

/** The jumps against the placebo, and the panel's own parameter rules, on hand-made counts. */
class JumpCountsTest {

    /**
     * Four groupings. Region A: 100 tested, 12 real jumps, the groupings give 2, 3, 1, 2; region B: 5 tested, one
     * real jump, none in any grouping.
     */
    private static OutlierCounts counts() {
        List<UnitScores.RegionCount> c = new ArrayList<>(List.of(new UnitScores.RegionCount(0, "A", 100, 12, 10),
                new UnitScores.RegionCount(0, "B", 5, 1, 0)));
        long[] placebo = {2, 3, 1, 2};
        for (int r = 1; r <= 4; r++) {
            c.add(new UnitScores.RegionCount(r, "A", 100, placebo[r - 1], 1));
            c.add(new UnitScores.RegionCount(r, "B", 5, 0, 0));
        }
        return new OutlierCounts(new UnitScores.ScoreSummary(c, 2, 0, 0, new long[41], new long[41], List.of(), 105, 0),
                4);
    }

    @Test
    void theNationsPIsTheShareOfGroupingsWithAsManyCountingTheRealOne() {
        OutlierCounts.Scope n = counts().nation();
        assertEquals(105, n.tested());
        assertEquals(13, n.outliers());
        assertEquals(10, n.outliersUp());
        assertEquals(2.0, n.placeboMean(), 1e-12, "(2 + 3 + 1 + 2) / 4");
        assertEquals(3, n.placeboMax());
        assertEquals(0.2, n.p(), 1e-12, "(1 + 0) / (4 + 1): no grouping reaches 13");
        assertEquals(11.0, n.excess(), 1e-12);
    }

    @Test
    void aRegionsPIsAPoissonTailOfItsPlaceboMeanAdjustedOverTheRegions() {
        Map<String, OutlierCounts.Scope> regions = counts().regions();
        // P(X ≥ 12 | λ = 2) = 1 − Σ_{j<12} e^−2 2^j / j! = 1.3646e−6 (Python, exact sum)
        assertEquals(1.3646151595381184e-06, regions.get("A").p(), 1e-15);
        // no grouping gave B a jump: λ floored at 0.5 / 4 = 0.125, P(X ≥ 1) = 1 − e^−0.125
        assertEquals(0.11750309741540454, regions.get("B").p(), 1e-15);
        assertEquals(1.3646151595381184e-06 * 2, regions.get("A").pAdjusted(), 1e-15, "BH: p · 2 / 1");
        assertEquals(0.11750309741540454, regions.get("B").pAdjusted(), 1e-15, "BH: the largest p stays");
    }

    @Test
    void keysMustNameThePrecinctAndAtMostTwoElections() throws SpecException {
        PanelCheck check = new PanelCheck();
        check.validate(new CheckParameters("checks.panel", check.defaults(), Map.of()));
        assertTrue(assertThrows(SpecException.class, () -> check.validate(new CheckParameters("checks.panel",
                check.defaults(), Map.of("match_on", List.of("region", "district"))))).getMessage()
                .startsWith("checks.panel.match_on: must be some of [region, district, precinct] with precinct"));
        assertTrue(assertThrows(SpecException.class, () -> check.validate(new CheckParameters("checks.panel",
                check.defaults(), Map.of("elections", List.of("a", "b", "c"))))).getMessage()
                .startsWith("checks.panel.elections: must name two elections"));
        assertTrue(assertThrows(SpecException.class, () -> check.validate(new CheckParameters("checks.panel",
                check.defaults(), Map.of("region_aliases", List.of("x"))))).getMessage()
                .startsWith("checks.panel.region_aliases: must be a map"));
    }
}
