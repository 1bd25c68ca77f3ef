package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

        // Kill one run early (while Spark starts or reads) and one as late as we can see (staging folder exists).
        for (String until : List.of("[2/5]", "staging")) {
            Process run = startRun(output);
            waitFor(run, until, output);
            run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertArrayEquals(findings, Files.readAllBytes(output.resolve("findings.json")), "killed at " + until);
            assertArrayEquals(pdf, Files.readAllBytes(output.resolve("report.pdf")), "killed at " + until);
        }

        runInProcess(spec);
        assertArrayEquals(findings, Files.readAllBytes(output.resolve("findings.json")), "a rerun gives the same");
        try (Stream<Path> left = Files.list(output.getParent())) {
            assertEquals(List.of("kz"), left.map(p -> p.getFileName().toString()).toList(),
                    "the killed runs' staging folders are cleared by the next run");
        }
    }

    private static void runInProcess(JobSpec spec) throws Exception {
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(spec, SparkTestSession.get());
    }

    /** The CLI in a JVM of its own, with this JVM's classpath and module flags. */
    private Process startRun(Path output) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.sanaq.cli.Main", "run",
                TestData.project().resolve("jobs/kz-2023-majilis.yaml").toString(), "--output", output.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    /** Waits until the run's log shows a stage, or its staging folder exists; fails if it ends first. */
    private void waitFor(Process run, String until, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(run.isAlive(), "the run ended before it could be killed: " + Files.readString(dir.resolve("run.log")));
            boolean reached;
            if (until.equals("staging")) {
                try (Stream<Path> siblings = Files.list(output.getParent())) {
                    reached = siblings.anyMatch(p -> p.getFileName().toString().startsWith(".kz.partial-"));
                }
            } else {
                reached = Files.exists(dir.resolve("run.log")) && Files.readString(dir.resolve("run.log")).contains(until);
            }
            if (reached) {
                return;
            }
            Thread.sleep(20);
        }
        assertFalse(true, "the run never reached " + until);
    }
}
