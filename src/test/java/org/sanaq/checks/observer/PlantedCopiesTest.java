package org.sanaq.checks.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.checks.PrecinctRows;
import org.sanaq.compare.ObserverInputs;
import org.sanaq.compare.PairFolds;
import org.sanaq.compare.PairLists;
import org.sanaq.compare.PairStatistics;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpec;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;
import org.sanaq.run.SparkJobCount;

/**
 * Observer copies planted to differ from the official protocols in known precincts and directions, end to end
 * through jobs/mappings/canonical.yaml. Official (A, B): p1 100/90, p2 100/95, p3 50/40, p4 60/70 in R1/D1;
 * p5 30/20, p6 10/12 in R2/D2. Copies from observer:team: p1 80/110 (A down 20, B up 20), p2 identical, p3 45/40
 * (A down 5), p5 identical, p99 (no such precinct). From ocr:scan: p3 50/40 (identical to the official one,
 * so it disagrees with team's copy), p6 10/21 at confidence 0.5 (a possible misreading). From a lower-bound
 * platform: p4 70/10 (A above official). Expected by hand: 6 pairs (platform excluded), 3 identical (team p2, p5;
 * ocr p3), 3 differing, 1 of them low-confidence; A official 340 vs 315 over matched pairs, gained 2 lost 0;
 * B 297 vs 326, gained 0 lost 2 (1 without the misreading). Recount (the observer's copy first where two
 * exist: sources in name order, observer: before ocr:): D1 A 285 B 315 (official A 310 B 295), D2 A 40 B 41
 * (official 40/32), nation A 325 B 356 (official 350/327): the winner changes everywhere. Coverage: D1 3 of 4
 * precincts, 800 of 1000 voters; nation 5 of 6, 1000 of 1200 (p4
 * has only the lower-bound copy, which is not a count of everyone).
 */
class PlantedCopiesTest {
    @TempDir
    static Path dir;
    static RunFolder.Contents run;

    @BeforeAll
    static void runJob() throws Exception {
        write("official.csv", row("official", "R1", "D1", "1", 300, 100, 90, "", "p1.pdf"),
                row("official", "R1", "D1", "2", 300, 100, 95, "", ""),
                row("official", "R1", "D1", "3", 200, 50, 40, "", ""),
                row("official", "R1", "D1", "4", 200, 60, 70, "", ""),
                row("official", "R2", "D2", "5", 100, 30, 20, "", ""),
                row("official", "R2", "D2", "6", 100, 10, 12, "", ""));
        write("observers.csv", row("observer:team", "R1", "D1", "1", 300, 80, 110, "", "photo-1.jpg"),
                row("observer:team", "R1", "D1", "2", 300, 100, 95, "", "photo-2.jpg"),
                row("observer:team", "R1", "D1", "3", 200, 45, 40, "", "photo-3.jpg"),
                row("observer:team", "R2", "D2", "5", 100, 30, 20, "", "photo-5.jpg"),
                row("observer:team", "R1", "D1", "99", 100, 1, 1, "", "photo-99.jpg"),
                row("ocr:scan", "R1", "D1", "3", 200, 50, 40, "0.95", "scan-3.png"),
                row("ocr:scan", "R2", "D2", "6", 100, 10, 21, "0.5", "scan-6.png"));
        write("platform.csv", row("platform:app", "R1", "D1", "4", 200, 70, 10, "", "app"));
        Path mapping = TestData.project().resolve("jobs/mappings/canonical.yaml").toAbsolutePath();
        String job = "job: planted\ntitle: planted\nelection: t\ncountry: Testland\nlanguage: en\ninputs:\n"
                + input("official", mapping) + input("observers", mapping) + input("platform", mapping)
                + "checks:\n  official_vs_observer: {}\n"
                + "output: out\n";
        Files.writeString(dir.resolve("job.yaml"), job);
        JobSpec spec = JobSpecLoader.load(dir.resolve("job.yaml"));
        new JobRunner(new Progress(new PrintStream(new ByteArrayOutputStream(), true, "UTF-8"), 4))
                .run(spec, SparkTestSession.get());
        run = RunFolder.read(dir.resolve("out"));
    }

    private static String input(String id, Path mapping) {
        return "  - id: " + id + "\n    files: " + id + ".csv\n    mapping: " + mapping + "\n";
    }

    private static String row(String source, String region, String district, String precinct, int registered,
            int a, int b, String confidence, String ref) {
        return String.join(",", "t", source, "precinct", region, district, precinct, Integer.toString(registered),
                Integer.toString(a + b), confidence, ref, Integer.toString(a), Integer.toString(b));
    }

    private static void write(String name, String... rows) throws Exception {
        Files.writeString(dir.resolve(name), "election,source,level,region,district,precinct,registered,valid,"
                + "reading_confidence,document_ref,votes:A,votes:B\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
    }

    private static double metric(String scope, String subject, String name) {
        return run.metrics().stream().filter(m -> m.check().equals(OfficialVsObserverCheck.ID)
                        && m.scope().equals(scope) && m.subject().equals(subject) && m.metric().equals(name))
                .mapToDouble(Metric::value).findFirst().orElseThrow(() -> new AssertionError(scope + subject + name));
    }

    private static Finding recountFinding(String scope) {
        return run.findings().stream().filter(f -> f.scope().equals(scope) && f.statistic().equals("result_changes"))
                .findFirst().orElseThrow();
    }

    private static DetailTable table(String name) {
        return run.tables().get(OfficialVsObserverCheck.ID + "_" + name);
    }

    @Test
    void pairsIdenticalAndDiffering() {
        assertEquals(6, metric("national", "all", "pairs_matched"));
        assertEquals(3, metric("national", "all", "pairs_identical"));
        assertEquals(3, metric("national", "all", "pairs_differing"));
        assertEquals(1, metric("national", "all", "pairs_differing_low_confidence"));
        assertEquals(2, metric("national", "all", "pairs_differing_confident"));
    }

    @Test
    void perCandidateTotalsAndDirections() {
        assertEquals(340, metric("national", "A", "official_total"));
        assertEquals(315, metric("national", "A", "observer_total"));
        assertEquals(25, metric("national", "A", "difference_total"));
        assertEquals(2, metric("national", "A", "gained_in_pairs"));
        assertEquals(0, metric("national", "A", "lost_in_pairs"));
        assertEquals(0.5, metric("national", "A", "sign_test_p"), 1e-15); // 2 · (1/2)^2
        assertEquals(297, metric("national", "B", "official_total"));
        assertEquals(326, metric("national", "B", "observer_total"));
        assertEquals(2, metric("national", "B", "lost_in_pairs"));
        assertEquals(1, metric("national", "B", "lost_in_pairs_confident"));
    }

    @Test
    void largestDiscrepanciesInOrderWithTheirDocuments() {
        // |diff| summed over valid, A and B: p1 20+20+0 = 40, ocr p6 9+9 = 18, team p3 5+5 = 10; the platform's
        // lower-bound copy is not a discrepancy
        List<List<String>> rows = table("largest").rows();
        assertEquals(List.of("photo-1.jpg", "scan-6.png", "photo-3.jpg"), rows.stream().map(r -> r.get(4)).toList());
        assertEquals("false", rows.get(1).get(6), "the 0.5-confidence reading is a possible misreading");
    }

    @Test
    void unmatchedConflictingAndLowerBoundCopiesAreReported() {
        assertEquals(1, metric("national", "all", "unmatched_copies"));
        assertEquals("99", table("unmatched").rows().get(0).get(4));
        assertEquals(1, metric("national", "all", "disagreeing_copies"));
        assertEquals("3", table("conflicts").rows().get(0).get(2));
        Finding above = run.findings().stream().filter(f -> f.statistic().equals("stations_above_official"))
                .findFirst().orElseThrow();
        assertEquals("A", above.subject());
        assertEquals(1.0, above.value());
    }

    @Test
    void theComparisonIsOneJoinFoldedInOnePass() throws Exception {
        Dataset<Row> protocols = PrecinctRows.ofJob(dir.resolve("job.yaml"));
        protocols.count(); // read and cached before counting
        ObserverInputs inputs = ObserverInputs.parse(Map.of(), "inputs");
        SparkJobCount.Counting counting = SparkJobCount.on(SparkTestSession.get().sparkContext()).begin();
        PairStatistics results = PairStatistics.compute(protocols, "t", "official", inputs, 0.9,
                new PairLists.Caps(20, 200, 5000, 100_000, 1));
        SparkJobCount.Jobs jobs = counting.end();
        System.out.println("official_vs_observer compute: " + jobs);
        // the official side's broadcast, the shuffles choosing each precinct's substituted copy and grouping copies
        // by precinct, and the fold (whose collect may start a second job over the fold's later partitions)
        assertTrue(jobs.count() <= 5, "the join's broadcast and shuffles, and the fold: " + jobs);
        assertEquals(List.of(new PairFolds.SourceKey("observer:team", false), new PairFolds.SourceKey("ocr:scan",
                false), new PairFolds.SourceKey("platform:app", true)), List.copyOf(results.sources().keySet()));
        assertEquals(12, results.lists().points().count(), "A and B in each of 6 full-count pairs");
    }

    @Test
    void recountChangesTheWinnersAndCoverageIsCounted() {
        List<List<String>> recount = table("recount").rows();
        assertTrue(recount.contains(List.of("district=R1 / D1", "A > B", "B > A", "winner A → B")), recount.toString());
        assertTrue(recount.contains(List.of("district=R2 / D2", "A > B", "B > A", "winner A → B")), recount.toString());
        assertTrue(recount.contains(List.of("national", "A > B", "B > A", "winner A → B")), recount.toString());
        // D1 is recounted with the observers' signed copies only; D2 and the nation with ocr:scan's reading of p6,
        // which may be misread: listed, not flagged
        assertEquals(Verdict.FLAG, recountFinding("district=R1 / D1").verdict());
        Finding d2 = recountFinding("district=R2 / D2");
        assertEquals(Verdict.INCONCLUSIVE, d2.verdict());
        assertTrue(d2.sentence().contains("1 of the substituted copies are readings of photos"), d2.sentence());
        assertEquals(Verdict.INCONCLUSIVE, recountFinding("national").verdict());
        assertEquals(0.75, metric("district=R1 / D1", "all", "coverage_precincts"), 1e-12);
        assertEquals(0.8, metric("district=R1 / D1", "all", "coverage_registered"), 1e-12);
        assertEquals(5.0 / 6, metric("national", "all", "coverage_precincts"), 1e-12);
        assertEquals(1000.0 / 1200, metric("national", "all", "coverage_registered"), 1e-12);
    }
}
