package org.sanaq.synthetic;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.checks.ContentKeys;
import org.sanaq.checks.digits.DigitTestsCheck;
import org.sanaq.checks.digits.LocalDigitTests;
import org.sanaq.ingest.Ingest;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;
import org.sanaq.run.DuplicateProtocols;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpec;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;
import org.sanaq.run.SpecException;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The digit calibration judges each election in-process as a Spark run judges the same generated files, and its
 * table is the tally of its elections whatever the number of threads.
 */
class DigitCalibrationTest {
    @TempDir
    Path dir;

    private static SyntheticSpec realistic(long precincts, Map<String, Map<String, Double>> plants, Path output)
            throws SpecException {
        SyntheticSpec spec = SyntheticSpec.load(Path.of("jobs/synthetic/realistic.yaml"));
        return spec.with(spec.seed(), precincts, 2, output.toString(), plants);
    }

    /**
     * 2,000 precincts of the realistic election with last digits planted in 5 % of them, written by the generator
     * and run through Spark with the digit tests' defaults, give the same metrics, findings and tables as the
     * in-process run of the same precincts (the files named as Spark names them, for the dip's jitter); the moment
     * statistics to 1e-9, as Spark adds their sums in another order.
     */
    @Test
    void inProcessDigitTestsAreThoseOfASparkRun() throws Exception {
        SyntheticSpec spec = realistic(2_000, Map.of("last_digit", Map.of("fraction", 0.05)), dir.resolve("data"));
        SyntheticElection.generate(SparkTestSession.get(), spec, 0);
        Path job = Path.of(spec.output(), SyntheticElection.JOB_FILE);
        Files.writeString(job, Files.readString(job).replaceAll("(?s)checks:.*", "checks:\n  digit_tests: {}\n"
                + "output: report\n"));
        JobSpec loaded = JobSpecLoader.load(job);
        Dataset<Row> ingested = DuplicateProtocols.mark(Ingest.read(SparkTestSession.get(), loaded.inputs()))
                .cache();
        CheckOutcome spark = JobRunner.judge(loaded, ingested, new Progress(new PrintStream(
                OutputStream.nullOutputStream()), 2)).stream().filter(o -> o.check().equals(DigitTestsCheck.ID))
                .findFirst().orElseThrow();
        String[] files = new String[spec.files()];
        for (int f = 0; f < files.length; f++) {
            files[f] = ingested.filter(col(Field.PRECINCT.column()).equalTo(Long.toString(PrecinctFile.first(spec,
                    f) + 1))).select(ProtocolSchema.FILE).first().getString(0);
        }
        ingested.unpersist();

        // the run seeds the dip's jitter by the files' SHA-256: the in-process run is given the same keys
        Map<String, String> sha256 = new LinkedHashMap<>();
        for (String file : files) {
            sha256.put(file, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(Path.of(spec.output()).resolve(file)))));
        }
        CheckOutcome local = DigitCalibration.outcome(spec, f -> files[f], ContentKeys.ofSha256(sha256));
        assertTrue(spark.findings().stream().anyMatch(f -> f.verdict() == Verdict.FLAG), "nothing to compare");
        assertEquals(spark.metrics().size(), local.metrics().size());
        for (int i = 0; i < spark.metrics().size(); i++) {
            Metric expected = spark.metrics().get(i);
            Metric actual = local.metrics().get(i);
            assertEquals(List.of(expected.scope(), expected.subject(), expected.metric()), List.of(actual.scope(),
                    actual.subject(), actual.metric()));
            // Skew, Kurt and Sobyanin add moment sums per partition and merge them: another order of additions
            assertEquals(expected.value(), actual.value(), 1e-9 * Math.max(1, Math.abs(expected.value())),
                    expected.toString());
        }
        // in-process there are no random groups (no units' sizes before the precincts): placebos set aside
        assertSame(withoutPlacebos(spark.findings()), withoutPlacebos(local.findings()));
        assertSame(spark.tables(), local.tables());
        assertSame(spark.figures(), local.figures());
    }

    private static List<Finding> withoutPlacebos(List<Finding> findings) {
        return findings.stream().map(f -> new Finding(f.check(), f.scope(), f.subject(), f.statistic(), f.value(),
                f.pValue(), f.pAdjusted(), f.verdict(), f.sentence(), f.evidence(), f.effect(), f.explainedBy()))
                .toList();
    }

    /** Equal lists, the first difference named (the lists are thousands of metrics long). */
    private static <T> void assertSame(List<T> expected, List<T> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "item " + i);
        }
        assertEquals(expected.size(), actual.size());
    }

    /** The tally is the same on one thread and on two, and counts the seeds in which each statistic flagged. */
    @Test
    void theTallyDoesNotDependOnThreads() throws Exception {
        SyntheticSpec spec = realistic(2_000, Map.of("last_digit", Map.of("fraction", 0.05)), dir);
        DigitCalibration.Tally one = DigitCalibration.tally(spec, "planted", 3, 1);
        DigitCalibration.Tally two = DigitCalibration.tally(spec, "planted", 3, 2);
        assertEquals(one, two);
        Map<String, Integer> bySeed = new LinkedHashMap<>();
        for (int k = 0; k < 3; k++) {
            DigitCalibration.flagged(spec.with(spec.seed() + k, spec.precincts(), spec.files(), spec.output(),
                    spec.irregularities())).forEach(s -> bySeed.merge(s, 1, Integer::sum));
        }
        one.flaggedSeeds().forEach((statistic, k) -> assertEquals(bySeed.getOrDefault(statistic, 0), k, statistic));
        assertTrue(one.flaggedSeeds().get(DigitCalibration.ANY) > 0, one.toString());
    }

    /**
     * {@code sanaq calibrate} on a digit calibration spec runs it without Spark and writes the table (a row per
     * statistic, and any, per size and scenario) and the honest rates.
     */
    @Test
    void theCalibrateCommandWritesTheTableAndTheHonestRates() throws Exception {
        Path spec = dir.resolve("digits.yaml");
        Files.writeString(spec, String.join("\n", "digit_statistics:",
                "  election: " + Path.of("jobs/synthetic/realistic.yaml").toAbsolutePath(),
                "  threads: 1", "  sizes: [{precincts: 500, seeds: 2, planted_seeds: 1}]",
                "  planted: {last_digit: {fraction: 0.05}}", "  table: out/digit_calibration.csv",
                "  honest_rates: out/honest.csv", ""));
        assertEquals(0, SyntheticCommands.run(List.of("calibrate", spec.toString()), new PrintStream(
                OutputStream.nullOutputStream())));
        int statistics = LocalDigitTests.flaggingStatistics().size() + 1;
        List<String> table = Files.readAllLines(dir.resolve("out/digit_calibration.csv"));
        assertEquals(String.join(",", DigitCalibration.COLUMNS), table.get(0));
        assertEquals(1 + 2 * statistics, table.size());
        assertTrue(table.get(1).startsWith("500,honest,lastc,2,"), table.get(1));
        assertTrue(table.get(1 + statistics).startsWith("500,last_digit fraction=0.05,lastc,1,"),
                table.get(1 + statistics));
        assertEquals("# The honest rows of the digit calibration, written by `sanaq calibrate " + spec + "`: in how "
                + "many honest synthetic elections of each size each digit statistic flagged any cell (any unit, any "
                + "row).", Files.readAllLines(dir.resolve("out/honest.csv")).get(0));
        HonestRates rates = HonestRates.read(Files.newInputStream(dir.resolve("out/honest.csv")));
        assertEquals(2, rates.forSize(500, "c05s").orElseThrow().seeds());
    }

    @Test
    void rowsGiveTheRateAndItsExactBounds() {
        Map<String, Integer> flagged = new LinkedHashMap<>();
        flagged.put("lastc", 2);
        flagged.put("c05s", 0);
        List<List<String>> rows = DigitCalibration.rows(List.of(new DigitCalibration.Tally(20_000, "honest", 200,
                flagged)), 0.01);
        assertEquals(List.of("20000", "honest", "lastc", "200", "2", "0.0100", "0.0100", "0.0018", "0.0311"),
                rows.get(0));
        assertEquals(List.of("20000", "honest", "c05s", "200", "0", "0.0000", "0.0100", "0.0000", "0.0149"),
                rows.get(1));
    }

    @Test
    void theShippedSpecIsADigitCalibrationAndMistakesAreNamed() throws Exception {
        Path shipped = Path.of("jobs/synthetic/digit-calibration.yaml");
        assertTrue(DigitCalibration.describes(shipped));
        assertFalse(DigitCalibration.describes(Path.of("jobs/synthetic/calibration.yaml")));
        DigitCalibration.Settings s = DigitCalibration.parse(new YAMLMapper().readTree(shipped.toFile())
                .path(DigitCalibration.KEY), shipped.toAbsolutePath().getParent(), "d.yaml");
        assertEquals(List.of(new DigitCalibration.Size(20_000, 200, 30), new DigitCalibration.Size(100_000, 200, 30),
                new DigitCalibration.Size(1_000_000, 3, 0)), s.sizes());
        assertEquals(Map.of("last_digit", Map.of("fraction", 0.05)), s.planted());
        assertEquals(Path.of("reports/calibration/tables/digit_calibration.csv").toAbsolutePath(), s.table());

        Path base = shipped.toAbsolutePath().getParent();
        SpecException unknown = assertThrows(SpecException.class, () -> DigitCalibration.parse(
                new YAMLMapper().readTree("{sizes: [{precincts: 10, seeds: 1}], seed: 3}"), base, "d.yaml"));
        assertTrue(unknown.getMessage().contains("digit_statistics.seed: unknown"), unknown.getMessage());
        SpecException noSizes = assertThrows(SpecException.class, () -> DigitCalibration.parse(
                new YAMLMapper().readTree("{threads: 2}"), base, "d.yaml"));
        assertTrue(noSizes.getMessage().contains("sizes"), noSizes.getMessage());
        SpecException planted = assertThrows(SpecException.class, () -> DigitCalibration.parse(new YAMLMapper()
                .readTree("{sizes: [{precincts: 10, seeds: 1}], planted: {last_digits: {}}}"), base, "d.yaml"));
        assertTrue(planted.getMessage().contains("planted.last_digits: unknown"), planted.getMessage());
    }
}
