package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.checks.CheckCatalog;

/**
 * Calibration end to end on a small election (600 precincts in 5 regions, 3 seeds): every check of the catalog
 * appears with its rate, and round_percentages catches regional totals back-computed from whole percentages. Why
 * it must: a region of about 120 precincts has some 40,000 valid votes, so a count is round at whole percents by
 * chance with p = 100 / 40,000 = 0.0025; three rounded regions give 3 × 4 candidate cells plus 3 turnout cells
 * all round, against an expected total of about 0.05 over the table's 24 cells, a tail probability far below
 * the check's level of 0.01.
 */
class CalibrationTest {
    @TempDir
    static Path dir;

    @Test
    void everyCheckIsMeasuredAndRoundRegionalTotalsAreCaught() throws Exception {
        SyntheticSpec election = SyntheticElectionTest.spec(dir, "calib", 600, 2, "{}");
        Files.writeString(dir.resolve("calibration.yaml"), """
                election: calib2.yaml
                seeds: 3
                scenarios:
                  - irregularity: round_regional_totals
                    expected_checks: [round_percentages, not_yet_written]
                    strengths: [{regions: 3, decimals: 0}]
                output: out
                """);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path out = Calibration.run(SparkTestSession.get(), dir.resolve("calibration.yaml"),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(election.output().endsWith("calib-2"));
        List<String> rows = Files.readAllLines(out.resolve("tables").resolve(Calibration.TABLE + ".csv"));
        // header, each catalog check honest and planted, and a row saying the expected not_yet_written is missing
        assertEquals(2 + 2 * CheckCatalog.ids().size(), rows.size(), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",not_yet_written,yes,0,")), rows.toString());
        String caught = rows.stream().filter(r -> r.startsWith("planted,round_regional_totals,")
                && r.contains(",round_percentages,yes,")).findFirst().orElseThrow();
        assertTrue(caught.contains(",3,3,1.0000,"), caught);
        String honest = rows.stream().filter(r -> r.startsWith("honest,") && r.contains(",round_percentages,"))
                .findFirst().orElseThrow();
        assertTrue(honest.contains(",no,3,"), honest);
        assertTrue(Files.exists(out.resolve("report.pdf")));
    }
}
