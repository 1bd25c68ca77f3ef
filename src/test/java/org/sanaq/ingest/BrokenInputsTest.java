package org.sanaq.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.SpecException;
import org.sanaq.schema.ProtocolSchema;

/**
 * The corpus of broken inputs in src/test/resources/broken/, each with the outcome it must get (cases.csv): a run
 * that completes with exactly the bad rows quarantined (file, line, reason), or a stop before Spark starts with one
 * message naming the file, the line and what to fix. Every file goes through the canonical mapping.
 */
class BrokenInputsTest {
    private static final Path CORPUS = TestData.project().resolve("src/test/resources/broken");
    private static final Path CANONICAL = TestData.project().resolve("jobs/mappings/canonical.yaml");

    @TempDir
    static Path work;

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CORPUS.resolve("cases.csv")).stream().skip(1)
                .map(line -> line.split(",", 5))
                .map(c -> Arguments.of(c[0], c[1], c[2], c[3], c.length > 4 ? c[4] : ""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void eachBrokenInputGetsItsOutcome(String name, String outcome, String used, String quarantined, String message)
            throws Exception {
        Path file = name.startsWith("(generated) ") ? generated(name.substring(12)) : CORPUS.resolve(name);
        Path job = job(file);
        if (outcome.equals("stop")) {
            SpecException e = assertThrows(SpecException.class, () -> JobSpecLoader.load(job));
            String m = e.getMessage();
            assertEquals(1, m.lines().count(), "one message: " + m);
            assertTrue(m.contains(file.getFileName().toString()), "names the file: " + m);
            assertTrue(m.contains(" line "), "names the line: " + m);
            assertTrue(m.contains(message), "says what to fix (" + message + "): " + m);
            return;
        }
        InputSpec input = JobSpecLoader.load(job).inputs().get(0);
        Dataset<Row> rows = Ingest.read(SparkTestSession.get(), List.of(input));
        List<Row> bad = rows.filter(col(ProtocolSchema.REASON).isNotNull()).collectAsList();
        assertEquals(Long.parseLong(used), rows.filter(col(ProtocolSchema.REASON).isNull()).count(), "used");
        assertEquals(Long.parseLong(quarantined), bad.size(), "quarantined: " + bad);
        for (Row r : bad) {
            assertTrue(r.<String>getAs(ProtocolSchema.FILE).contains(file.getFileName().toString()));
            assertTrue(r.<Long>getAs(ProtocolSchema.LINE) >= 2, "a data line: " + r);
        }
        if (!message.isEmpty()) {
            assertTrue(bad.stream().anyMatch(r -> r.<String>getAs(ProtocolSchema.REASON).contains(message)),
                    "a reason says '" + message + "': " + bad);
        }
    }

    @org.junit.jupiter.api.Test
    void aQuotedNewlineKeepsTheLineNumbersOfTheRecordsAfterIt() throws Exception {
        InputSpec input = JobSpecLoader.load(job(CORPUS.resolve("quoted-newlines.csv"))).inputs().get(0);
        List<Row> rows = Ingest.read(SparkTestSession.get(), List.of(input)).orderBy(ProtocolSchema.LINE)
                .collectAsList();
        // line 1 header, 2 precinct 1, 3–4 precinct 2 (its region spans two lines), 5 precinct 3
        assertEquals(List.of(2L, 3L, 5L), rows.stream().map(r -> r.<Long>getAs(ProtocolSchema.LINE)).toList());
        assertEquals("North\nfar side", rows.get(1).getAs("region"));
    }

    @org.junit.jupiter.api.Test
    void bothFilesOfAZipAreReadAndNamed() throws Exception {
        InputSpec input = JobSpecLoader.load(job(CORPUS.resolve("two-files.zip"))).inputs().get(0);
        List<String> files = Ingest.read(SparkTestSession.get(), List.of(input)).select(ProtocolSchema.FILE)
                .distinct().orderBy(ProtocolSchema.FILE).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(2, files.size());
        assertTrue(files.get(0).endsWith("two-files.zip!part1.csv") && files.get(1).endsWith("two-files.zip!part2.csv"),
                files.toString());
        assertFalse(files.get(0).isEmpty());
    }

    /** A job that reads one file through the canonical mapping. */
    private static Path job(Path data) throws IOException {
        Path job = Files.createTempFile(work, "job", ".yaml");
        Files.writeString(job, """
                job: broken
                election: e
                inputs:
                  - id: broken
                    files: %s
                    mapping: %s
                checks:
                  round_percentages:
                output: %s
                """.formatted(data, CANONICAL, work.resolve("out")), StandardCharsets.UTF_8);
        return job;
    }

    /** A file with a 10 MB line between two good ones; generated rather than kept in git. */
    private static Path generated(String name) throws IOException {
        Path file = work.resolve(name);
        List<String> good = Files.readAllLines(CORPUS.resolve("good.csv"));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(good.get(0) + "\n" + good.get(1) + "\n");
            out.write("e,official,precinct,North,2,");
            out.write("9".repeat(10 * 1024 * 1024));
            out.write(",500,5,495,300,195\n" + good.get(3) + "\n");
        }
        return file;
    }
}
