package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

/**
 * The body of report.pdf, read back with PDFBox: evidence tables largest first with their totals and a note saying
 * so, the digit tests as one matrix of units × statistics, a wide table on a landscape page, the outline, links to
 * table files and protocol photos, small sections sharing a page, and a region page with its own chart.
 */
class ReportBodyTest {
    @TempDir
    Path folder;

    private static final String PHOTO = "https://results.example.org/prot/42";

    @Test
    void tablesShowTheirLargestRowsFirstWithTheirTotals() {
        DetailTable regions = new DetailTable("fingerprint_regions", "", List.of("region", "stations",
                "shpilkin_excess_votes"), List.of(List.of("Alpha", "10", "5"), List.of("Beta", "20", "700"),
                        List.of("Gamma", "30", "-900"), List.of("Delta", "40", "60")));
        TableExcerpt excerpt = TableExcerpt.of(regions);
        assertEquals(List.of("Gamma", "Beta", "Delta", "Alpha"), excerpt.rows().stream().map(r -> r.get(0)).toList());
        assertEquals(List.of(TableExcerpt.TOTAL, "100", "-135"), excerpt.totals());
        assertEquals("Rows with the largest \"" + Wording.of("en").column("shpilkin_excess_votes")
                + "\" first. The last row adds up all 4 rows.", excerpt.note(Wording.of("en")));
    }

    @Test
    void flaggedRowsComeFirstAndRowsOfDifferentLevelsAreNotAdded() {
        DetailTable cells = new DetailTable("t", "", List.of("level", "subject", "count", "flag"), List.of(
                List.of("region", "a", "5", "no"), List.of("national", "b", "9", "yes"),
                List.of("region", "c", "7", "no")));
        TableExcerpt excerpt = TableExcerpt.of(cells);
        assertEquals(List.of("b", "a", "c"), excerpt.rows().stream().map(r -> r.get(1)).toList());
        assertNull(excerpt.totals(), "a national row and regional rows are not parts of one whole");
        Wording words = Wording.of("en");
        assertEquals("Rows flagged in the column \"" + words.column("flag") + "\" first.", excerpt.note(words));
        DetailTable flaggedRegions = new DetailTable("t", "", List.of("region", "voters", "flag"), List.of(
                List.of("a", "5", "no"), List.of("b", "9", "no"), List.of("c", "7", "yes")));
        TableExcerpt both = TableExcerpt.of(flaggedRegions);
        assertEquals(List.of("c", "b", "a"), both.rows().stream().map(r -> r.get(0)).toList());
        assertEquals(List.of(TableExcerpt.TOTAL, "21", ""), both.totals());
        assertEquals("Rows flagged in the column \"" + words.column("flag") + "\" first, then those with the largest \""
                + words.column("voters") + "\". The last row adds up all 3 rows.", both.note(words));
    }

    @Test
    void aTimeInEveryRowIsSaidOnceAndCutTablesSayHowManyRowsTheyShow() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(List.of("r" + i, "2023-03-19T22:00:00+06:00", Integer.toString(i)));
        }
        TableExcerpt excerpt = TableExcerpt.of(new DetailTable("t", "", List.of("region", "last_report_at",
                "voters"), rows));
        assertEquals(List.of("region", "voters"), excerpt.columns());
        assertEquals("r49", excerpt.rows().get(0).get(0), "the most voters first");
        assertEquals(Wording.MAX_TABLE_ROWS, excerpt.rows().size());
        String note = excerpt.note(Wording.of("en"));
        assertTrue(note.contains("Showing 40 of 50 rows."), note);
        assertTrue(note.contains(": 2023-03-19 22:00 (UTC+06:00) in every row."), note);
    }

    @Test
    void theReportBodyReadsAsPlanned() throws IOException {
        ReportWriter.write(folder, contents(), id -> null);
        try (PDDocument pdf = Loader.loadPDF(folder.resolve(ReportWriter.PDF).toFile())) {
            String text = RenderedReport.oneLine(new PDFTextStripper().getText(pdf));

            // the excerpt: largest excess first, the total last, and the note
            int beta = text.indexOf("Beta 20 700");
            int gamma = text.indexOf("Gamma 30 -900");
            assertTrue(gamma > 0 && beta > gamma, text);
            assertTrue(text.indexOf("Total 100 -135") > beta, text);
            assertTrue(text.contains("The last row adds up all 4 rows."), text);

            // the digit matrix: a row per unit, a column per statistic, the flagged cell marked with its p-value
            assertTrue(text.contains("where · of what LastC (last digit) C05s (counts ending in 0 or 5)"), text);
            assertTrue(text.contains("the whole country · turnout 4.428 ▲ p = 1.00 × 10⁻⁶ 0.21"), text);
            assertTrue(text.contains("Alpha · turnout 4.5 0.2 ▲ p = 0.00100"), text);
            assertEquals(1, count(text, "Digits flag turnout."), "the flag's sentence on page 1 only: " + text);
            assertTrue(text.contains("Digits summary over all units."), "a finding outside the matrix stays");

            // the wide table on a landscape page
            assertTrue(pages(pdf).stream().anyMatch(p -> p.getMediaBox().getWidth() > p.getMediaBox().getHeight()));

            // the outline
            List<String> outline = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                outline.add(item.getTitle());
                item.children().forEach(child -> outline.add("  " + child.getTitle()));
            }
            assertEquals(List.of("Page 1: the findings", "Page 2: regions and checks", "How to read this report",
                    "digit_tests", "fingerprint", "wide", "Regions with findings", "  Region: Alpha", "Methods note",
                    "Provenance"), outline);

            // links: the table files, relative to the run folder, and the protocol photo
            List<String> uris = new ArrayList<>();
            for (PDPage page : pages(pdf)) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
            }
            assertTrue(uris.contains("tables/fingerprint_regions.csv"), uris.toString());
            assertTrue(uris.contains(PHOTO), uris.toString());
            assertTrue(text.contains("results.example.org ↗"), "the photo shown by its host");

            // small sections share a page: the fingerprint section starts on the page where the digit section ends;
            // page 2 (the overview) stands alone
            assertEquals(3, pageOf(pdf, "How to read this report"));
            assertEquals(pageOf(pdf, "Rows with the largest gap between observed"), pageOf(pdf, "Fingerprint passes."));

            // the region page draws its flagged check's chart from the region's rows
            assertTrue(text.contains("Digits of turnout — Alpha"), text);
            assertTrue(text.contains("Every finding of the checks about Alpha, its own charts"), text);
        }
    }

    @Test
    void aRegionsOwnChartIsDrawnOnItsPageOnly() throws IOException {
        RunFolder.Contents base = contents();
        FigureSpec own = new FigureSpec("digit_tests", "alpha", "histogram_vs_expected", "Alpha's own digits",
                "digit_tests_digits", Map.of(), Map.of("scope", "region=Alpha", "subject", "turnout"), "digit",
                "counts", null);
        List<FigureSpec> figures = new ArrayList<>(base.figures());
        figures.add(own);
        ReportWriter.write(folder, new RunFolder.Contents(null, base.findings(), List.of(), figures, base.tables()),
                id -> null);
        try (PDDocument pdf = Loader.loadPDF(folder.resolve(ReportWriter.PDF).toFile())) {
            String text = RenderedReport.oneLine(new PDFTextStripper().getText(pdf));
            assertEquals(1, count(text, "Alpha's own digits"), text);
            assertTrue(text.indexOf("Alpha's own digits") > text.indexOf("Region: Alpha"), text);
            assertFalse(text.contains("Digits of turnout — Alpha"), "its own chart, not one filtered for it");
        }
    }

    private static RunFolder.Contents contents() {
        Finding turnout = new Finding("digit_tests", "national", "turnout", "lastc", 4.4281, 1e-7, 1e-6,
                Verdict.FLAG, "Digits flag turnout.", List.of(), null);
        Finding turnoutC05 = new Finding("digit_tests", "national", "turnout", "c05s", 0.21, 0.4, 0.5,
                Verdict.PASS, "C05s of turnout passes.", List.of(), null);
        Finding alpha = new Finding("digit_tests", "region=Alpha", "turnout", "lastc", 4.5, 0.5, 0.6, Verdict.PASS,
                "Alpha passes LastC.", List.of(), null);
        Finding alphaC05 = new Finding("digit_tests", "region=Alpha", "turnout", "c05s", 0.2, 0.01, 0.001,
                Verdict.FLAG, "Alpha flags C05s.", List.of(), null, null);
        Finding all = new Finding("digit_tests", "national", "all", "flagged_cells", 2.0, null, null, Verdict.FLAG,
                "Digits summary over all units.", List.of(), null);
        Finding fingerprint = new Finding("fingerprint", "national", "Leader", "excess", 10.0, 0.5, 0.5,
                Verdict.PASS, "Fingerprint passes.", List.of(), null);
        DetailTable regions = new DetailTable("fingerprint_regions", "Regions", List.of("region", "stations",
                "shpilkin_excess_votes"), List.of(List.of("Alpha", "10", "5"), List.of("Beta", "20", "700"),
                        List.of("Gamma", "30", "-900"), List.of("Delta", "40", "60")));
        List<List<String>> digitRows = new ArrayList<>();
        for (String scope : List.of("national", "region=Alpha")) {
            for (int d = 0; d < 10; d++) {
                digitRows.add(List.of(scope, "turnout", "last", Integer.toString(d), Integer.toString(d),
                        Integer.toString(d + 1), Integer.toString(10 + d), "10"));
            }
        }
        DetailTable digits = new DetailTable("digit_tests_digits", "Digits", List.of("scope", "subject", "position",
                "digit", "bin_low", "bin_high", "observed", "expected"), digitRows);
        FigureSpec digitChart = new FigureSpec("digit_tests", "last", "histogram_vs_expected", "Digits of turnout",
                "digit_tests_digits", Map.of(), Map.of("scope", "national", "subject", "turnout", "position", "last"),
                "digit", "counts", null);
        List<String> wideColumns = new ArrayList<>(List.of("region", "document_ref"));
        List<String> wideRow = new ArrayList<>(List.of("Alpha", PHOTO));
        for (int c = 0; c < 18; c++) {
            wideColumns.add("count_" + c);
            wideRow.add(Integer.toString(1_000_000 + c));
        }
        DetailTable wide = new DetailTable("wide_protocols", "Wide", wideColumns, List.of(wideRow));
        FigureSpec wideChart = new FigureSpec("wide", "w", "ranked_bars", "Wide bars", "wide_protocols",
                Map.of("label", "region", "value", "count_0"), null, "", "", null);
        return new RunFolder.Contents(null, List.of(turnout, turnoutC05, alpha, alphaC05, all, fingerprint),
                List.of(), List.of(digitChart, wideChart),
                Map.of(regions.name(), regions, digits.name(), digits, wide.name(), wide));
    }

    private static List<PDPage> pages(PDDocument pdf) {
        List<PDPage> pages = new ArrayList<>();
        pdf.getPages().forEach(pages::add);
        return pages;
    }

    /** The first page whose text holds the words. */
    private static int pageOf(PDDocument pdf, String words) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            if (RenderedReport.oneLine(stripper.getText(pdf)).contains(words)) {
                return p;
            }
        }
        return -1;
    }

    private static int count(String text, String words) {
        int n = 0;
        for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
            n++;
        }
        return n;
    }
}
