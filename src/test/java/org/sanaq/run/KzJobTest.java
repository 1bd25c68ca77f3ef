package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.results.Effect;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

/**
 * The default job on Kazakhstan's published tables, end to end on local Spark. Expected figures were worked out
 * outside sanaq, with exact rational arithmetic in Python over datasets/kz-2023/party-list-by-region.csv
 * (valid = total ballots − invalid; "248.291" read as 248,291): at two decimals 132 of the 168 party cells and 7
 * of the 21 turnout cells are round (139 of 189), at one decimal 13, at whole percents 2; the expected count
 * Σ 10000 / b = 6.413743450312617; the only published percentage that does not match its counts (HALF_UP at
 * the printed decimals) is Astana's turnout, 42.91 against 43.24.
 */
class KzJobTest {
    @TempDir
    static Path output;
    static RunFolder.Contents run;
    static String progress;

    @BeforeAll
    static void runDefaultJob() throws Exception {
        JobSpec spec = JobSpecLoader.load(TestData.project().resolve("jobs/kz-2023-majilis.yaml"))
                .withOutput(output.resolve("kz"));
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        new JobRunner(new Progress(new PrintStream(lines, true, "UTF-8"), 4)).run(spec, SparkTestSession.get());
        progress = lines.toString("UTF-8");
        run = RunFolder.read(output.resolve("kz"));
    }

    private static double metric(String subject, String name) {
        return run.metrics().stream().filter(m -> m.subject().equals(subject) && m.metric().equals(name))
                .mapToDouble(Metric::value).findFirst().orElseThrow(() -> new AssertionError(subject + " " + name));
    }

    /** The report renders to PNG pages with the round-cell headline on its first page (see RenderedReport). */
    @Test
    void theReportRendersWithTheHeadlineOnItsFirstPage() throws IOException {
        String first = org.sanaq.report.RenderedReport.assertRendered(output.resolve("kz"), output.resolve("png"));
        assertTrue(first.contains("139 of 189 published figures sit exactly on a round percentage; honest counting "
                + "gives about 6.4"), first);
    }

    @Test
    void roundCellsAtEachPrecisionMatchTheIndependentCount() {
        assertEquals(189, metric("d=2", "eligible_cells"));
        assertEquals(139, metric("d=2", "round_cells"));
        assertEquals(13, metric("d=1", "round_cells"));
        assertEquals(2, metric("d=0", "round_cells"));
        // Σp is a sum of 189 doubles 10000/b: agreement to 1e-9 leaves room for summation order only.
        assertEquals(6.413743450312617, metric("d=2", "expected_round_cells"), 1e-9);
        // A plain float DP in Python over the same 189 probabilities gives 5.389e-167; relative 1e-6 is far
        // looser than either computation's rounding error and far tighter than anything a reader would notice.
        assertEquals(5.3894898291848466e-167, metric("d=2", "p_value"), 5.39e-173);
    }

    @Test
    void theHeadlineFlagsTwoDecimalsWithItsPValueAndNamesThePatternOfRoundFiguresPerRegion() {
        Finding headline = run.findings().stream().filter(f -> f.subject().equals("d=2")).findFirst().orElseThrow();
        assertEquals(Verdict.FLAG, headline.verdict());
        assertTrue(headline.sentence().startsWith("At two decimals of a percent, 139 of 189 published figures sit "
                + "exactly on a round percentage; honest counting gives about 6.4."), headline.sentence());
        // The p-value is the finding's, not the plain sentence's: 5.4e-167 (exact tail, checked in Python with
        // exact fractions), times 3 precisions tried (Bonferroni); relative tolerance for the printed digits.
        assertEquals(1.6e-166, headline.pAdjusted(), 0.05e-166);
        // Of the 9 figures of each region (turnout and 8 lists), West Kazakhstan has 9 round, nine regions 8,
        // seven 7, Kyzylorda 6: 18 of 20 with most round; Almaty Region has 1, Turkistan none (tables/
        // round_percentages_units.csv); the nation's 9 are in no region's count.
        assertTrue(headline.sentence().contains(" In 18 of 20 regions, 6 to 9 of their 9 published figures sit "
                + "exactly on a round percentage; Almaty Region 1 of 9; Turkistan Region 0 of 9. "), headline.sentence());
        assertFalse(headline.sentence().contains("Not round"), headline.sentence());
        // 5 of the nation's figures, Amanat, Auyl, Baytaq, JSDP and QHP, are sums of the 20 regional figures within
        // 1.7 to 4.1 votes of round (at most 10 = 20/2)
        assertTrue(headline.sentence().contains("Sums of round figures: Amanat in Kazakhstan; Auyl in Kazakhstan; "
                + "Baytaq in Kazakhstan; JSDP in Kazakhstan; QHP in Kazakhstan."), headline.sentence());
        // The whole-percent excess (2 where 0.06 are expected) is what two-decimal figures give one time in 100.
        Finding wholePercents = run.findings().stream().filter(f -> f.subject().equals("d=0")).findFirst()
                .orElseThrow();
        assertTrue(wholePercents.sentence().contains("adds nothing"), wholePercents.sentence());
        assertEquals("d=2", wholePercents.explainedBy());
        // the headline's effect: the round figures beyond the Σ 10000 / b = 6.413743450312617 honest counting gives
        // (worked out in Python, see the class comment), of the 189 tested
        assertEquals(Effect.Unit.FIGURES, headline.effect().unit());
        assertEquals(189, headline.effect().of());
        assertEquals(139 - 6.413743450312617, headline.effect().amount(), 1e-9);
    }

    @Test
    void astanasPublishedTurnoutIsReportedAgainstItsOwnCounts() {
        List<Finding> mismatches = run.findings().stream()
                .filter(f -> f.statistic().equals("published_pct_gap_points")).toList();
        assertEquals(1, mismatches.size());
        Finding astana = mismatches.get(0);
        assertEquals("region=Astana", astana.scope());
        assertEquals("turnout", astana.subject());
        assertEquals(0.33, astana.value(), 1e-9);
        assertTrue(astana.sentence().contains("42.91 %") && astana.sentence().contains("43.24 %"));
        assertTrue(astana.evidence().get(0).contains("party-list-by-region.csv line 19"));
    }

    /**
     * The national row: 6,524,487 ballots in the final table against 6,521,860 voters in the 22:00 report
     * (54.19 %): 2,627 more, 54.21 − 54.19 = 0.02 points, within the 12,165 who came between 20:00 and 22:00.
     * Astana's last report (42.91 %) equals its published turnout, but its counts give 43.24 %: 0.33 points,
     * about 0.0033 × 788,931 ≈ 2,603 voters (2,588 from the unrounded 43.2379 %), far above the 39 that rounding
     * the printed 42.91 allows (0.005 % of 788,931) and the zero growth since 20:00.
     */
    @Test
    void theFinalBallotsAreComparedWithTheLastElectionDayReport() {
        Finding nation = run.findings().stream().filter(f -> f.check().equals("protocol_integrity")
                && f.statistic().equals("final_minus_last_report_voters") && f.scope().equals("national"))
                .findFirst().orElseThrow();
        assertEquals(2_627, nation.value());
        assertEquals(Verdict.PASS, nation.verdict());
        assertEquals("Kazakhstan: the final protocol counts 6,524,487 ballots of 12,035,578 registered (54.21 %); the "
                + "last election-day report, at 22:00 local time, gave 6,521,860 voters (54.19 %): 2,627 voters and "
                + "0.02 points more. That is within the 12,165 voters who came between the last two reports (the pace "
                + "sanaq takes for voters still to come).", nation.sentence());
        Finding astana = run.findings().stream().filter(f -> f.statistic().equals("final_minus_last_report_voters")
                && f.scope().equals("region=Astana")).findFirst().orElseThrow();
        assertEquals(Verdict.FLAG, astana.verdict());
        assertEquals("Astana: the final protocol counts 341,118 ballots of 788,931 registered (43.24 %); the last "
                + "election-day report, at 22:00 local time, gave 42.91 %: about 2,588 voters and 0.33 points more. "
                + "That exceeds the 39 voters that the rounding of the printed turnout, 42.91 %, can hide. The last "
                + "two reports show no growth, so sanaq allows no voters still to come. A late report, voters still "
                + "queueing at closing, or a correction of the preliminary figure may explain it.", astana.sentence());
        assertEquals(1, run.findings().stream().filter(f -> f.statistic().equals("final_minus_last_report_voters")
                && f.verdict() == Verdict.FLAG).count(), "only Astana: the other regions' gaps are rounding");
    }

    /**
     * Astana's page draws its day: the printed turnout of each report (turnout-by-hour.csv, Astana's row) and the
     * final count's 341,118 / 788,931 = 43.24 %, in the order of the day.
     */
    @Test
    void theFlaggedRegionsDayIsChartedOnItsPage() {
        assertEquals(List.of(List.of("Astana", "10:00", "13.58"), List.of("Astana", "12:00", "23.35"),
                List.of("Astana", "14:00", "33.65"), List.of("Astana", "16:00", "38.57"),
                List.of("Astana", "18:00", "40.94"), List.of("Astana", "20:00", "42.91"),
                List.of("Astana", "22:00", "42.91"), List.of("Astana", "final", "43.24")),
                run.tables().get("protocol_integrity_election_day_curve").rows());
        FigureSpec day = run.figures().stream().filter(f -> f.kind().equals("bars")).findFirst().orElseThrow();
        assertEquals(Map.of("region", "Astana"), day.filter());
        assertEquals("protocol_integrity_election_day_curve", day.table());
    }

    /** Every figure of every sentence is written for reading: counts grouped, no "7.608E-15" or "0E0". */
    @Test
    void noFindingSentenceHasAnUngroupedCountOrAnExponent() {
        java.util.regex.Pattern ungrouped = java.util.regex.Pattern.compile("(?<![\\d.,])\\d{5,}");
        java.util.regex.Pattern exponent = java.util.regex.Pattern.compile("\\d[eE][-+]?\\d");
        List<String> unreadable = run.findings().stream()
                .map(f -> f.placebo() == null ? f.sentence() : f.sentence() + " " + f.placebo().sentence())
                .filter(s -> ungrouped.matcher(s).find() || exponent.matcher(s).find()).toList();
        assertEquals(List.of(), unreadable);
        assertTrue(run.findings().stream().anyMatch(f -> f.sentence().contains("12,035,578")), "the test sees counts");
    }

    @Test
    void everyInputRowIsAccountedFor() {
        Map<String, Manifest.InputAccount> inputs = run.manifest().inputs().stream()
                .collect(Collectors.toMap(Manifest.InputAccount::id, i -> i));
        // Data lines of each file, counted with wc -l minus the header.
        assertEquals(21, inputs.get("party-list").rowsRead());
        assertEquals(21, inputs.get("turnout-by-hour").rowsRead());
        assertEquals(29, inputs.get("constituencies").rowsRead());
        assertEquals(21 * 7, inputs.get("turnout-by-hour").protocols(), "one preliminary report per hour");
        // page 1's coverage: the 20 regional protocols and the national one each count 12,035,578 registered voters
        // and 6,524,487 ballots (registered_voters and total_ballots summed over the 20 regional rows with Python's
        // csv module, equal to the national row's); the hourly reports and the claims are no final protocols
        assertEquals(List.of(new Manifest.Coverage("national", 1, 0, 0, 12_035_578, 6_524_487),
                new Manifest.Coverage("region", 20, 0, 0, 12_035_578, 6_524_487)), inputs.get("party-list").coverage());
        assertEquals(List.of(new Manifest.Coverage("national", 0, 7, 0, 0, 0), new Manifest.Coverage("region", 0,
                140, 0, 0, 0)), inputs.get("turnout-by-hour").coverage());
        assertEquals(6, inputs.get("observer-claims").coverage().stream().mapToLong(Manifest.Coverage::claims).sum());
        assertEquals("CEC of Kazakhstan, election-day turnout bulletins", inputs.get("turnout-by-hour").origin());
        for (Manifest.InputAccount input : run.manifest().inputs()) {
            assertEquals(input.rowsRead(), input.rowsUsed() + input.rowsQuarantined() + input.rowsSetAside(), input.id());
            assertEquals(64, input.files().get(0).sha256().length());
        }
    }

    @Test
    void theRunFolderIsCompleteAndNoStagingFolderIsLeft() throws IOException {
        for (String f : List.of("report.pdf", "summary.html", "summary.md", "findings.json", "metrics.csv",
                "quarantine.csv", "manifest.json", "tables/round_percentages_cells.csv")) {
            assertTrue(Files.exists(output.resolve("kz").resolve(f)), f);
        }
        try (Stream<Path> siblings = Files.list(output)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains(".partial-")));
        }
        // 21 + 21 + 29 rows of the three tables, and the 6 observer claims
        assertTrue(progress.contains("77 rows read, 77 used, 0 quarantined"), progress);
        assertEquals("local[2]", run.manifest().sparkMaster());
    }

    @Test
    void observerClaimsForDistricts4And14And27StandBesideTheOfficialFigures() {
        // datasets/kz-2023/observer-claims.csv beside constituencies.csv: the claimed votes and the official
        // winner/runner-up votes of the same district, as the two files give them.
        List<List<String>> claims = run.tables().get("official_vs_observer_claims").rows();
        assertEquals(6, claims.size());
        assertTrue(claims.contains(List.of("Almaty", "4", "sanjar-boqaev", "Sanjar Boqaev", "4459", "11660",
                "precinct result protocols received via WhatsApp; precinct coverage not stated", "unknown")));
        assertTrue(claims.stream().anyMatch(c -> c.subList(0, 6).equals(List.of("West Kazakhstan Region", "14",
                "jaria", "Abzal Quspan", "8922", "126784"))));
        assertTrue(claims.stream().anyMatch(c -> c.subList(0, 6).equals(List.of("Turkistan Region", "27",
                "nurjan-altaev", "Nūrjan Ältaev", "35178", "35116"))));
        // no statistic is drawn from claims of unknown coverage
        assertEquals(0, run.metrics().stream().filter(m -> m.check().equals("official_vs_observer")
                && m.metric().equals("pairs_matched")).mapToDouble(Metric::value).sum());
        assertTrue(run.findings().stream().filter(f -> f.check().equals("official_vs_observer")
                && f.statistic().equals("claimed_votes")).allMatch(f -> f.verdict() == Verdict.INCONCLUSIVE
                        && f.sentence().contains("unstated set of precincts")));
        // numbers grouped as the language writes them
        assertTrue(run.findings().stream().anyMatch(f -> f.sentence().startsWith("nurjan-altaev claims 35,178 votes "
                + "for Nūrjan Ältaev in district 27 (official figure: 35,116).")));
        // and no sentence says no copy matched, beside claims that are not copies
        assertTrue(run.findings().stream().noneMatch(f -> f.check().equals("official_vs_observer")
                && f.statistic().equals("pairs_differing")));
    }
}
