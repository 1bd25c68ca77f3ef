package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.neighbours.NeighboursCheck;
import org.sanaq.ingest.Ingest;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Verdict;

/**
 * One scan: the Spark jobs a run's compute starts do not grow with the number of checks. Counted with a
 * {@link org.apache.spark.scheduler.SparkListener} ({@link SparkJobCount}) around {@link JobRunner#judge}, on the
 * synthetic election with every check (datasets/synthetic/observer-copies: 2,000 precincts, regional tables and
 * observers' copies). Every check that reads the protocols folds its summaries in one shared Spark job, after one
 * job that learns the elections' leaders; the comparison with observers' copies adds its join, the neighbour
 * comparison its two jobs (unit sizes, scores).
 */
class OneScanJobsTest {
    /** The first pass (ElectionFacts) and the shared pass: one Spark job each. */
    static final long PASSES = 2;
    /** The join of observers' copies with the official protocols, the choice of the copy recounted, their fold. */
    static final long OBSERVER_JOIN = 5;
    /** What judging starts whatever the checks: the duplicate-protocol rule's groups (DuplicateProtocols.outcome). */
    static final long JUDGING = 3;

    private static JobSpec spec;
    private static Dataset<Row> ingested;

    @BeforeAll
    static void read() throws Exception {
        spec = JobSpecLoader.load(TestData.project().resolve("datasets/synthetic/observer-copies/job.yaml"));
        ingested = DuplicateProtocols.mark(Ingest.read(SparkTestSession.get(), spec.inputs())).cache();
        ingested.count();
    }

    @Test
    void everyCheckThatReadsTheProtocolsSharesOneSparkJob() {
        long one = jobs(Set.of("fingerprint"));
        long five = jobs(Set.of("round_percentages", "protocol_integrity", "digit_tests", "fingerprint",
                "integer_peaks"));
        System.out.println("one scan: 1 folded check " + one + " Spark jobs, 5 folded checks " + five);
        assertEquals(one, five, "five checks folded in the shared pass start as many Spark jobs as one");
        assertEquals(PASSES + JUDGING, five);
    }

    @Test
    void everyCheckWithObserversCopiesAddsOnlyTheirJoin() {
        long all = jobs(Set.of("round_percentages", "protocol_integrity", "official_vs_observer", "digit_tests",
                "fingerprint", "integer_peaks"));
        System.out.println("one scan: all six checks " + all + " Spark jobs");
        assertTrue(all <= PASSES + OBSERVER_JOIN + JUDGING, all + " Spark jobs");
    }

    @Test
    void theNeighbourComparisonAddsItsTwoJobs() throws Exception {
        Set<String> five = Set.of("round_percentages", "protocol_integrity", "digit_tests", "fingerprint",
                "integer_peaks");
        // within regions: the synthetic election has no districts, and without units the check starts no job
        NeighboursCheck check = new NeighboursCheck();
        JobSpec.ConfiguredCheck neighbours = new JobSpec.ConfiguredCheck(check,
                new CheckParameters("checks.neighbours", check.defaults(), Map.of("unit", "region")));
        long without = jobs(five);
        long with = jobs(five, List.of(neighbours));
        System.out.println("one scan: 5 folded checks " + without + " Spark jobs, with neighbours " + with);
        assertEquals(without + 2, with, "the unit sizes' collect and the scores' fold");
    }

    /** The Spark jobs that judging the election with these checks starts, after checking that none failed. */
    private static long jobs(Set<String> checks) {
        return jobs(checks, List.of());
    }

    /** The same, with checks the job does not name added with their parameters. */
    private static long jobs(Set<String> checks, List<JobSpec.ConfiguredCheck> added) {
        List<JobSpec.ConfiguredCheck> named = spec.checks().stream().filter(c -> checks.contains(c.check().id()))
                .toList();
        assertEquals(checks.size(), named.size(), "the job names every check");
        List<JobSpec.ConfiguredCheck> all = new java.util.ArrayList<>(named);
        all.addAll(added);
        JobSpec chosen = new JobSpec(spec.file(), spec.text(), spec.job(), spec.title(), spec.election(),
                spec.country(), spec.language(), spec.inputs(), spec.levels(), spec.conventions(), all,
                spec.output());
        SparkJobCount.Counting counting = SparkJobCount.on(SparkTestSession.get().sparkContext()).begin();
        List<CheckOutcome> outcomes = JobRunner.judge(chosen, ingested,
                new Progress(new PrintStream(OutputStream.nullOutputStream()), 3, false));
        SparkJobCount.Jobs jobs = counting.end();
        outcomes.forEach(o -> o.findings().forEach(f -> assertTrue(f.verdict() != Verdict.ERROR, f.sentence())));
        assertTrue(jobs.exact(), "every job counted");
        return jobs.count();
    }
}
