package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.results.Finding;
import org.sanaq.results.RunFolder;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;

/**
 * The corpus of src/test/resources/broken/verdicts/: inputs with too little data and hostile shapes (cases.csv),
 * each run as a whole job (every check on, report written) and held to its outcome. {@code expected} is a list of
 * space-separated assertions:
 * <ul>
 *   <li>{@code <check>:<verdict>}: the check's findings all have the verdict, and it has one at least
 *       ({@code *} for every check of the run, the duplicates step included);</li>
 *   <li>{@code nan:none}: no NaN or Infinity in findings.json, metrics.csv or summary.md;</li>
 *   <li>{@code name:cut}: the generated 5,000-character name is whole in tables/ and cut in summary.md and .html;</li>
 *   <li>{@code charts:<n>}: summary.html draws at most n charts (nearly n: a kept chart may have no data);</li>
 *   <li>{@code raw-title:absent}: the title as given does not appear in {@code file}.</li>
 * </ul>
 * And {@code fragment} appears in {@code file} of the run folder. Runs are shared by cases with the same data and
 * title, so that the Spark runs stay few.
 */
class VerdictCasesTest {
    private static final Path CORPUS = TestData.project().resolve("src/test/resources/broken/verdicts");
    private static final Path CANONICAL = TestData.project().resolve("jobs/mappings/canonical.yaml");
    private static final String LONG_NAME = "N".repeat(5_000);
    private static final Map<String, Path> RUNS = new HashMap<>();

    @TempDir
    static Path work;

    static Stream<Arguments> cases() throws IOException {
        return RunFolder.readCsv(CORPUS.resolve("cases.csv")).rows().stream()
                .map(c -> Arguments.of(c.get(0), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseGetsItsOutcome(String name, String data, String title, String expected, String file,
            String fragment) throws Exception {
        Path run = run(data, title);
        String text = Files.readString(run.resolve(file), StandardCharsets.UTF_8);
        assertTrue(text.contains(fragment), name + ": " + file + " says '" + fragment + "':\n" + text);
        List<Finding> findings = RunFolder.read(run).findings();
        for (String assertion : expected.split(" +")) {
            if (assertion.isEmpty()) {
                continue;
            }
            String[] kv = assertion.split(":", 2);
            switch (kv[0]) {
                case "nan" -> noNaN(run);
                case "name" -> nameCut(run);
                case "charts" -> charts(run, Integer.parseInt(kv[1]));
                case "raw-title" -> assertFalse(text.contains(title), "the raw title is not in " + file);
                default -> verdicts(findings, kv[0], kv[1]);
            }
        }
    }

    private static void verdicts(List<Finding> findings, String check, String verdict) {
        List<Finding> of = findings.stream().filter(f -> check.equals("*") || f.check().equals(check)).toList();
        assertFalse(of.isEmpty(), check + " has findings");
        for (Finding f : of) {
            assertEquals(verdict, f.verdict().id(), f.check() + ": " + f.sentence());
        }
    }

    /** At most {@code cap} charts drawn, and nearly that many (a few kept ones may have no data to draw). */
    private static void charts(Path run, int cap) throws IOException {
        int drawn = count(read(run, ReportWriter.HTML), "<img ");
        assertTrue(drawn <= cap && drawn >= cap - 10, drawn + " charts drawn, at most " + cap);
    }

    private static void noNaN(Path run) throws IOException {
        for (String file : List.of(RunFolder.FINDINGS, RunFolder.METRICS, ReportWriter.MARKDOWN)) {
            String text = read(run, file);
            assertFalse(text.contains("NaN") || text.contains("Infinity"), "no NaN in " + file + ":\n" + text);
        }
    }

    private static void nameCut(Path run) throws IOException {
        try (Stream<Path> tables = Files.list(run.resolve(RunFolder.TABLES))) {
            assertTrue(tables.anyMatch(t -> readUnchecked(t).contains(LONG_NAME)), "whole in a table");
        }
        assertTrue(read(run, RunFolder.FINDINGS).contains(LONG_NAME), "whole in findings.json");
        for (String file : List.of(ReportWriter.MARKDOWN, ReportWriter.HTML)) {
            assertFalse(read(run, file).contains("N".repeat(ShownText.MAX_NAME + 1)), "cut in " + file);
        }
        assertTrue(Files.size(run.resolve(ReportWriter.PDF)) > 0);
    }

    /** The run folder of a job over one data file with a title, run once for all the cases that share them. */
    private static synchronized Path run(String data, String title) throws Exception {
        String key = data + "\u0000" + title;
        if (!RUNS.containsKey(key)) {
            Path file = data.startsWith("(generated) ") ? generated(data.substring(12)) : CORPUS.resolve(data);
            Path out = work.resolve("run" + RUNS.size());
            Path job = work.resolve("job" + RUNS.size() + ".yaml");
            Files.writeString(job, """
                    job: verdicts
                    title: "%s"
                    election: e
                    inputs:
                      - id: data
                        files: "%s"
                        mapping: "%s"
                    checks:
                      round_percentages:
                      protocol_integrity:
                      digit_tests:
                      fingerprint:
                      integer_peaks:
                    output: "%s"
                    """.formatted(quoted(title), quoted(file.toString()), quoted(CANONICAL.toString()),
                    quoted(out.toString())), StandardCharsets.UTF_8);
            new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                    .run(JobSpecLoader.load(job), SparkTestSession.get());
            RUNS.put(key, out);
        }
        return RUNS.get(key);
    }

    /** Data too large or too repetitive to keep in git: a 5,000-character candidate name, or 300 candidates. */
    private static Path generated(String name) throws IOException {
        Path file = work.resolve(name);
        List<String> candidates = name.equals("long-name.csv") ? List.of("A", LONG_NAME)
                : IntStream.rangeClosed(1, 300).mapToObj(i -> String.format("C%03d", i)).toList();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("election,source,level,region,precinct,registered,ballots_issued,invalid,valid,"
                    + candidates.stream().map(c -> "votes:" + c).collect(Collectors.joining(",")) + "\n");
            for (int p = 1; p <= 3; p++) {
                int valid = 10 * candidates.size() + 7 * p;
                out.write("e,official,precinct,R" + p + "," + p + ",2000," + (valid + 10) + ",10," + valid);
                for (int c = 0; c < candidates.size(); c++) {
                    out.write("," + (10 + (c == 0 ? 7 * p : 0)));
                }
                out.write("\n");
            }
        }
        return file;
    }

    /** Text inside a YAML double-quoted scalar. */
    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String read(Path run, String file) throws IOException {
        return Files.readString(run.resolve(file), StandardCharsets.UTF_8);
    }

    private static String readUnchecked(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
