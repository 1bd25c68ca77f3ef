package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.checks.Check;
import org.sanaq.ingest.Ingest;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

/**
 * A failing check is a finding, not a crash: a job over 30 canonical precincts with four real checks is run once
 * with three checks made to fail ({@link FailingChecks}: in the judge, in a Spark task fused with
 * protocol_integrity's own aggregation, in a joining check's compute) and once without them.
 */
class FailingCheckTest {
    private static final String JUDGE = "throws_in_judge";
    private static final String EXECUTOR = "throws_on_executor";
    private static final String COMPUTE = "throws_in_compute";

    @TempDir
    static Path dir;
    static JobSpec spec;
    static JobRunner.Result result;
    static String progress;
    static RunFolder.Contents failing;
    static RunFolder.Contents clean;

    @BeforeAll
    static void runWithAndWithoutTheFailingChecks() throws Exception {
        StringBuilder csv = new StringBuilder("election,source,level,region,precinct,registered,ballots_issued,"
                + "invalid,valid,votes:A,votes:B\n");
        for (int p = 0; p < 30; p++) {
            long registered = 900 + 37L * p;
            long issued = registered * (55 + p % 23) / 100;
            long invalid = p % 4;
            long a = (issued - invalid) * (40 + p % 17) / 100;
            csv.append(String.join(",", "e", "official", "precinct", "R" + p % 3, "P" + p, "" + registered,
                    "" + issued, "" + invalid, "" + (issued - invalid), "" + a, "" + (issued - invalid - a)))
                    .append('\n');
        }
        Files.writeString(dir.resolve("p.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("job.yaml"), String.join("\n", "job: failing", "election: e", "country: C",
                "inputs:", "  - id: p", "    files: p.csv",
                "    mapping: " + TestData.project().resolve("jobs/mappings/canonical.yaml"), "checks:",
                "  protocol_integrity:", "  fingerprint:", "  integer_peaks:", "  digit_tests:", "output: out", ""),
                StandardCharsets.UTF_8);
        spec = JobSpecLoader.load(dir.resolve("job.yaml"));
        List<JobSpec.ConfiguredCheck> checks = new ArrayList<>();
        checks.add(FailingChecks.configured(FailingChecks.throwsInJudge(JUDGE,
                () -> new IllegalStateException(FailingChecks.JUDGE_MESSAGE))));
        checks.addAll(spec.checks());
        checks.add(2, FailingChecks.configured(FailingChecks.throwsOnExecutor()));
        checks.add(FailingChecks.configured(FailingChecks.throwsInCompute(COMPUTE,
                () -> new IllegalArgumentException(FailingChecks.COMPUTE_MESSAGE + "."))));

        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        result = new JobRunner(new Progress(new PrintStream(lines, true, StandardCharsets.UTF_8), 4, false))
                .run(withChecks(spec, checks).withOutput(dir.resolve("failing")), SparkTestSession.get());
        progress = lines.toString(StandardCharsets.UTF_8);
        failing = RunFolder.read(dir.resolve("failing"));
        new JobRunner(quiet()).run(spec.withOutput(dir.resolve("clean")), SparkTestSession.get());
        clean = RunFolder.read(dir.resolve("clean"));
    }

    private static JobSpec withChecks(JobSpec s, List<JobSpec.ConfiguredCheck> checks) {
        return new JobSpec(s.file(), s.text(), s.job(), s.title(), s.election(), s.country(), s.language(),
                s.inputs(), s.levels(), s.conventions(), checks, s.output());
    }

    private static Progress quiet() {
        return new Progress(new PrintStream(OutputStream.nullOutputStream()), 4, false);
    }

    private static String sentence(String check, String message) {
        return "The check “" + check + "” could not run: " + message
                + ". Nothing can be concluded from it; the other checks are unaffected.";
    }

    private static List<Finding> errors(RunFolder.Contents run) {
        return run.findings().stream().filter(f -> f.verdict() == Verdict.ERROR).toList();
    }

    @Test
    void eachFailingCheckIsOneErrorFindingNamingItAndItsMessage() {
        List<Finding> errors = errors(failing);
        assertEquals(List.of(JUDGE, EXECUTOR, COMPUTE), errors.stream().map(Finding::check).toList());
        assertEquals(List.of(sentence(JUDGE, FailingChecks.JUDGE_MESSAGE),
                sentence(EXECUTOR, FailingChecks.TASK_MESSAGE), sentence(COMPUTE, FailingChecks.COMPUTE_MESSAGE)),
                errors.stream().map(Finding::sentence).toList(), "the innermost message, its final dot once");
        for (Finding e : errors) {
            assertEquals("national", e.scope());
            assertEquals("check_failed", e.statistic());
            assertNull(e.effect());
        }
        assertTrue(failing.metrics().stream().noneMatch(m -> List.of(JUDGE, EXECUTOR, COMPUTE).contains(m.check())),
                "a failed check has no metric");
        assertEquals(List.of(JUDGE, EXECUTOR, COMPUTE), result.failedChecks());
    }

    /** The records in a fixed order: Spark hands groups back in no particular order, which the runs may not share. */
    private static <T extends Record> List<T> inAnyOrder(List<T> records) {
        return records.stream().sorted(Comparator.comparing(FailingCheckTest::withoutValue)).toList();
    }

    /**
     * Spark merges partial sums of doubles in the order its tasks finish, so two runs over the same rows can differ
     * in the last bits (seen: 4429.12760899583 against 4429.127608995831); 1e-12 relative is a thousand times that
     * and far below any printed digit.
     */
    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
        } else {
            assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
        }
    }

    /** A record's identity without its numbers, so that last-bit differences do not reorder the records. */
    private static String withoutValue(Record r) {
        if (r instanceof Finding f) {
            return String.join("|", f.check(), f.scope(), String.valueOf(f.subject()), f.statistic(), f.sentence());
        }
        return r instanceof Metric m ? String.join("|", m.check(), m.scope(), m.subject(), m.metric()) : r.toString();
    }

    @Test
    void theOtherChecksFindAndMeasureExactlyWhatTheyFindWithoutTheFailingOnes() {
        List<Finding> others = failing.findings().stream().filter(f -> f.verdict() != Verdict.ERROR).toList();
        assertFalse(others.isEmpty());
        List<Finding> expectedFindings = inAnyOrder(clean.findings());
        List<Finding> actualFindings = inAnyOrder(others);
        assertEquals(expectedFindings.size(), actualFindings.size());
        for (int i = 0; i < expectedFindings.size(); i++) {
            Finding e = expectedFindings.get(i);
            Finding a = actualFindings.get(i);
            assertEquals(List.of(e.check(), e.scope(), String.valueOf(e.subject()), e.statistic(), e.verdict(),
                    e.sentence(), e.evidence()), List.of(a.check(), a.scope(), String.valueOf(a.subject()),
                    a.statistic(), a.verdict(), a.sentence(), a.evidence()));
            assertClose(e.value(), a.value(), e.toString());
            assertClose(e.pValue(), a.pValue(), e.toString());
            assertClose(e.pAdjusted(), a.pAdjusted(), e.toString());
        }
        List<Metric> expected = inAnyOrder(clean.metrics());
        List<Metric> actual = inAnyOrder(failing.metrics());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Metric e = expected.get(i);
            Metric a = actual.get(i);
            assertEquals(List.of(e.check(), e.scope(), e.subject(), e.metric()),
                    List.of(a.check(), a.scope(), a.subject(), a.metric()));
            assertClose(e.value(), a.value(), e.toString());
        }
        assertEquals(clean.tables().keySet(), failing.tables().keySet());
        assertEquals(30, result.protocolsUsed());
    }

    @Test
    void progressSaysWhichCheckFailedOnOneLineWithoutAStackTrace() {
        assertTrue(progress.contains("sanaq: the check " + EXECUTOR + " could not run: "
                + FailingChecks.TASK_MESSAGE + "; the other checks go on"), progress);
        assertTrue(progress.contains("3 check(s) could not run"), progress);
        assertFalse(progress.contains("\tat "), "no stack trace without SANAQ_DEBUG");
    }

    @Test
    void pageOneOfEveryRenderingSaysWhichCheckFailedBeforeTheFindings() throws IOException {
        String expected = sentence(EXECUTOR, FailingChecks.TASK_MESSAGE);
        String md = Files.readString(dir.resolve("failing/summary.md"));
        assertTrue(md.indexOf("**" + expected + "**") >= 0, md);
        assertTrue(md.indexOf(expected) < md.indexOf("## What the checks found"), md);
        String html = Files.readString(dir.resolve("failing/summary.html"));
        assertTrue(html.indexOf("<p class=\"flag\">" + expected + "</p>") >= 0, html);
        assertTrue(html.indexOf(expected) < html.indexOf("<h2>What the checks found</h2>"), html);
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("failing/report.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            String first = stripper.getText(pdf).replaceAll("\\s+", " ");
            for (String check : List.of(JUDGE, EXECUTOR, COMPUTE)) {
                assertTrue(first.contains("The check “" + check + "” could not run"), first);
            }
            assertTrue(first.contains(expected), first);
            assertTrue(first.indexOf(expected) < first.indexOf("What the checks found"), first);
        }
    }

    /** The protocols of the job, ingested and marked as a run hands them to {@link JobRunner#judge}. */
    private static Dataset<Row> ingested() {
        return DuplicateProtocols.mark(Ingest.read(SparkTestSession.get(), spec.inputs()));
    }

    private static List<CheckOutcome> judge(Progress progress, Check<?>... checks) {
        List<JobSpec.ConfiguredCheck> configured = new ArrayList<>();
        for (Check<?> c : checks) {
            configured.add(FailingChecks.configured(c));
        }
        return JobRunner.judge(withChecks(spec, configured), ingested(), progress);
    }

    @Test
    void withSanaqDebugTheStackTraceGoesToTheProgressStream() {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        judge(new Progress(new PrintStream(lines, true, StandardCharsets.UTF_8), 2, true),
                FailingChecks.throwsInJudge(JUDGE, () -> new IllegalStateException("traced")));
        String text = lines.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("sanaq: the check " + JUDGE + " could not run: traced; the other checks go on\n"
                + "java.lang.IllegalStateException: traced\n\tat "), text);
    }

    @Test
    void anErrorOrAFullDiskEndsTheRunInsteadOfBecomingAFinding() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertEquals(oom, assertThrows(OutOfMemoryError.class,
                () -> judge(quiet(), FailingChecks.errorInJudge("oom", oom))));
        // an Error wrapped on its way, as a Spark task's failure is, is no finding either
        RuntimeException wrapped = new RuntimeException("Job aborted", new OutOfMemoryError("GC overhead"));
        assertEquals(wrapped, assertThrows(RuntimeException.class,
                () -> judge(quiet(), FailingChecks.throwsInJudge("wrapped", () -> wrapped))));
        // a full disk is the environment's failure (exit 5), whichever check met it
        UncheckedIOException full = new UncheckedIOException(new IOException("No space left on device"));
        assertEquals(full, assertThrows(UncheckedIOException.class,
                () -> judge(quiet(), FailingChecks.throwsInCompute("disk", () -> full))));
    }

    @Test
    void aSharedPassFailureThatNoCheckRepeatsAloneIsTheRunsAndIsThrownOn() {
        FailingChecks.failOnce();
        Exception thrown = assertThrows(Exception.class,
                () -> judge(quiet(), FailingChecks.throwsOnceOnExecutor()));
        assertEquals("a passing failure", CheckFailure.of("x", thrown).message());
    }
}
