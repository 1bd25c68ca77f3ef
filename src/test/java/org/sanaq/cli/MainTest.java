package org.sanaq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without Spark: exit codes and what is printed. */
class MainTest {

    /** One invocation: its exit code and what it printed. */
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void contains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "'" + part + "' missing from:\n" + text);
        }
    }

    @Test
    void help() {
        Result r = run("--help");
        assertEquals(0, r.code());
        contains(r.out(), "sanaq run <job.yaml> [--output <folder>] [--force]", "sanaq validate <job.yaml>",
                "sanaq list-checks", "sanaq explain <check>", "sanaq render <run folder>",
                "Exit codes of run: 0 done; 1 the run failed; 2 the command or the job spec is wrong; 3 the output",
                "4 the report is written, but the inputs held no usable protocol; 5 the environment");
    }

    /**
     * The exit decision of a run that wrote its report (tested as a function: the CLI's catalog has no place for a
     * check made to fail; FailingCheckTest runs one through JobRunner).
     */
    @Test
    void aReportWithAFailedCheckExitsSixUnlessNoProtocolWasUsableWhichIsFour(@TempDir Path folder) {
        String failed = "sanaq: the check(s) fingerprint, digit_tests could not run; " + folder.resolve("report.pdf")
                + " says why on its first page, and the other checks' findings stand";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(6, Main.finished(new org.sanaq.run.JobRunner.Result(folder, 30,
                java.util.List.of("fingerprint", "digit_tests")), e));
        contains(err.toString(StandardCharsets.UTF_8), failed, "sanaq: report written to " + folder);
        err.reset();
        assertEquals(4, Main.finished(new org.sanaq.run.JobRunner.Result(folder, 0,
                java.util.List.of("fingerprint", "digit_tests")), e));
        contains(err.toString(StandardCharsets.UTF_8), failed, "sanaq: no usable protocol in the inputs");
        err.reset();
        assertEquals(0, Main.finished(new org.sanaq.run.JobRunner.Result(folder, 30, java.util.List.of()), e));
        assertEquals("sanaq: report written to " + folder.resolve("report.pdf") + "\n",
                err.toString(StandardCharsets.UTF_8));
        contains(run("--help").out(), "6 the report is", "written, but a check could not run (its first page says which");
    }

    @Test
    void runRefusesAnOptionItDoesNotKnow() {
        Result r = run("run", "jobs/kz-2023-majilis.yaml", "--forse");
        assertEquals(2, r.code());
        contains(r.err(), "sanaq: run does not know '--forse'", "Usage:");
        assertTrue(!r.err().contains("starting Spark"), r.err());
    }

    @Test
    void noArgumentsIsAUsageError() {
        Result r = run();
        assertEquals(2, r.code());
        contains(r.out(), "Usage:");
    }

    @Test
    void unknownCommand() {
        Result r = run("frobnicate");
        assertEquals(2, r.code());
        contains(r.err(), "unknown command 'frobnicate'", "Usage:");
    }

    @Test
    void commandWithoutItsArgument() {
        Result r = run("validate");
        assertEquals(2, r.code());
        contains(r.err(), "validate needs <job.yaml>");
    }

    @Test
    void listChecks() {
        Result r = run("list-checks");
        assertEquals(0, r.code());
        contains(r.out(), "round_percentages", "Round percentages");
    }

    @Test
    void explain() {
        Result r = run("explain", "round_percentages");
        assertEquals(0, r.code());
        contains(r.out(), "Asks: Do the published totals sit exactly on round percentages",
                "Parameters (defaults):", "  precisions: [0, 1, 2]", "  alpha: 0.01", "  source: official");
    }

    @Test
    void explainUnknownCheck() {
        Result r = run("explain", "benford");
        assertEquals(2, r.code());
        contains(r.err(), "no check is called 'benford'");
    }

    @Test
    void validateTheShippedKzJob() {
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("validate", "jobs/kz-2023-majilis.yaml"));
        assertEquals(0, r.code(), r.err());
        contains(r.out(), "kz-2023-majilis.yaml is valid: 4 input(s), checks [round_percentages, protocol_integrity, "
                + "official_vs_observer]");
    }

    private static Path badSpec(Path dir) throws Exception {
        Path mapping = Path.of("jobs/mappings/kz-2023-party-list.yaml").toAbsolutePath();
        Path data = Path.of("datasets/kz-2023/party-list-by-region.csv").toAbsolutePath();
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, """
                job: bad
                election: kz-2023-majilis-party-list
                inputs:
                  - id: party-list
                    files: %s
                    mapping: %s
                conventions:
                  turnout: votes
                checks:
                  round_percentages: {}
                """.formatted(data, mapping), StandardCharsets.UTF_8);
        return spec;
    }

    @Test
    void validateBadSpecPrintsOneLine(@TempDir Path dir) throws Exception {
        Path spec = badSpec(dir);
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("validate", spec.toString()));
        assertEquals(2, r.code());
        assertEquals("", r.out());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        contains(err, "bad.yaml", "conventions.turnout", "votes");
    }

    @Test
    void runBadSpecStopsBeforeSpark(@TempDir Path dir) throws Exception {
        Path spec = badSpec(dir);
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("run", spec.toString()));
        assertEquals(2, r.code());
        contains(r.err(), "conventions.turnout");
        assertTrue(!r.err().contains("starting Spark"), r.err());
    }
}
