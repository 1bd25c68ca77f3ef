package org.sanaq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.sanaq.CliProcess;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.TreeSnapshot;
import org.sanaq.run.EnvironmentFailure;
import org.sanaq.run.IngestCache;
import org.sanaq.run.OutputFolder;
import org.sanaq.run.OutputRefused;
import org.sanaq.run.JobSpecLoader;

/**
 * The output-safety corpus, src/test/resources/broken/output/cases.csv: each case arranges a project (a job, its
 * data and mapping, the user's notes) in a temporary folder, runs it, and asserts the exit code, the message, and
 * the whole tree before and after (every file's path, size and SHA-256): a refused or failed run (3, 5) changes
 * nothing, and a run that writes changes nothing outside its output folder and leaves no lock or staging folder.
 *
 * <p>How a case runs ({@code via}): {@code run}, the command line in this JVM (every such case ends before Spark);
 * {@code begin}, the output folder begun, given a new report and committed as a run does, without Spark (exit 0:
 * accepted, {@code message} then names a note); {@code spark}, the command line on the tests' Spark session;
 * {@code process}, the command line in a JVM of its own, whose environment is the case's {@code args}.
 */
class OutputCasesTest {
    private static final Path CORPUS = TestData.project().resolve("src/test/resources/broken/output");
    private static final String NEW_REPORT = "the new report";

    @TempDir
    Path root;
    @TempDir
    Path logs;
    private Path output;

    /** What a case printed (or, via begin, noted or was refused with) and its exit code. */
    private record Outcome(int code, String said) {
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvFileSource(resources = "/broken/output/cases.csv", numLinesToSkip = 1)
    void outcome(String name, String via, String setup, String args, int exit, String message) throws Exception {
        Path job = arrange(name);
        List<String> extra = args == null ? List.of() : List.of(args.split(" "));
        Map<String, String> before = TreeSnapshot.of(root);
        Outcome outcome = switch (via) {
            case "run", "spark" -> {
                if (via.equals("spark")) {
                    SparkTestSession.get(); // the command line uses the tests' session and leaves it running
                }
                yield command(job, extra);
            }
            case "begin" -> begin(job, extra);
            case "process" -> process(job, extra);
            default -> throw new IllegalArgumentException("cases.csv: unknown via " + via);
        };
        assertEquals(exit, outcome.code(), outcome.said());
        if (message != null) {
            assertTrue(outcome.said().contains(message), "'" + message + "' missing from:\n" + outcome.said());
        }
        Map<String, String> after = TreeSnapshot.of(root);
        if (exit == 3 || exit == 5) {
            assertEquals(before, after, "a refused or failed run changes nothing");
            List<String> lines = outcome.said().lines().filter(l -> !l.matches("sanaq: \\[\\d/\\d].*"))
                    .filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList(); // the JVM's, not sanaq's
            assertEquals(1, lines.size(), "one line: " + outcome.said());
            return;
        }
        String out = root.relativize(output).toString();
        Predicate<String> written = p -> p.equals(out) || p.startsWith(out + "/")
                || p.startsWith(root.relativize(output.resolveSibling("." + output.getFileName() + ".")).toString());
        assertEquals(TreeSnapshot.without(before, written), TreeSnapshot.without(after, written),
                "nothing outside the output folder changed");
        String cache = root.relativize(IngestCache.folderOf(output)).toString();
        assertEquals(List.of(out), after.keySet().stream().filter(written).filter(p -> !p.startsWith(out + "/"))
                .filter(p -> !p.equals(cache) && !p.startsWith(cache + "/")).toList(),
                "no lock, staging or previous folder is left beside the output (its ingest cache stays)");
        if (via.equals("begin")) {
            assertEquals(NEW_REPORT, Files.readString(output.resolve("report.pdf")));
        } else {
            assertTrue(Files.size(output.resolve("report.pdf")) > 1000, "the report is written");
        }
    }

    /** Builds the project of a case in the temporary folder and returns its job spec. */
    private Path arrange(String name) throws Exception {
        Path project = root.resolve("project");
        Path jobs = Files.createDirectories(project.resolve("jobs"));
        Path data = Files.createDirectories(project.resolve("data/2024"));
        Files.copy(CORPUS.resolve(name.equals("header-only") ? "header-only.csv" : "p.csv"), data.resolve("p.csv"));
        Files.copy(TestData.project().resolve("jobs/mappings/canonical.yaml"),
                Files.createDirectories(project.resolve("mappings")).resolve("canonical.yaml"));
        Files.copy(CORPUS.resolve("notes.txt"), jobs.resolve("notes.txt"));
        output = project.resolve("reports/probe");
        Files.createDirectories(output.getParent());
        String job = "probe";
        String out = null;
        switch (name) {
            case "unrelated-folder", "unrelated-folder-force" -> {
                Path keep = Files.createDirectories(project.resolve("keep"));
                Files.copy(CORPUS.resolve("notes.txt"), keep.resolve("notes.txt"));
                Files.copy(CORPUS.resolve("p.csv"), keep.resolve("data.csv"));
                out = "../keep";
            }
            case "output-dot" -> out = ".";
            case "output-dotdot" -> out = "..";
            case "output-file" -> out = "notes.txt";
            case "job-dotdot-default" -> {
                job = "dotdot";
                out = "../reports/..";
            }
            case "data-ancestor" -> out = "../data";
            case "data-folder" -> out = "../data/2024";
            case "mapping-folder" -> out = "../mappings";
            case "inside-data-file" -> out = "../data/2024/p.csv/report";
            case "symlink-dodge", "output-is-link" -> {
                Files.createSymbolicLink(project.resolve("alias"), project.resolve("data"));
                out = name.equals("output-is-link") ? "../alias" : "../alias/2024";
            }
            case "same-job-previous" -> previousRun(output, "probe");
            case "previous-with-own-table" -> {
                previousRun(output, "probe");
                Files.writeString(output.resolve("tables/mine.xlsx"), "PK");
            }
            case "other-job-previous", "other-job-previous-force" -> previousRun(output, "other");
            case "previous-with-notes-force" -> {
                previousRun(output, "probe");
                Files.copy(CORPUS.resolve("notes.txt"), output.resolve("notes.txt"));
            }
            case "no-manifest" -> {
                previousRun(output, "probe");
                Files.delete(output.resolve("manifest.json"));
            }
            case "not-a-sanaq-manifest" -> {
                previousRun(output, "probe");
                Files.writeString(output.resolve("manifest.json"), "{\"name\": \"my-site\", \"version\": \"1.0.0\"}");
            }
            case "killed-between-renames" -> previousRun(leftBeside("previous"), "probe");
            case "killed-after-commit" -> {
                previousRun(output, "probe");
                previousRun(leftBeside("previous"), "probe");
            }
            case "killed-while-staging" -> Files.writeString(
                    Files.createDirectories(leftBeside("partial")).resolve("findings.json"), "{\"find");
            case "lock-held" -> lock(ProcessHandle.current().pid(),
                    ProcessHandle.current().info().startInstant().map(Instant::toString).orElse("unknown"));
            case "lock-stale" -> lock(CliProcess.deadPid(), "2026-01-01T00:00:00Z");
            case "lock-empty" -> Files.writeString(lockFile(), "");
            case "parent-unwritable" -> {
                assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "needs Linux's /sys");
                out = "/sys/sanaq-output-test";
            }
            default -> {
                // spark-local-dirs, header-only: the job as it is
            }
        }
        if (out != null) {
            output = out.startsWith("/") ? Path.of(out) : jobs.resolve(out).normalize();
        }
        Path spec = jobs.resolve("job.yaml");
        Files.writeString(spec, Files.readString(CORPUS.resolve("job.yaml")).replace("@JOB@", job)
                .replace("@OUTPUT@", out == null ? "" : "output: " + out), StandardCharsets.UTF_8);
        return spec;
    }

    /** A folder holding a previous run of {@code job}: a sanaq manifest, the report and a detail table. */
    private static void previousRun(Path folder, String job) throws IOException {
        Files.createDirectories(folder.resolve("tables"));
        Files.writeString(folder.resolve("manifest.json"),
                Files.readString(CORPUS.resolve("manifest.json")).replace("@JOB@", job));
        Files.writeString(folder.resolve("report.pdf"), "the previous report of " + job);
        Files.writeString(folder.resolve("summary.md"), "# " + job);
        Files.writeString(folder.resolve("tables/round_cells.csv"), "region,share\r\nNorth,50.00\r\n");
    }

    /** A folder a killed run of pid that is gone left beside the output. */
    private Path leftBeside(String kind) throws Exception {
        return output.resolveSibling("." + output.getFileName() + "." + kind + "-" + CliProcess.deadPid() + "-"
                + UUID.randomUUID());
    }

    private Path lockFile() {
        return output.resolveSibling("." + output.getFileName() + ".lock");
    }

    private void lock(long pid, String started) throws IOException {
        Files.writeString(lockFile(), "pid=" + pid + "\nstarted=" + started + "\n");
    }

    private static Outcome command(Path job, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("run", job.toString()));
        args.addAll(extra);
        MainTest.Result r = MainTest.run(args.toArray(String[]::new));
        return new Outcome(r.code(), r.err());
    }

    /** The output folder begun as {@code sanaq run} begins it, given a new report and committed. */
    private Outcome begin(Path job, List<String> extra) throws Exception {
        List<String> notes = new ArrayList<>();
        try (OutputFolder folder = OutputFolder.begin(JobSpecLoader.load(job), extra.contains("--force"),
                notes::add)) {
            Files.writeString(folder.staging().resolve("manifest.json"),
                    Files.readString(CORPUS.resolve("manifest.json")).replace("@JOB@", "probe"));
            Files.writeString(folder.staging().resolve("report.pdf"), NEW_REPORT);
            folder.commit();
        } catch (OutputRefused e) {
            return new Outcome(3, e.getMessage());
        } catch (EnvironmentFailure e) {
            return new Outcome(5, e.getMessage());
        }
        return new Outcome(0, String.join("\n", notes));
    }

    /** The command line in a JVM of its own, whose environment is the case's {@code args} (NAME=value). */
    private Outcome process(Path job, List<String> environment) throws Exception {
        Path log = logs.resolve("run.log");
        Map<String, String> env = new HashMap<>();
        environment.forEach(e -> env.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
        Process run = CliProcess.start(log, env, "run", job.toString());
        // These runs stop while Spark starts, in seconds; the bound is only a safety net against a hung run, wide
        // enough for a busy machine (as KilledRunTest's).
        boolean ended = run.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly();
        }
        assertTrue(ended, "the run did not end within 10 minutes:\n" + Files.readString(log));
        return new Outcome(run.exitValue(), Files.readString(log));
    }
}
