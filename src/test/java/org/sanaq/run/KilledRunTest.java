package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    /**
     * The test waits for the run's own progress lines, however slow the machine; this bound only keeps a hung run
     * from hanging the build.
     */
    private static final Duration SAFETY_NET = Duration.ofMinutes(10);

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
            CliProcess.Lines run = startRun(output);
            // The kill may come after the run's end: the report is then whole, and the same.
            run.await(until, SAFETY_NET);
            assertTrue(run.process().destroyForcibly().waitFor(1, TimeUnit.MINUTES), "SIGKILL ended the run");
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

    private static CliProcess.Lines startRun(Path output) throws Exception {
        return CliProcess.startReading(Map.of(), "run", TestData.project().resolve("jobs/kz-2023-majilis.yaml")
                .toString(), "--output", output.toString());
    }
}
