package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.results.Manifest;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;

/**
 * Same inputs, same bytes: the synthetic election round-regional-totals (2,000 precincts: the dip test is taken on
 * every row; a regional table whose cells the integrity and round-percentage checks cite by file and line), with one
 * precinct file inside a zip, copied with its job and mapping into two folders of different names and depths (the
 * precinct files renamed in one) and run in each. findings.json, metrics.csv and every table are byte-identical, and none names a folder of the machine.
 */
class SameBytesTest {
    private static final Path DATA = TestData.project().resolve("datasets/synthetic/round-regional-totals");

    @TempDir
    static Path work;
    static Path first;
    static Path second;

    @BeforeAll
    static void runTheSameJobInTwoFolders() throws Exception {
        byte[] zip = zipped(DATA.resolve("precincts-00001.csv"));
        first = run(work.resolve("a"), "precincts", zip);
        second = run(work.resolve("elsewhere/b/c"), "copied", zip);
    }

    /**
     * The job with its data copied into {@code folder}, the precinct files' names starting with {@code prefix}, run;
     * its run folder. The regional table keeps its name: findings cite it by name and line.
     */
    private static Path run(Path folder, String prefix, byte[] zip) throws Exception {
        Files.createDirectories(folder);
        Files.copy(DATA.resolve("precincts-00000.csv"), folder.resolve(prefix + "-00000.csv"));
        Files.copy(DATA.resolve("regions.csv"), folder.resolve("regions.csv"));
        Files.write(folder.resolve(prefix + "-00001.zip"), zip);
        Files.copy(TestData.project().resolve("jobs/mappings/canonical.yaml"), folder.resolve("canonical.yaml"));
        String job = Files.readString(DATA.resolve("job.yaml"), StandardCharsets.UTF_8)
                .replace("../../../jobs/mappings/canonical.yaml", "canonical.yaml")
                .replace("precincts-00000.csv", prefix + "-00000.csv")
                .replace("precincts-00001.csv", prefix + "-00001.zip");
        Path jobFile = folder.resolve("job.yaml");
        Files.writeString(jobFile, job, StandardCharsets.UTF_8);
        JobSpec spec = JobSpecLoader.load(jobFile);
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8"), 4))
                .run(spec, SparkTestSession.get());
        return spec.output();
    }

    private static byte[] zipped(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** findings.json, metrics.csv and the tables, by their names in the run folder. */
    private static List<String> outputs(Path run) throws IOException {
        try (Stream<Path> tables = Files.list(run.resolve("tables"))) {
            return Stream.concat(Stream.of("findings.json", "metrics.csv"),
                    tables.map(t -> "tables/" + t.getFileName()).sorted()).toList();
        }
    }

    @Test
    void findingsMetricsAndTablesAreByteIdentical() throws IOException {
        List<String> names = outputs(first);
        assertEquals(names, outputs(second));
        assertTrue(names.size() > 5, names.toString());
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
        }
    }

    /** The comparison above covers the dip: its p-values are in the metrics, for turnout and every candidate. */
    @Test
    void theDipIsAmongTheComparedMetrics() throws IOException {
        List<Metric> dips = RunFolder.read(first).metrics().stream()
                .filter(m -> m.check().equals("digit_tests") && m.metric().equals("dipt_p")).toList();
        // turnout and four candidates, in the nation and 12 regions
        assertEquals(5 * 13, dips.size());
    }

    /** Outputs name the data files as the job does (relative to its folder), never by a folder of the machine. */
    @Test
    void noOutputNamesAFolderOfTheMachine() throws IOException {
        String folder = work.toString();
        for (String name : outputs(first)) {
            String text = Files.readString(first.resolve(name), StandardCharsets.UTF_8);
            assertFalse(text.contains(folder), name + " names " + folder);
        }
        String findings = Files.readString(first.resolve("findings.json"), StandardCharsets.UTF_8);
        assertTrue(findings.contains("regions.csv line "), "findings cite the regional table by file and line");
        // the manifest and the summaries name the mapping and the data files relative to the run folder
        for (String name : List.of("manifest.json", "summary.html", "summary.md")) {
            String text = Files.readString(first.resolve(name), StandardCharsets.UTF_8);
            assertFalse(text.contains(folder), name + " names " + folder);
        }
        Manifest.InputAccount precincts = RunFolder.read(first).manifest().inputs().stream()
                .filter(i -> i.files().size() > 1).findFirst().orElseThrow();
        assertEquals("../canonical.yaml", precincts.mapping());
        assertEquals("../precincts-00000.csv", precincts.files().get(0).path());
    }
}
