package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sanaq.results.Finding;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

/**
 * summary.html for the web (contents and anchors, glossary, tables in scrolling containers, long tables collapsed
 * and linked to their CSV, a layout for 390 px) and summary.md as an article pastes it (page 1, the ranked results,
 * links to the tables), over {@link ReportWriterTest#contents()} with 25 more results than it has.
 */
class WebSummaryTest {
    @TempDir
    static Path folder;
    static String html;
    static String md;

    @BeforeAll
    static void render() throws IOException {
        ReportWriter.write(folder, contents(), ReportWriterTest.DESCRIBE);
        html = Files.readString(folder.resolve(ReportWriter.HTML));
        md = Files.readString(folder.resolve(ReportWriter.MARKDOWN));
    }

    /** The contents of ReportWriterTest, with 25 results that found nothing unusual added. */
    static RunFolder.Contents contents() {
        RunFolder.Contents base = ReportWriterTest.contents();
        List<Finding> findings = new ArrayList<>(base.findings());
        for (int i = 0; i < 25; i++) {
            findings.add(new Finding("round_percentages", "region=Region " + i, "all", "round_cells", 1.0, 0.5, 0.9,
                    Verdict.PASS, "Region " + i + " is ordinary.", List.of(), null));
        }
        return new RunFolder.Contents(base.manifest(), findings, base.metrics(), base.figures(), base.tables());
    }

    /** A totals row sits in the table's foot, which the sorting script leaves alone, below the rows it sums. */
    @Test
    void theTotalsRowIsTheTablesFootAndIsNotSorted() {
        org.sanaq.results.DetailTable detail = new org.sanaq.results.DetailTable("t_violations", "Violations",
                List.of("region", "violations"), List.of(List.of("A", "5"), List.of("B", "7")));
        TableExcerpt excerpt = TableExcerpt.of(detail);
        StringBuilder out = new StringBuilder();
        HtmlTable.write(out, Wording.of("en"), SummaryTables.head(excerpt, detail.name(), Wording.of("en")),
                excerpt.totals() != null);
        String table = out.toString();
        assertTrue(table.contains("<tbody>\n<tr><td>B</td><td class=\"num\">7</td></tr>\n<tr><td>A</td>"
                + "<td class=\"num\">5</td></tr>\n</tbody>\n<tfoot>\n<tr><td>Total</td><td class=\"num\">12</td>"
                + "</tr>\n</tfoot>"), table);
    }

    @Test
    void everyLinkOfTheContentsLeadsToAnIdAndEverySectionHasOne() {
        int nav = html.indexOf("<nav id=\"contents\">");
        String contents = html.substring(nav, html.indexOf("</nav>", nav));
        Set<String> targets = new LinkedHashSet<>();
        Matcher link = Pattern.compile("href=\"#([^\"]+)\"").matcher(contents);
        while (link.find()) {
            targets.add(link.group(1));
        }
        assertEquals(List.of("summary", "findings", "check-round_percentages", "table-round_percentages_bins",
                "table-round_percentages_regions", "table-round_percentages_cells", "table-round_percentages_none",
                "check-official_vs_observer",
                "table-official_vs_observer_pairs", "check-fingerprint", "table-fingerprint_grid",
                "check-protocol_arithmetic", "table-protocol_arithmetic_violations", "region-1", "glossary",
                "sources"), List.copyOf(targets));
        for (String id : targets) {
            assertEquals(1, count(html, " id=\"" + id + "\""), id);
        }
        assertEquals(count(html, "<section"), count(html, "<section id=\""), "every section has an id");
    }

    @Test
    void findingsComeFirstEachLinkedToItsSectionAndTheLongResultsTableIsCollapsed() {
        int findings = html.indexOf("<h2>What the checks found</h2>");
        assertTrue(findings < html.indexOf("<nav id=\"contents\">") && findings < html.indexOf("<table"));
        assertTrue(html.contains("<li><p><strong>" + ReportWriterTest.FLAG_SENTENCE + "</strong></p>"), html);
        assertTrue(html.contains("check: Round percentages · <a href=\"#check-round_percentages\">the check&#39;s "
                + "section</a></p></li>"), html);
        assertTrue(html.contains("<details><summary>All results, strongest first (28)</summary>"), "28 > 10 rows");
    }

    @Test
    void aLongTableIsCollapsedToItsFirstRowsAndLinkedToItsCsv() {
        int heading = html.indexOf("<h3 id=\"table-round_percentages_cells\">Round cells</h3>");
        String table = html.substring(heading, html.indexOf("</p>", heading));
        assertTrue(table.contains("<details><summary>Show the table (40 of 100 rows)</summary>"), table);
        assertEquals(40, count(table, "<tr>") - 1, "40 rows and the header");
        assertTrue(table.endsWith("Rows in the order of the file. Showing 40 of 100 rows. Full table: <a href=\"tables/"
                + "round_percentages_cells.csv\">tables/round_percentages_cells.csv</a> (100 rows)"), table);
        int shortOne = html.indexOf("<h3 id=\"table-round_percentages_regions\">");
        assertFalse(html.substring(shortOne, html.indexOf("</p>", shortOne)).contains("<details>"),
                "6 rows stay open");
    }

    @Test
    void theGlossaryExplainsEveryTerm() {
        int glossary = html.indexOf("<section id=\"glossary\">");
        String section = html.substring(glossary, html.indexOf("</section>", glossary));
        Wording words = Wording.of("en");
        for (String term : ReportTerms.ORDER) {
            assertTrue(section.contains("<dt><strong>" + HtmlSummary.escape(words.get("term." + term + ".name"))
                    + "</strong></dt>\n<dd>" + HtmlSummary.escape(words.get("term." + term + ".text")) + "</dd>"),
                    term);
        }
    }

    @Test
    void everyTableScrollsInItsOwnContainerAndTheStyleFitsAPhone() {
        assertTrue(count(html, "<table") > 5);
        assertEquals(count(html, "<table"), count(html, "<div class=\"scroll\">\n<table class=\"data\""),
                "every table in its scroll container");
        for (String rule : List.of(".scroll{overflow-x:auto;max-width:100%", "img{max-width:100%;height:auto",
                "h1,h2,h3,p,li,dt,dd,figcaption,summary{overflow-wrap:anywhere}", "td.num{white-space:nowrap",
                "font-size:clamp(", "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")) {
            assertTrue(html.contains(rule), rule);
        }
        assertTrue(html.contains("<td class=\"num\">1,017</td>"), "numbers marked (grouped for reading)");
        assertTrue(html.contains("<script>\n" + HtmlTable.SCRIPT + "</script>\n</body>"), "the script inlined last");
        assertFalse(html.contains("<input"), "the filter boxes are the script's: none without it");
    }

    @Test
    void aNumberIsWhatTheReportWritesAsOne() {
        for (String number : List.of("1017", "341,118", "43.24 %", "−0.5", "3.20 × 10⁻⁷", "< 10⁻¹⁰", "0,118",
                "32\u202f251")) {
            assertTrue(HtmlTable.NUMBER.matcher(number).matches(), number);
        }
        for (String text : List.of("652/448/7", "2023-03-19T22:00:00+06:00", "d=2", "party 3", "")) {
            assertFalse(HtmlTable.NUMBER.matcher(text).matches(), text);
        }
        assertEquals("tables/a%20b%28c%29.csv", HtmlTable.csvHref("a b(c)"));
    }

    @Test
    void theMarkdownIsPageOneTheRankedResultsAndLinks() {
        assertTrue(md.contains("## What the checks found\n\n1. **" + MarkdownSummary.text(
                ReportWriterTest.FLAG_SENTENCE) + "**  \n   Strong (p = 3.00 × 10⁻⁹) · Effect: none in votes"), md);
        assertTrue(md.contains("- official (Орталық сайлау комиссиясы; kz-2023.csv): 120 rows read"), "the data");
        assertTrue(md.contains("### All results, strongest first (28)\n\n| verdict |"), md);
        assertEquals(MarkdownSummary.RESULT_ROWS + 2, count(md, "\n| "), "the header, its rule and 20 rows");
        assertTrue(md.contains("The other results (8) are in summary.html and findings.json."), md);
        assertTrue(md.contains("## Full tables\n\n- Round shares by bin: [tables/round_percentages_bins.csv]"
                + "(tables/round_percentages_bins.csv) (rows: 30)\n"), md);
        assertFalse(md.contains("party 17"), "no detail table is dumped");
    }

    @Test
    void aChartWithFewColoursKeepsThemExactlyAndWithoutAlpha() {
        BufferedImage few = new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
        few.setRGB(0, 0, 0xFF123456);
        few.setRGB(1, 0, 0x80FF0000); // half-transparent red over white
        BufferedImage compact = WebPng.compact(few);
        assertEquals(BufferedImage.TYPE_BYTE_BINARY, compact.getType(), "3 colours: 2 bits a pixel");
        assertEquals(0xFF123456, compact.getRGB(0, 0));
        assertEquals(0xFFFF7F7F, compact.getRGB(1, 0));
        assertEquals(0xFFFFFFFF, compact.getRGB(3, 1), "transparent is white");
    }

    @Test
    void aChartWithMoreColoursKeepsItsCommonestAndGivesTheRareTheNearest() {
        BufferedImage many = new BufferedImage(513, 1, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 512; x++) {
            many.setRGB(x, 0, 0x010101 * (x / 2)); // 256 greys, each twice
        }
        many.setRGB(512, 0, 0x0A0B0A); // once: a soft edge
        BufferedImage compact = WebPng.compact(many);
        assertEquals(BufferedImage.TYPE_BYTE_INDEXED, compact.getType());
        for (int x = 0; x < 512; x++) {
            assertEquals(0xFF000000 | 0x010101 * (x / 2), compact.getRGB(x, 0), "the commonest kept exactly");
        }
        assertEquals(0xFF0A0A0A, compact.getRGB(512, 0), "the rare one takes the nearest");
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
