package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.results.Finding;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;

/**
 * The shipped synthetic elections (datasets/synthetic, 2,000 precincts): the honest one is not flagged, the one
 * whose counts were written as multiples of 5 in 10 % of precincts is, by C05s and LastC.
 * Fewer replicates than the default keep the test short; the flags do not depend on them here.
 */
class SyntheticDigitsTest {
    @TempDir
    Path dir;

    private RunFolder.Contents run(String dataset) throws Exception {
        Path data = TestData.project().resolve("datasets/synthetic").resolve(dataset);
        Files.writeString(dir.resolve("job.yaml"), String.join("\n", "job: digits", "election: synthetic-" + dataset,
                "country: Synthland", "inputs:", "  - id: p", "    files:",
                "      - " + data.resolve("precincts-00000.csv"), "      - " + data.resolve("precincts-00001.csv"),
                "    mapping: " + TestData.project().resolve("jobs/mappings/canonical.yaml"), "checks:",
                "  digit_tests: {replicates: 200, dip_simulations: 200}", "output: out-" + dataset, ""),
                StandardCharsets.UTF_8);
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(JobSpecLoader.load(dir.resolve("job.yaml")), SparkTestSession.get());
        return RunFolder.read(dir.resolve("out-" + dataset));
    }

    private static List<Finding> flags(RunFolder.Contents contents) {
        return contents.findings().stream().filter(f -> f.check().equals(DigitTestsCheck.ID)
                && f.verdict() == Verdict.FLAG && !f.subject().equals("all")).toList();
    }

    @Test
    void honestElectionIsNotFlaggedAndLastDigitFabricationIs() throws Exception {
        RunFolder.Contents clean = run("clean");
        assertEquals(List.of(), flags(clean));
        // 13 regions' and the nation's rows for turnout and four candidates
        assertTrue(clean.metrics().stream().anyMatch(m -> m.scope().equals("region=Region 07")
                && m.subject().equals("Leader") && m.metric().equals("2bl_ci_low")));

        List<Finding> flagged = flags(run("last-digit"));
        assertTrue(flagged.stream().anyMatch(f -> f.scope().equals("national") && f.statistic().equals("c05s")
                && f.subject().equals("Second")), flagged.toString());
        // the smooth null's chi-square needs neighbours of 20 precincts, which 2,000 precincts spread over a hundred
        // values or more rarely give; LastC sees the fabrication instead
        assertTrue(flagged.stream().anyMatch(f -> f.scope().equals("national") && f.statistic().equals("lastc")
                && f.subject().equals("Fourth")), flagged.toString());
    }
}
