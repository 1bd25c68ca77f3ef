package org.sanaq.run;

import org.sanaq.results.DetailTable;
import org.sanaq.results.Metric;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

/**
 * The negative control: Russia's 2018 presidential polling-station protocols, summed by sanaq to regions and the
 * nation. Sums of counted precincts are not built from round percentages, so the round-percentage check must
 * not flag them. The file has 97,699 data lines (unzip -p 2018.csv.zip | wc -l, minus the header).
 */
class RuCecControlTest {
    @TempDir
    static Path output;
    static RunFolder.Contents run;

    private static final String DATA = "ru-cec/2018.csv.zip";

    @BeforeAll
    static void runJob() throws Exception {
        if (!TestData.hasShared(DATA)) {
            return; // then needsTheData skips (or fails) each test, so that Surefire counts them
        }
        JobSpec spec = JobSpecLoader.load(TestData.project().resolve("jobs/ru-2018-president.yaml"))
                .withOutput(output.resolve("ru"));
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(spec, SparkTestSession.get());
        run = RunFolder.read(output.resolve("ru"));
    }

    @BeforeEach
    void needsTheData() {
        TestData.shared(DATA);
    }

    /**
     * The report renders to PNG pages, its first page listing what it should (see RenderedReport), led by the
     * field's headline number (Shpilkin's estimate with its range), in under 60 pages, appendices included.
     */
    @Test
    void theReportRenders() throws java.io.IOException {
        String first = org.sanaq.report.RenderedReport.assertRendered(output.resolve("ru"), output.resolve("png"));
        assertTrue(first.indexOf("By Shpilkin's method") < first.indexOf("precincts report a whole-number"), first);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                output.resolve("ru").resolve(org.sanaq.report.ReportWriter.PDF).toFile())) {
            assertTrue(pdf.getNumberOfPages() < 60, pdf.getNumberOfPages() + " pages");
        }
    }

    @Test
    void everyStationIsReadAndAccountedFor() {
        Manifest.InputAccount input = run.manifest().inputs().get(0);
        assertEquals(97_699, input.rowsRead());
        assertEquals(input.rowsRead(), input.rowsUsed() + input.rowsQuarantined() + input.rowsSetAside());
    }

    @Test
    void regionalSumsOfCountedBallotsAreNotFlagged() {
        for (Finding f : run.findings().stream().filter(f -> f.check().equals("round_percentages")).toList()) {
            assertNotEquals(Verdict.FLAG, f.verdict(), f.sentence());
        }
    }

    /**
     * Counted independently with Python's csv module over the zip (every relation recomputed from the raw
     * columns): all 97,699 protocols are complete; 6 have more ballots in the boxes than issued (the largest,
     * Екатеринбург, Ленинская, precinct 1495, by 3); every other relation holds everywhere.
     */
    @Test
    void controlRelationViolationsMatchTheIndependentCount() {
        Map<String, Double> violations = run.metrics().stream()
                .filter(m -> m.check().equals("protocol_integrity") && m.scope().equals("national")
                        && m.metric().equals("violations"))
                .collect(Collectors.toMap(Metric::subject, Metric::value));
        assertEquals(6, violations.get("boxes_le_issued"));
        for (String relation : List.of("received_balance", "boxes_balance", "valid_sum", "issued_le_registered",
                "option_le_valid", "counts_non_negative")) {
            assertEquals(0, violations.get(relation), relation);
        }
        assertTrue(run.metrics().stream().anyMatch(m -> m.check().equals("protocol_integrity")
                && m.scope().equals("national") && m.subject().equals("received_balance")
                && m.metric().equals("protocols_checked") && m.value() == 97_699));
        DetailTable worst = run.tables().get("protocol_integrity_boxes_le_issued");
        assertEquals(6, worst.rows().size());
        assertEquals("1495", worst.rows().get(0).get(5));
        assertEquals("3", worst.rows().get(0).get(9));
    }

    @Test
    void theDerivedTableHasOneRowPerRegionAndTheNationAndIsNotTestedForRoundPercentages() {
        // 87 distinct region names in the 2018 file (python: len({row[0] for row in rows})) plus the national
        // row: 88 units of the job's own sums (aggregate), which publish no percentage: counted, not tested
        // (issue 16), so the round-percentage check has no cells
        double derived = run.metrics().stream().filter(m -> m.check().equals("round_percentages")
                && m.metric().equals("derived_units_not_tested")).findFirst().orElseThrow().value();
        assertEquals(88, derived);
        assertTrue(run.metrics().stream().noneMatch(m -> m.check().equals("round_percentages")
                && m.metric().equals("cells")));
    }
}
