package org.sanaq.checks.roundpct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.CheckParameters;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;

/** The judging step on tables made by hand, without Spark. */
class RoundPercentageJudgeTest {

    private static CheckOutcome judge(List<Cell> cells, Map<String, Object> parameters) throws Exception {
        CheckParameters p = new CheckParameters("checks.round_percentages", new RoundPercentageCheck().defaults(),
                parameters);
        return new RoundPercentageJudge(p, org.sanaq.text.Messages.of("en"), cells, new ArrayList<>(), List.of())
                .outcome();
    }

    private static Cell cell(String region, String subject, long votes, long base, String published) {
        return new Cell("region", region, null, subject, votes, base, published, "t.csv line 2");
    }

    private static Finding finding(CheckOutcome o, String subject) {
        return o.findings().stream().filter(f -> f.subject().equals(subject)).findFirst().orElseThrow();
    }

    @Test
    void aTableBuiltFromTwoDecimalPercentagesIsFlagged() throws Exception {
        // Base 200,000: at d = 2 the round targets are 20 votes apart, so p = 10000/200000 = 0.05 per cell.
        // v = 200000 × 12.34 % = 24,680 exactly: round. Ten such cells: K = 10, expected 0.5,
        // P(K ≥ 10) = 0.05^10 = 9.765625e-14 (every cell must be round), × 1 precision tried.
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cells.add(cell("R" + i, "A", 24_680, 200_000, null));
        }
        CheckOutcome o = judge(cells, Map.of("precisions", List.of(2)));
        Finding f = finding(o, "d=2");
        assertEquals(Verdict.FLAG, f.verdict());
        assertEquals(9.765625e-14, f.pValue(), 1e-25);
        assertEquals(10.0, f.value());
        assertTrue(f.sentence().contains("10 of 10"), f.sentence());
    }

    @Test
    void honestLookingFiguresPassAndSmallBasesAreNotEligible() throws Exception {
        // 24,689 of 200,000 is 12.3445 %: the nearest target at d = 2 is 12.34 % = 24,680, 9 votes away: not round.
        // A base of 40,000 gives p = 10000/40000 = 0.25 > 0.2 at d = 2: not eligible.
        // Three such cells could all have been round: P = 0.05^3 = 1.25e-4 < 0.01, so the test can find something.
        CheckOutcome o = judge(List.of(cell("R1", "A", 24_689, 200_000, null), cell("R3", "A", 24_689, 200_000, null),
                cell("R4", "A", 24_689, 200_000, null), cell("R2", "A", 5_000, 40_000, null)),
                Map.of("precisions", List.of(2)));
        Finding f = finding(o, "d=2");
        assertEquals(Verdict.PASS, f.verdict());
        assertEquals(1.0, f.pValue(), "P(K ≥ 0) = 1");
        assertTrue(o.metrics().stream().anyMatch(m -> m.metric().equals("eligible_cells") && m.value() == 3));
    }

    @Test
    void tooFewFiguresToFindAnythingAreInconclusiveNotAPass() throws Exception {
        // One eligible cell with p = 0.05: even round, P = 0.05 is not below alpha 0.01, so nothing could be found.
        CheckOutcome o = judge(List.of(cell("R1", "A", 24_689, 200_000, null), cell("R2", "A", 5_000, 40_000, null)),
                Map.of("precisions", List.of(2)));
        Finding f = finding(o, "d=2");
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertTrue(f.sentence().contains("too few figures: 1 with a base large enough"), f.sentence());
        assertTrue(f.sentence().contains("the adjusted p would be 0.0500, not below 0.01"), f.sentence());
        assertEquals(null, f.pValue(), "an untested precision shows no p-value");
    }

    @Test
    void aPublishedPercentageThatDoesNotMatchItsCountsIsLeftToProtocolIntegrity() throws Exception {
        // 341,118 / 788,931 = 43.2379…% → 43.24 at two decimals, published 42.91. The finding belongs to the
        // protocol_integrity check (one finding per fact); here the cell table only marks the mismatch.
        CheckOutcome o = judge(List.of(cell("Astana", "turnout", 341_118, 788_931, "42.91"),
                cell("Abai", "A", 158_103, 233_155, "67.81")), Map.of());
        assertTrue(o.findings().stream().noneMatch(f -> f.statistic().equals("published_pct_gap_points")));
        DetailTable cells = o.tables().stream().filter(t -> t.name().endsWith("_cells")).findFirst().orElseThrow();
        int matches = cells.columns().indexOf("published_matches");
        assertTrue(cells.rows().stream().anyMatch(r -> r.get(1).equals("Astana") && r.get(matches).equals("false")));
        assertTrue(cells.rows().stream().anyMatch(r -> r.get(1).equals("Abai") && r.get(matches).equals("true")));
    }

    /**
     * The national A and B are the sums of round regional figures, each 1 vote from round (README of the fixture
     * round_percentages/sum-of-round-figures): labelled so in the sentence and the cells table, never "Not round".
     */
    @Test
    void aSumOfRoundFiguresIsLabelledAndNotListedAsNotRound() throws Exception {
        List<Cell> cells = List.of(cell("North", "A", 25_926, 60_000, null), cell("North", "B", 34_074, 60_000, null),
                cell("South", "A", 8_666, 70_000, null), cell("South", "B", 61_334, 70_000, null),
                new Cell("national", "C", null, "A", 34_592L, 130_000L, null, "t.csv line 4"),
                new Cell("national", "C", null, "B", 95_408L, 130_000L, null, "t.csv line 4"));
        CheckOutcome o = judge(cells, Map.of("precisions", List.of(2)));
        Finding d2 = finding(o, "d=2");
        assertEquals(Verdict.FLAG, d2.verdict());
        assertTrue(d2.sentence().contains("Sums of round figures: A in C; B in C."), d2.sentence());
        assertTrue(!d2.sentence().contains("Not round"), d2.sentence());
        DetailTable table = o.tables().stream().filter(t -> t.name().endsWith("_cells")).findFirst().orElseThrow();
        int explained = table.columns().indexOf("explained");
        assertEquals(List.of("", "", "", "", RoundPercentageJudge.SUM_OF_ROUND, RoundPercentageJudge.SUM_OF_ROUND),
                table.rows().stream().map(r -> r.get(explained)).toList());
    }

    /**
     * The headline names the pattern per unit, not the cells that are not round: at base 200,000 a figure is round
     * at two decimals one time in 20 (24,680 = 12.34 % is, 24,689 is not). R1 and R2 have 3 of 3 round, R3 2 of 3
     * (most), R4 0 of 3: "In 3 of 4 regions, 2 to 3 of their 3 …; R4 0 of 3", and the units table lists them most
     * round first.
     */
    @Test
    void theHeadlineSaysHowManyUnitsHaveMostFiguresRoundAndNamesTheOthers() throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (String region : List.of("R4", "R1", "R3", "R2")) {
            int round = region.equals("R4") ? 0 : region.equals("R3") ? 2 : 3;
            for (int i = 0; i < 3; i++) {
                cells.add(cell(region, "P" + i, i < round ? 24_680 : 24_689, 200_000, null));
            }
        }
        CheckOutcome o = judge(cells, Map.of("precisions", List.of(2)));
        Finding d2 = finding(o, "d=2");
        assertEquals(Verdict.FLAG, d2.verdict());
        assertEquals("At two decimals of a percent, 8 of 12 published figures sit exactly on a round percentage; "
                + "honest counting gives about 0.60. In 3 of 4 regions, 2 to 3 of their 3 published figures sit "
                + "exactly on a round percentage; R4 0 of 3.", d2.sentence());
        DetailTable units = o.tables().stream().filter(t -> t.name().equals("round_percentages_units")).findFirst()
                .orElseThrow();
        assertEquals(List.of("level", "unit", "d", "figures", "round", "sums_of_round", "share_round"),
                units.columns());
        assertEquals(List.of(List.of("region", "R1", "2", "3", "3", "0", "1.0"),
                List.of("region", "R2", "2", "3", "3", "0", "1.0"), List.of("region", "R3", "2", "3", "2", "0", "0.67"),
                List.of("region", "R4", "2", "3", "0", "0", "0.00")), units.rows());
        CheckOutcome ru = new RoundPercentageJudge(new CheckParameters("checks.round_percentages",
                new RoundPercentageCheck().defaults(), Map.of("precisions", List.of(2))),
                org.sanaq.text.Messages.of("ru"), cells, new ArrayList<>(), List.of()).outcome();
        assertTrue(finding(ru, "d=2").sentence().endsWith("около 0,60. В 3 из 4 регионов точно на круглый процент "
                + "попадают от 2 до 3 из 3 опубликованных чисел; R4 — 0 из 3."), finding(ru, "d=2").sentence());
    }

    /** Units with different numbers of figures: most of their figures round, without a common "of their n". */
    @Test
    void unitsOfDifferentSizesAreSaidToHaveMostFiguresRound() throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cells.add(cell("R1", "P" + i, 24_680, 200_000, null));
            cells.add(cell("R3", "P" + i, 24_689, 200_000, null));
        }
        cells.add(cell("R2", "P0", 24_680, 200_000, null));
        cells.add(cell("R2", "P1", 24_680, 200_000, null));
        Finding d2 = finding(judge(cells, Map.of("precisions", List.of(2))), "d=2");
        assertTrue(d2.sentence().endsWith(" In 2 of 3 regions, most of their published figures sit exactly on a "
                + "round percentage; R3 0 of 3."), d2.sentence());
    }

    /** Units the job derived are not tested: with nothing published there is one finding that says so, no table. */
    @Test
    void withOnlyDerivedUnitsTheCheckSaysSoInOneFinding() throws Exception {
        CheckParameters p = new CheckParameters("checks.round_percentages", new RoundPercentageCheck().defaults(),
                Map.of());
        CheckOutcome o = new RoundPercentageJudge(p, org.sanaq.text.Messages.of("en"), List.of(), new ArrayList<>(),
                List.of(new Unit("region", "North", null), new Unit("national", "C", null))).outcome();
        assertEquals(1, o.findings().size());
        assertEquals(Verdict.INCONCLUSIVE, o.findings().get(0).verdict());
        assertEquals("Not tested: every table above the precinct (2 units) is this job's own sum of the precinct "
                + "protocols (aggregate), not a published figure, so nobody rounded anything in it.",
                o.findings().get(0).sentence());
        assertEquals(List.of(), o.tables());
    }

    @Test
    void withNoEligibleCellTheVerdictIsInconclusive() throws Exception {
        CheckOutcome o = judge(List.of(cell("R", "A", 10, 1_000, null)), Map.of("precisions", List.of(2)));
        assertEquals(Verdict.INCONCLUSIVE, finding(o, "d=2").verdict());
    }
}
