package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.CliProcess;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;

/**
 * A run killed at any point (SIGKILL: no shutdown hook, no clean-up) leaves the previous report as it was and no
 * half-written one in its place; the next run clears what the killed one left and gives the same result.
 */
class KilledRunTest {
    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesThePreviousReportIntactAndARerunGivesTheSameResult() throws Exception {
        Path output = dir.resolve("out").resolve("kz");
        JobSpec spec = JobSpecLoader.load(TestData.project().resolve("jobs/kz-2023-majilis.yaml")).withOutput(output);
        runInProcess(spec);
        byte[] findings = Files.readAllBytes(output.resolve("findings.json"));
        byte[] pdf = Files.readAllBytes(output.resolve("report.pdf"));

        // Kill one run early (while it reads) and one as late as we can see (while it writes the staging folder, which
        // with its lock exists from before Spark starts).
        for (String until : List.of("[2/5]", "[5/5]")) {
            Process run = startRun(output);
            waitFor(run, until);
            run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertArrayEquals(findings, Files.readAllBytes(output.resolve("findings.json")), "killed at " + until);
            assertArrayEquals(pdf, Files.readAllBytes(output.resolve("report.pdf")), "killed at " + until);
        }

        runInProcess(spec);
        assertArrayEquals(findings, Files.readAllBytes(output.resolve("findings.json")), "a rerun gives the same");
        try (Stream<Path> left = Files.list(output.getParent())) {
            assertEquals(List.of(".kz.cache", "kz"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the killed runs' staging folders and locks are cleared by the next run; the ingest cache stays");
        }
    }

    private static void runInProcess(JobSpec spec) throws Exception {
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(spec, SparkTestSession.get());
    }

    private Process startRun(Path output) throws Exception {
        return CliProcess.start(dir.resolve("run.log"), Map.of(), "run",
                TestData.project().resolve("jobs/kz-2023-majilis.yaml").toString(), "--output", output.toString());
    }

    /** Waits until the run's log shows a stage; fails if the run ends first. */
    private void waitFor(Process run, String until) throws Exception {
        Path log = dir.resolve("run.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(until)) {
                return; // the kill may come after the run's end: the report is then whole, and the same
            }
            assertTrue(run.isAlive(), "the run ended before it could be killed: " + Files.readString(log));
            Thread.sleep(20);
        }
        assertFalse(true, "the run never reached " + until);
    }
}
