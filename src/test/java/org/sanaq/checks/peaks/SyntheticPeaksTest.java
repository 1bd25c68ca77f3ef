package org.sanaq.checks.peaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.PlannedResults;
import org.sanaq.checks.PrecinctRows;
import org.sanaq.results.CheckOutcome;
import org.sanaq.schema.Conventions;
import org.sanaq.synthetic.SyntheticElection;
import org.sanaq.synthetic.SyntheticSpec;

/**
 * The check against synthetic elections whose truth is known: the planted integer percentages are found in the
 * number planted, whatever the partitioning, and honest elections stay below their 99.9th percentile.
 */
class SyntheticPeaksTest {
    private static final IntegerPeaksCheck CHECK = new IntegerPeaksCheck();
    /** The generator writes the leader's share of valid + invalid ballots and turnout of ballots issued. */
    private static final Conventions GENERATOR = new Conventions(Conventions.Turnout.BALLOTS_ISSUED,
            Conventions.ShareBase.VALID_PLUS_INVALID);

    /**
     * The planted election, computed over 1 and over 7 partitions: the same replicates, bit for bit, and the same
     * exact null up to the order of floating-point addition; then judged against the ground truth.
     */
    @Test
    void excessMatchesThePlantedPrecinctsWhateverThePartitions() throws Exception {
        Path folder = TestData.project().resolve("datasets/synthetic/integer-percentages");
        Dataset<Row> protocols = PrecinctRows.ofJob(folder.resolve("job.yaml"));
        CheckContext context = PrecinctRows.context(CHECK, "synthetic-integer-percentages", GENERATOR,
                Map.of("replicates", 1000));
        PeakResults one = PlannedResults.of(CHECK, context, protocols.repartition(1));
        PeakTally seven = PlannedResults.of(CHECK, context, protocols.repartition(7)).tally();
        assertSameTally(one.tally(), seven);
        CheckOutcome outcome = CHECK.judge(context, one);
        Map<String, Double> m = IntegerPeaksCheckTest.metrics(outcome);
        long planted = plantedAndIncluded(folder);
        // a planted precinct would have been integer by chance anyway with about the average probability q̄,
        // so the excess it adds is 1 − q̄ per precinct on average
        double qBar = m.get("exact_expected_either") / m.get("stations_included");
        double expected = planted * (1 - qBar);
        // within 3 Monte Carlo standard deviations of the count (the spread of the honest precincts' chance hits)
        assertEquals(expected, m.get("excess_either"), 3 * m.get("mc_sd_either"));
        assertTrue(IntegerPeaksCheckTest.flagged(outcome));
    }

    @Test
    void cleanElectionsStayBelowTheirPercentile(@TempDir Path dir) throws Exception {
        SyntheticSpec clean = SyntheticSpec.load(TestData.project().resolve("jobs/synthetic/clean.yaml"));
        int seeds = 5;
        int beyond = 0;
        for (int k = 0; k < seeds; k++) {
            SyntheticSpec spec = clean.with(clean.seed() + 100 + k, 2000, 1, dir.resolve("e" + k).toString(),
                    Map.of());
            SyntheticElection.generate(SparkTestSession.get(), spec, 1);
            Map<String, Double> m = IntegerPeaksCheckTest.metrics(IntegerPeaksCheckTest.run(PrecinctRows.ofJob(
                    dir.resolve("e" + k).resolve(SyntheticElection.JOB_FILE)), spec.election(), GENERATOR, Map.of("replicates", 200)));
            beyond += m.get("excess_either") > m.get("mc_p999_minus_mean_either") ? 1 : 0;
        }
        // each seed is beyond with probability about 1/1000: one of five is already a strong sign of a fault
        assertTrue(beyond <= 1, beyond + " of " + seeds + " honest elections beyond their 99.9th percentile");
    }

    private static void assertSameTally(PeakTally one, PeakTally seven) {
        assertEquals(one.included, seven.included);
        assertArrayEquals(one.observed, seven.observed);
        for (int f = 0; f < 3; f++) {
            assertArrayEquals(one.replicates[f], seven.replicates[f], PeakTally.FIGURES[f]);
            assertArrayEquals(one.replicateVoters[f], seven.replicateVoters[f], PeakTally.FIGURES[f]);
            // sums of ~2,000 doubles in another order: equal to about 1e-13 relative, 1e-9 is ample
            assertEquals(one.expected[f], seven.expected[f], 1e-9 * one.expected[f]);
            assertEquals(one.variance[f], seven.variance[f], 1e-9 * one.variance[f]);
        }
        assertArrayEquals(one.histogram[PeakTally.TURNOUT], seven.histogram[PeakTally.TURNOUT]);
    }

    /** Precincts named in the ground truth whose protocol passes the check's inclusion rules. */
    private static long plantedAndIncluded(Path folder) throws Exception {
        Map<String, List<String>> lines = new HashMap<>();
        long n = 0;
        for (int f = 0; f < 2; f++) {
            for (String truth : Files.readAllLines(folder.resolve(String.format("truth-%05d.csv", f)),
                    StandardCharsets.UTF_8)) {
                String[] t = truth.split(",");
                if (!t[5].equals("integer_percentages")) {
                    continue;
                }
                List<String> data = lines.computeIfAbsent(t[3], file -> read(folder.resolve(file)));
                List<String> header = List.of(data.get(0).split(","));
                String[] row = data.get(Integer.parseInt(t[4]) - 1).split(",");
                long v = Long.parseLong(row[header.indexOf("registered")]);
                long g = Long.parseLong(row[header.indexOf("ballots_issued_early")])
                        + Long.parseLong(row[header.indexOf("ballots_issued_in_station")])
                        + Long.parseLong(row[header.indexOf("ballots_issued_outside")]);
                long r = Long.parseLong(row[header.indexOf("valid")]) + Long.parseLong(row[header.indexOf("invalid")]);
                long l = Long.parseLong(row[header.indexOf("votes:Leader")]);
                n += v >= 100 && r > 0 && 100 * g <= 99 * v && 100 * l <= 99 * r ? 1 : 0;
            }
        }
        return n;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
