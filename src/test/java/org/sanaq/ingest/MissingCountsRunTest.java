package org.sanaq.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.LevelTotals;
import org.sanaq.run.Progress;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolSchema;

/**
 * A run over twelve precinct protocols, one of which gives party B's count as "NA" (a missing-value marker of the
 * mapping): the protocol is used, for everything that does not need B's count there.
 */
class MissingCountsRunTest {
    @TempDir
    static Path dir;
    static JobRunner.Result result;
    static RunFolder.Contents run;

    private static final String MAPPING = """
            name: marked
            missing: ["NA"]
            constants: {election: e, source: official, level: precinct}
            fields:
              region: region
              precinct: precinct
              registered: registered
              ballots_issued: issued
              ballots_cast: cast
              invalid: invalid
              valid: valid
              published_turnout_pct: turnout_pct
            candidates:
              pattern: "^votes:(?<name>.+)$"
            """;

    /**
     * Precinct i (1–12): registered 1000 + 37i, cast = issued = 500 + 11i, invalid 10 + i, valid the rest, A
     * valid/2 + i, B valid/3, C the rest, so every relation holds; precinct 5 (region R2) writes B as NA.
     */
    static String protocols() {
        List<String> rows = new ArrayList<>(List.of(
                "region,precinct,registered,issued,cast,invalid,valid,turnout_pct,votes:A,votes:B,votes:C"));
        for (int i = 1; i <= 12; i++) {
            long registered = 1000 + 37L * i;
            long cast = 500 + 11L * i;
            long invalid = 10 + i;
            long valid = cast - invalid;
            long a = valid / 2 + i;
            long b = valid / 3;
            String turnout = java.math.BigDecimal.valueOf(100.0 * cast / registered)
                    .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
            rows.add(String.join(",", "R" + (1 + i % 2), Integer.toString(i), Long.toString(registered),
                    Long.toString(cast), Long.toString(cast), Long.toString(invalid), Long.toString(valid), turnout,
                    Long.toString(a), i == 5 ? "NA" : Long.toString(b), Long.toString(valid - a - b)));
        }
        return String.join("\n", rows) + "\n";
    }

    @BeforeAll
    static void runJob() throws Exception {
        Files.writeString(dir.resolve("m.yaml"), MAPPING, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("p.csv"), protocols(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("job.yaml"), String.join("\n", "job: marked", "election: e", "country: C",
                "inputs:", "  - id: p", "    files: p.csv", "    mapping: m.yaml", "checks:",
                "  protocol_integrity: {}", "  digit_tests: {}", "  fingerprint: {}", "  integer_peaks: {}",
                "output: out", ""),
                StandardCharsets.UTF_8);
        result = new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(JobSpecLoader.load(dir.resolve("job.yaml")), SparkTestSession.get());
        run = RunFolder.read(dir.resolve("out"));
    }

    private static double national(String check, String subject, String metric) {
        return run.metrics().stream().filter(m -> m.check().equals(check) && m.scope().equals("national")
                && m.subject().equals(subject) && m.metric().equals(metric)).map(Metric::value).findFirst()
                .orElseThrow(() -> new AssertionError(check + " " + subject + " " + metric));
    }

    @Test
    void theRunUsesEveryProtocolAndNoCheckFails() throws Exception {
        // what makes `sanaq run` exit 0: protocols used and no check failed
        assertEquals(12, result.protocolsUsed());
        assertEquals(List.of(), result.failedChecks());
        assertEquals(1, Files.readAllLines(dir.resolve("out/quarantine.csv")).size(), "only the header line");
    }

    @Test
    void turnoutCountsThePrecinctTheCandidateSumDoesNot() {
        assertEquals(12, national("protocol_integrity", "published_turnout_pct", "protocols_checked"));
        assertEquals(12, national("protocol_integrity", "boxes_balance", "protocols_checked"));
        assertEquals(11, national("protocol_integrity", "valid_sum", "protocols_checked"));
        assertEquals(0, national("protocol_integrity", "valid_sum", "violations"));
        // the options it does give are still each checked against the valid ballots
        assertEquals(12, national("protocol_integrity", "option_le_valid", "protocols_checked"));
        assertEquals(12, national("digit_tests", "turnout", "obs"));
        assertEquals(12, national("digit_tests", "A", "obs"));
        assertEquals(11, national("digit_tests", "B", "obs"));
        // the fingerprint needs every candidate's votes (the leader's and everyone else's) of a station
        assertEquals(11, national("fingerprint", "all", "stations"));
        assertEquals(11, national("integer_peaks", "all", "stations_included"));
    }

    @Test
    void aDerivedTotalWithAMissingPartIsNotReported() throws Exception {
        InputSpec input = new InputSpec("p", List.of(dir.resolve("p.csv").toString()),
                MappingLoader.load(dir.resolve("m.yaml")));
        Dataset<Row> protocols = Ingest.read(SparkTestSession.get(), List.of(input))
                .filter(col(ProtocolSchema.REASON).isNull()).drop(ProtocolSchema.REASON, ProtocolSchema.RAW);
        List<Row> regions = LevelTotals.derived(protocols, List.of(Level.REGION), "C").orderBy("region")
                .collectAsList();
        // R1: precincts 2, 4, …, 12; R2: 1, 3, …, 11 with precinct 5's B missing
        Map<String, Long> r1 = new HashMap<>(regions.get(0).getJavaMap(regions.get(0).fieldIndex(ProtocolSchema.VOTES)));
        Map<String, Long> r2 = new HashMap<>(regions.get(1).getJavaMap(regions.get(1).fieldIndex(ProtocolSchema.VOTES)));
        assertEquals(List.of("A", "B", "C"), r1.keySet().stream().sorted().toList());
        assertEquals(1118L, r1.get("B")); // Σ valid/3 over i = 2, 4, …, 12: 170 + 176 + 183 + 190 + 196 + 203
        assertNull(r2.get("B"));
        assertEquals(true, r2.containsKey("B"));
        // the region's other totals stand: registered 6 · 1000 + 37 · (1 + 3 + … + 11) = 7332
        assertEquals(7332L, (long) regions.get(1).<Long>getAs("registered"));
    }
}
