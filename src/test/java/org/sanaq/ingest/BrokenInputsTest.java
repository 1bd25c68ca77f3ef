package org.sanaq.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.results.Manifest;
import org.sanaq.run.DuplicateProtocols;
import org.sanaq.run.InputAccounting;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.SpecException;
import org.sanaq.schema.ProtocolSchema;

/**
 * The corpus of broken inputs in src/test/resources/broken/, each with the outcome it must get (cases.csv): a run
 * that completes with exactly the bad rows quarantined (file, line, reason) and the copies of a protocol set aside,
 * every row accounted for; a stop before Spark starts with one message naming the file, the line and what to fix;
 * or a refusal of the file itself (what it is and what to do, no line). Every file goes through the canonical
 * mapping. Cases named "(generated) …" are made at test time by {@link GeneratedInputs}.
 */
class BrokenInputsTest {
    private static final Path CORPUS = TestData.project().resolve("src/test/resources/broken");
    private static final Path CANONICAL = TestData.project().resolve("jobs/mappings/canonical.yaml");
    private static final String GENERATED = "(generated) ";

    @TempDir
    static Path work;

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CORPUS.resolve("cases.csv")).stream().skip(1)
                .map(line -> line.split(",", 6))
                .map(c -> Arguments.of(c[0], c[1], c[2], c[3], c[4], c.length > 5 ? c[5] : ""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void eachBrokenInputGetsItsOutcome(String name, String outcome, String used, String quarantined,
            String setAside, String message) throws Exception {
        GeneratedInputs.Generated made = name.startsWith(GENERATED)
                ? GeneratedInputs.make(name.substring(GENERATED.length()), CORPUS, work)
                : new GeneratedInputs.Generated(CORPUS.resolve(name), "");
        Path file = made.file();
        Path job = job(file, made.inputKeys());
        assertTrue(Set.of("run", "stop", "refuse").contains(outcome), "a known outcome: " + outcome);
        if (!outcome.equals("run")) {
            SpecException e = assertThrows(SpecException.class, () -> JobSpecLoader.load(job));
            String m = e.getMessage();
            assertEquals(1, m.lines().count(), "one message: " + m);
            assertTrue(m.contains(file.getFileName().toString()), "names the file: " + m);
            assertEquals(outcome.equals("stop"), m.contains(" line "), "names the line when it stops: " + m);
            assertTrue(m.contains(message), "says what to fix (" + message + "): " + m);
            return;
        }
        InputSpec input = JobSpecLoader.load(job).inputs().get(0);
        Dataset<Row> rows = DuplicateProtocols.mark(Ingest.read(SparkTestSession.get(), List.of(input)));
        List<Row> bad = rows.filter(col(ProtocolSchema.REASON).isNotNull()).collectAsList();
        Manifest.InputAccount account = InputAccounting.account(rows, List.of(input),
                SparkTestSession.get().sparkContext().hadoopConfiguration()).get(0);
        assertEquals(Long.parseLong(used), account.rowsUsed(), "used");
        assertEquals(Long.parseLong(quarantined), account.rowsQuarantined(), "quarantined: " + bad);
        assertEquals(Long.parseLong(setAside), account.rowsSetAside(), "set aside");
        assertEquals(account.rowsRead(), account.rowsUsed() + account.rowsQuarantined() + account.rowsSetAside());
        assertEquals(Long.parseLong(quarantined), bad.size(), "quarantined rows: " + bad);
        assertEquals(List.of(file.toString()), account.files().stream().map(Manifest.FileHash::path).toList(),
                "the manifest lists exactly the file named");
        assertEquals(Files.isSymbolicLink(file) ? file.toRealPath().toString() : null,
                account.files().get(0).target(), "a link's target is recorded");
        assertEquals(Files.size(file), account.files().get(0).bytes(), "the file named is the file hashed");
        for (Row r : bad) {
            assertTrue(r.<String>getAs(ProtocolSchema.FILE).contains(file.getFileName().toString()));
            assertTrue(r.<Long>getAs(ProtocolSchema.LINE) >= 2, "a data line: " + r);
        }
        if (!message.isEmpty()) {
            assertTrue(bad.stream().anyMatch(r -> r.<String>getAs(ProtocolSchema.REASON).contains(message)),
                    "a reason says '" + message + "': " + bad);
        }
        for (Row r : rows.filter(col(ProtocolSchema.REASON).isNull()).collectAsList()) {
            String names = r.getAs("region") + "|" + r.getAs("precinct") + "|" + r.getJavaMap(r.fieldIndex(
                    ProtocolSchema.VOTES)).keySet();
            assertFalse(CONTROLS.matcher(names).find(), "no NUL or bidi control in a used row's names: " + names);
        }
    }

    private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile(
            "[\\x{0}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}\\x{200E}\\x{200F}\\x{061C}]");

    @org.junit.jupiter.api.Test
    void aNulInARegionNameMakesNoNewRegionAndTheRowKeepsItsRawText() throws Exception {
        InputSpec input = JobSpecLoader.load(job(CORPUS.resolve("nul-in-region.csv"), "")).inputs().get(0);
        Dataset<Row> rows = DuplicateProtocols.mark(Ingest.read(SparkTestSession.get(), List.of(input)));
        assertEquals(List.of("North"), rows.select("region").distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
        assertEquals(List.of("e,official,precinct,Nor\u0000th,2,800,500,5,495,300,195"),
                rows.filter(col(ProtocolSchema.RAW).isNotNull()).select(ProtocolSchema.RAW)
                        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList(), "the raw text of line 3");
        assertEquals(1, InputAccounting.account(rows, List.of(input),
                SparkTestSession.get().sparkContext().hadoopConfiguration()).get(0).namesCleaned());
    }

    @org.junit.jupiter.api.Test
    void bidiControlsInACandidatesHeaderLeaveItsPlainName() throws Exception {
        InputSpec input = JobSpecLoader.load(job(CORPUS.resolve("bidi-in-candidate.csv"), "")).inputs().get(0);
        Dataset<Row> rows = DuplicateProtocols.mark(Ingest.read(SparkTestSession.get(), List.of(input)));
        assertEquals(List.of("A", "B"), rows.selectExpr("explode(map_keys(votes))").distinct().orderBy("col")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertEquals(List.of("North"), rows.select("region").distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
        assertEquals(2, InputAccounting.account(rows, List.of(input),
                SparkTestSession.get().sparkContext().hadoopConfiguration()).get(0).namesCleaned(),
                "every row: the candidates' names in the header were cleaned");
    }

    @org.junit.jupiter.api.Test
    void aQuotedNewlineKeepsTheLineNumbersOfTheRecordsAfterIt() throws Exception {
        InputSpec input = JobSpecLoader.load(job(CORPUS.resolve("quoted-newlines.csv"), "")).inputs().get(0);
        List<Row> rows = Ingest.read(SparkTestSession.get(), List.of(input)).orderBy(ProtocolSchema.LINE)
                .collectAsList();
        // line 1 header, 2 precinct 1, 3–4 precinct 2 (its region spans two lines), 5 precinct 3
        assertEquals(List.of(2L, 3L, 5L), rows.stream().map(r -> r.<Long>getAs(ProtocolSchema.LINE)).toList());
        assertEquals("North\nfar side", rows.get(1).getAs("region"));
    }

    @org.junit.jupiter.api.Test
    void bothFilesOfAZipAreReadAndNamed() throws Exception {
        InputSpec input = JobSpecLoader.load(job(CORPUS.resolve("two-files.zip"), "")).inputs().get(0);
        List<String> files = Ingest.read(SparkTestSession.get(), List.of(input)).select(ProtocolSchema.FILE)
                .distinct().orderBy(ProtocolSchema.FILE).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(2, files.size());
        assertTrue(files.get(0).endsWith("two-files.zip!part1.csv") && files.get(1).endsWith("two-files.zip!part2.csv"),
                files.toString());
        assertFalse(files.get(0).isEmpty());
    }

    /** A job that reads one file through the canonical mapping; the file's name is quoted, as it may hold anything. */
    static Path job(Path data, String inputKeys) throws IOException {
        Path job = Files.createTempFile(work, "job", ".yaml");
        Files.writeString(job, """
                job: broken
                election: e
                inputs:
                  - id: broken
                    files: '%s'
                    mapping: %s
                    %s
                checks:
                  round_percentages:
                output: %s
                """.formatted(data.toString().replace("'", "''"), CANONICAL, inputKeys, work.resolve("out")),
                StandardCharsets.UTF_8);
        return job;
    }
}
