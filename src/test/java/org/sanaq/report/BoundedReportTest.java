package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.checks.CheckCatalog;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

/**
 * The report on its own, without Spark, is safe with hostile shapes: a run that used nothing says so first on page
 * 1 with the reasons rows were set aside; 20,000 candidates with a chart and a finding each write a report in
 * bounded time, with 200 charts and the rest named; names longer than 80 characters are cut, and only in the report.
 */
class BoundedReportTest {
    private static final int CANDIDATES = 20_000;

    @TempDir
    Path folder;

    @Test
    void aRunThatUsedNothingSaysSoFirstWithItsReasons() throws Exception {
        Files.writeString(folder.resolve(RunFolder.QUARANTINE), """
                input,file,line,reason,raw
                data,a.csv,2,registered: not a whole number 'x',"e,official"
                data,a.csv,3,registered: not a whole number 'x',"e,official"
                data,a.csv,4,the record has 7 cells where the header has 11,"e"
                """, StandardCharsets.UTF_8);
        ReportWriter.write(folder, contents(manifest(3, 0, 3), List.of(), List.of(), Map.of()),
                id -> CheckCatalog.describe(id));
        String line = "Nothing in the inputs could be used: 3 rows read, 3 set aside. No check could test anything.";
        String md = read(ReportWriter.MARKDOWN);
        assertTrue(md.indexOf(line) > 0 && md.indexOf(line) < md.indexOf("What the checks found"), "first: " + md);
        assertTrue(md.contains("Set aside: registered: not a whole number 'x' (2 rows)"), md);
        assertTrue(md.contains("Set aside: the record has 7 cells where the header has 11 (1 row)"), md);
        assertTrue(read(ReportWriter.HTML).contains("<p class=\"flag\">" + line + "</p>"));
        String page1 = pdfPage1();
        assertTrue(page1.replace("\n", " ").contains(line), page1);
    }

    @Test
    void aRunThatUsedSomethingDoesNotSayNothingWasUsed() throws Exception {
        ReportWriter.write(folder, contents(manifest(3, 2, 1), List.of(), List.of(), Map.of()),
                id -> CheckCatalog.describe(id));
        assertFalse(read(ReportWriter.MARKDOWN).contains("Nothing in the inputs could be used"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a hang guard; the bounds are the assertions
    void twentyThousandCandidatesWriteABoundedReportWithLongNamesCut() throws Exception {
        String longName = "Ω".repeat(5_000);
        List<Finding> findings = new ArrayList<>();
        List<FigureSpec> figures = new ArrayList<>();
        List<List<String>> digits = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            String name = i == 0 ? longName : String.format("Candidate %05d", i);
            findings.add(new Finding("digit_tests", "national", name, "flagged_cells", 0.0, null, null,
                    Verdict.INCONCLUSIVE, "Nationally, " + name + " has 3 counts of at least 10: too few.", List.of(), null));
            figures.add(new FigureSpec("digit_tests", "digit_tests_last_" + i, "histogram_vs_expected",
                    "Last digits of " + name, "digit_tests_digits", Map.of("bin_low", "bin_low", "bin_high",
                            "bin_high", "observed", "observed", "expected", "expected"),
                    Map.of("subject", name), "digit", "counts", "caption"));
            for (int d = 0; d < 10; d++) {
                digits.add(List.of(name, Double.toString(d - 0.4), Double.toString(d + 0.4), "3", "0.30"));
            }
        }
        Map<String, DetailTable> tables = new LinkedHashMap<>();
        tables.put("digit_tests_digits", new DetailTable("digit_tests_digits", "Digits",
                List.of("subject", "bin_low", "bin_high", "observed", "expected"), digits));
        RunFolder.Contents contents = contents(manifest(3, 3, 0), findings, figures, tables);
        RunFolder.write(folder, contents);
        ReportWriter.write(folder, contents, id -> CheckCatalog.describe(id));

        String html = read(ReportWriter.HTML);
        assertEquals(ReportPlan.MAX_CHARTS, html.split("<img ", -1).length - 1, "charts capped");
        String md = read(ReportWriter.MARKDOWN);
        assertTrue(md.contains("19,800 of the 20,000 charts this run asks for are not drawn (a report draws at most "
                + "200); their data are in tables/digit_tests_digits.csv."), md.substring(0, 3000));
        String cut = "Ω".repeat(ShownText.MAX_NAME) + "…";
        assertTrue(md.contains(cut) && !md.contains("Ω".repeat(ShownText.MAX_NAME + 1)), "the name cut in summary.md");
        assertFalse(html.contains("Ω".repeat(ShownText.MAX_NAME + 1)), "and in summary.html");
        assertTrue(Files.readString(folder.resolve("tables/digit_tests_digits.csv")).contains(longName),
                "whole in the table");
        assertTrue(read(RunFolder.FINDINGS).contains(longName), "whole in findings.json");
    }

    @Test
    void theChartCapSharesFairlySoOneCheckWithAChartPerCandidateLeavesTheOthersTheirs() {
        List<FigureSpec> asked = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            asked.add(figure("digit_tests", "d" + i));
        }
        for (int i = 0; i < 7; i++) {
            asked.add(figure("fingerprint", "f" + i));
        }
        List<FigureSpec> kept = ReportPlan.capped(asked);
        assertEquals(ReportPlan.MAX_CHARTS, kept.size());
        assertEquals(7, kept.stream().filter(f -> f.check().equals("fingerprint")).count(), "every fingerprint chart");
        assertEquals("d0", kept.get(0).id(), "in the order asked");
        assertEquals("f6", kept.get(kept.size() - 1).id());
        // 200 kept, 7 of them fingerprint's: digit charts d0 ... d192 fill the other 193
        assertEquals("d" + (ReportPlan.MAX_CHARTS - 7 - 1), kept.get(kept.size() - 8).id(),
                "the digit charts that fit, first ones first");
    }

    private static FigureSpec figure(String check, String id) {
        return new FigureSpec(check, id, "histogram_vs_expected", id, "t", Map.of(), Map.of(), "x", "y", "");
    }

    @Test
    void namesAndScopesAreCutAlikeSoThatRegionPagesStillFindTheirRows() {
        String region = "R".repeat(200);
        RunFolder.Contents shown = ShownText.forReport(contents(null,
                List.of(new Finding("c", "source=x;region=" + region, region, "s", 1.0, null, null, Verdict.FLAG,
                        "In " + region + ", something.", List.of(), null)),
                List.of(), Map.of("c_t", new DetailTable("c_t", "T", List.of("region", "explanation"),
                        List.of(List.of(region, "a long explanation with short words " + "x ".repeat(100)))))));
        String cut = "R".repeat(80) + "…";
        Finding f = shown.findings().get(0);
        assertEquals("source=x;region=" + cut, f.scope());
        assertEquals(cut, f.subject());
        assertEquals("In " + cut + " something.", f.sentence(), "the unbroken run, its comma with it, is cut");
        List<String> row = shown.tables().get("c_t").rows().get(0);
        assertEquals(cut, row.get(0), "a name column is cut whole");
        assertTrue(row.get(1).length() > 200, "a text cell keeps its short words");
    }

    private static Manifest manifest(long read, long used, long quarantined) throws IOException {
        return RunFolder.readJson("""
                {"job":"t","title":"Bounded","election":"e","language":"en","inputs":[{"id":"data",
                "mapping":"m.yaml","source":"official","files":[{"path":"a.csv","sha256":"00","bytes":1}],
                "rowsRead":%d,"rowsUsed":%d,"rowsQuarantined":%d,"protocols":%d}]}
                """.formatted(read, used, quarantined, used), new com.fasterxml.jackson.core.type.TypeReference<>() {
                });
    }

    private static RunFolder.Contents contents(Manifest manifest, List<Finding> findings, List<FigureSpec> figures,
            Map<String, DetailTable> tables) {
        return new RunFolder.Contents(manifest, findings, List.of(), figures, tables);
    }

    private String read(String file) throws IOException {
        return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    }

    private String pdfPage1() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(folder.resolve(ReportWriter.PDF).toFile())) {
            PDFTextStripper page1 = new PDFTextStripper();
            page1.setStartPage(1);
            page1.setEndPage(1);
            return page1.getText(pdf);
        }
    }
}
