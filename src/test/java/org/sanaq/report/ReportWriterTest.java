package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Placebo;
import org.sanaq.results.Manifest;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

class ReportWriterTest {
    static final String FLAG_SENTENCE = "In Қарағанды облысы, 14 of 17 party shares are round percentages at two "
            + "decimals where about 0.4 would be expected by chance.";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final Function<String, CheckDescription> DESCRIBE = id -> switch (id) {
        case "round_percentages" -> new CheckDescription(id, "Round percentages",
                "Are the published counts suspiciously often exactly a round percentage of their base?",
                "Kireev's test: count cells within half a vote of a round target; exact Poisson-binomial tail.",
                "Small bases make round shares likely; tables rounded by the authority before publication.");
        case "protocol_arithmetic" -> new CheckDescription(id, "Protocol arithmetic",
                "Do the numbers in each protocol add up?", "Checks the control relations of each protocol.",
                "Typing errors when protocols are transcribed.");
        default -> null;
    };

    @TempDir
    static Path folder;
    static String pdfText;
    static String firstPage;

    @BeforeAll
    static void render() throws IOException {
        ReportWriter.write(folder, contents(), DESCRIBE);
        try (PDDocument pdf = Loader.loadPDF(folder.resolve(ReportWriter.PDF).toFile())) {
            pdfText = new PDFTextStripper().getText(pdf);
            PDFTextStripper page1 = new PDFTextStripper();
            page1.setStartPage(1);
            page1.setEndPage(1);
            firstPage = page1.getText(pdf);
        }
    }

    static RunFolder.Contents contents() {
        Manifest manifest = new Manifest("kz-test", "Synthetic Majilis 2023 check", "Kazakhstan, Majilis, 2023",
                "en", List.of(new Manifest.InputAccount("official", "mappings/kz.yaml", "Орталық сайлау комиссиясы",
                        List.of(new Manifest.FileHash("data/kz-2023.csv", "ab".repeat(32), 12345)), 120, 118, 2, 118)),
                "job: kz-test\ninputs:\n  - official\n", "cd".repeat(32), Map.of("alpha", 0.05),
                Map.of("percent_base", "valid votes"), Map.of("bootstrap", 42L), "0.1.0", "e291b64", "4.1.3",
                "local[2]", "2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z");
        List<Finding> findings = List.of(
                new Finding("round_percentages", "national", "all", "round_cells", 3.0, 0.4, 0.8, Verdict.PASS,
                        "Nationally, 3 of 120 shares are round, close to the 2.5 expected by chance.", List.of(), null),
                new Finding("protocol_arithmetic", "region=Түркістан облысы", "all", "violations", 0.0, null, null,
                        Verdict.INCONCLUSIVE, "Too few protocols in Түркістан облысы to check arithmetic.", List.of(),
                        null),
                new Finding("round_percentages", "region=Қарағанды облысы", "all", "round_cells", 14.0, 1e-9, 3e-9,
                        Verdict.FLAG, FLAG_SENTENCE, List.of("Қарағанды облысы"), null));
        List<List<String>> bins = new ArrayList<>();
        for (int d = 0; d <= 2; d++) {
            for (int i = 0; i < 10; i++) {
                bins.add(List.of(Integer.toString(d), Double.toString(i * 10.0), Double.toString(i * 10.0 + 10),
                        Integer.toString(5 + (i * 7) % 11), String.format(Locale.ROOT, "%.2f", 6.0 + i * 0.3)));
            }
        }
        DetailTable histogram = new DetailTable("round_percentages_bins", "Round shares by bin",
                List.of("d", "bin_low", "bin_high", "observed", "expected"), bins);
        String[] regions = {"Қарағанды облысы", "Түркістан облысы", "Ақмола", "Республика Адыгея (Адыгея)", SCRIPT,
            "ә ғ қ ң ө ұ ү һ і | pipe"};
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            cells.add(List.of(regions[i % regions.length], "party " + i, Integer.toString(1000 + i),
                    Integer.toString(20000 + i)));
        }
        DetailTable round = new DetailTable("round_percentages_cells", "Round cells",
                List.of("region", "party", "votes", "valid"), cells);
        List<List<String>> ranked = new ArrayList<>();
        for (int i = 0; i < regions.length; i++) {
            ranked.add(List.of(regions[i], Integer.toString(3 + i * 2)));
        }
        DetailTable byRegion = new DetailTable("round_percentages_regions", "Round cells by region",
                List.of("region", "round"), ranked);
        List<List<String>> grid = new ArrayList<>();
        List<List<String>> pairs = new ArrayList<>();
        for (int x = 0; x < 20; x++) {
            for (int y = 0; y < 20; y++) {
                grid.add(List.of(Integer.toString(x * 5), Integer.toString(y * 5),
                        Integer.toString(Math.max(0, 40 - Math.abs(x - y) * 6 - Math.abs(x - 14) * 2))));
            }
            pairs.add(List.of(Integer.toString(100 + x * 13), Integer.toString(100 + x * 13 + (x % 3) * 4)));
        }
        DetailTable gridTable = new DetailTable("fingerprint_grid", "Turnout by share", List.of("x_low", "y_low",
                "weight"), grid);
        List<List<String>> violations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            violations.add(List.of("P-" + i, "ballots_issued = ballots_cast + ballots_spoilt ",
                    ("Protocol " + i + " of Түркістан облысы gives more ballots cast than issued. ").repeat(6)));
        }
        DetailTable violationTable = new DetailTable("protocol_arithmetic_violations", "Violations",
                List.of("precinct", "relation", "explanation"), violations);
        DetailTable pairTable = new DetailTable("official_vs_observer_pairs", "Pairs", List.of("x", "y"), pairs);
        List<FigureSpec> figures = List.of(
                new FigureSpec("fingerprint", "grid", "heatmap", "Turnout against the leader's share",
                        "fingerprint_grid", Map.of(), null, "turnout (%)", "leader's share (%)", null),
                new FigureSpec("official_vs_observer", "pairs", "scatter", "Official against observer counts",
                        "official_vs_observer_pairs", Map.of(), null, "observer count (votes)",
                        "official count (votes)", null),
                new FigureSpec("round_percentages", "hist_d2", "histogram_vs_expected",
                        "Round shares at two decimals", "round_percentages_bins", Map.of(), Map.of("d", "2"),
                        "share of valid votes (%)", "cells (count)", "Bars: observed; dashed line: expected."),
                new FigureSpec("round_percentages", "by_region", "ranked_bars", "Round cells by region",
                        "round_percentages_regions", Map.of("label", "region", "value", "round"), null,
                        "region", "round cells (count)", null),
                new FigureSpec("round_percentages", "later", "violin", "A kind not drawn", "round_percentages_bins",
                        Map.of(), null, "x", "y", null));
        return new RunFolder.Contents(manifest, findings, List.of(), figures,
                Map.of("round_percentages_bins", histogram, "round_percentages_cells", round,
                        "round_percentages_regions", byRegion, "fingerprint_grid", gridTable,
                        "official_vs_observer_pairs", pairTable, "protocol_arithmetic_violations", violationTable,
                        "round_percentages_none", new DetailTable("round_percentages_none", "Nothing here",
                                List.of("region"), List.of())));
    }

    @Test
    void writesTheThreeFiles() {
        for (String name : List.of(ReportWriter.PDF, ReportWriter.HTML, ReportWriter.MARKDOWN)) {
            assertTrue(Files.isRegularFile(folder.resolve(name)), name);
        }
    }

    @Test
    void firstPageLeadsWithTheFlagAndTheCaveat() {
        String page = oneLine(firstPage);
        assertTrue(page.contains(oneLine(FLAG_SENTENCE)), page);
        assertTrue(page.contains(oneLine(Wording.of("en").caveat())), page);
        assertFalse(page.contains("close to the 2.5 expected by chance"), "only flags are listed on the first page");
        // the card gives the strength in words, its p-value beside them, and the check's limits
        assertTrue(page.contains("Strong (p = 3.00 × 10⁻⁹) · Effect: none in votes"), page);
        assertTrue(page.contains("Does not show: by how many votes the figures were moved"), page);
        assertTrue(page.contains("120 rows read, 118 protocols used"), page);
    }

    @Test
    void firstPageShowsTheChartOfItsTopFindingsCheck() {
        // the flag is round_percentages'; its check's first chart is the two-decimal histogram
        assertTrue(oneLine(firstPage).contains("Round shares at two decimals"), firstPage);
    }

    @Test
    void secondPageRanksTheRegionsAndSumsUpEveryCheckInALine() {
        String text = oneLine(pdfText);
        assertTrue(text.contains("Where the findings are Regions by their findings, strongest first"), text);
        assertTrue(text.contains("Қарағанды облысы 1 Round percentages"), text);
        assertTrue(text.contains("Every check in one line"), text);
        assertTrue(text.contains("1 worth a closer look, 1 nothing unusual or explained, 0 too little data."), text);
    }

    @Test
    void anEmptyTableIsNamedInALineNotDrawn() {
        String text = oneLine(pdfText);
        assertTrue(text.contains("One table has no row in this run: tables/round_percentages_none.csv."), text);
        assertFalse(text.contains("Nothing here"), "its title is not drawn over an empty grid");
    }

    @Test
    void oneFactIsOneFindingOnTheFirstPage() {
        // two flags of one check citing the same published line: the stronger stands for the fact
        Finding turnout = new Finding("protocol_integrity", "region=Astana", "all", "published_turnout", 0.33, null,
                null, Verdict.FLAG, "Astana's printed turnout does not match its counts.",
                List.of("party-list-by-region.csv line 19"), null);
        Finding report = new Finding("protocol_integrity", "region=Astana", "all", "election_day", 0.33, null, null,
                Verdict.FLAG, "Astana's last report is below its final count.",
                List.of("../data/party-list-by-region.csv, строка 19"), null);
        Finding other = new Finding("protocol_integrity", "region=Abai", "all", "published_turnout", 0.1, null,
                null, Verdict.FLAG, "Abai's printed turnout does not match its counts.",
                List.of("party-list-by-region.csv line 2"), null);
        assertEquals(List.of(turnout, other), ReportPlan.oneFindingPerFact(Stream.of(turnout, report, other)));
        // two flags of one check about one place: the stronger speaks for both
        Finding either = new Finding("integer_peaks", "national", "either", "excess_either", 1500.0, 1e-38, 1e-38,
                Verdict.FLAG, "Whole percents of turnout or share are in excess.", List.of(), null);
        Finding turnoutPeaks = new Finding("integer_peaks", "national", "turnout", "excess_turnout", 1300.0, 1e-47,
                1e-47, Verdict.FLAG, "Whole percents of turnout are in excess.", List.of(), null);
        assertEquals(List.of(turnoutPeaks, other), ReportPlan.oneFindingPerFact(Stream.of(turnoutPeaks, either,
                other)));
    }

    @Test
    void kazakhAndCyrillicTextSurvives() {
        for (String name : List.of("Қарағанды облысы", "Түркістан облысы", "Ақмола", "Республика Адыгея (Адыгея)",
                "ә ғ қ ң ө ұ ү һ і", "Орталық сайлау комиссиясы")) {
            assertTrue(pdfText.contains(name), name);
        }
        assertFalse(pdfText.contains("??"), "no replaced characters");
    }

    @Test
    void tablesAreCutWithTheFileNamed() {
        assertTrue(RenderedReport.oneLine(pdfText).contains("Rows in the order of the file. Showing 40 of 100 rows. "
                + "Full table: tables/round_percentages_cells.csv (100 rows)"), pdfText);
        assertTrue(pdfText.contains("party 39"));
        assertFalse(pdfText.contains("party 40"), "only 40 rows in the PDF");
        assertTrue(pdfText.contains("chart kind violin not yet drawn"));
        assertTrue(pdfText.contains("…"), "long cells are cut");
        assertTrue(pdfText.contains("P-39"));
        assertTrue(pdfText.split("precinct relation explanation", -1).length > 2, "header repeated on a new page");
        assertTrue(pdfText.contains("Round percentages"));
        assertTrue(pdfText.contains("What else could explain this"));
        assertTrue(pdfText.contains("Provenance"));
        assertTrue(pdfText.contains("ab".repeat(32).substring(0, 20)));
    }

    @Test
    void chartTextIsText() {
        assertTrue(pdfText.contains("share of valid votes (%)"), "axis label drawn as text");
        assertTrue(pdfText.contains("Source: kz-2023.csv · sanaq"), "source line under the chart names the input file");
    }

    @Test
    void textHasNoLigatures() {
        assertFalse(pdfText.contains("\uFB03"), "ffi ligature");
        assertTrue(pdfText.contains("official_vs_observer"));
        assertTrue(pdfText.contains("Official against observer counts"));
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(folder.resolve(ReportWriter.PDF).toFile())) {
            int fonts = 0;
            for (PDPage page : pdf.getPages()) {
                fonts += checkFonts(page.getResources(), 0);
            }
            assertTrue(fonts > 0);
        }
    }

    private static int checkFonts(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 10) {
            return 0;
        }
        int count = 0;
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
            assertTrue(font.getName().contains("DejaVu"), font.getName());
            count++;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                count += checkFonts(form.getResources(), depth + 1);
            }
        }
        return count;
    }

    @Test
    void sameContentsGiveTheSameDocument(@TempDir Path again) throws IOException {
        ReportWriter.write(again, contents(), DESCRIBE);
        try (PDDocument pdf = Loader.loadPDF(again.resolve(ReportWriter.PDF).toFile())) {
            assertEquals(pdfText, new PDFTextStripper().getText(pdf));
        }
        assertArrayEquals(Files.readAllBytes(folder.resolve(ReportWriter.PDF)),
                Files.readAllBytes(again.resolve(ReportWriter.PDF)));
        assertEquals(Files.readString(folder.resolve(ReportWriter.MARKDOWN)),
                Files.readString(again.resolve(ReportWriter.MARKDOWN)));
    }

    @Test
    void rebuildsFromWhatTheRunFolderHolds(@TempDir Path run) throws IOException {
        RunFolder.write(run, contents());
        ReportWriter.write(run, RunFolder.read(run), DESCRIBE);
        try (PDDocument pdf = Loader.loadPDF(run.resolve(ReportWriter.PDF).toFile())) {
            String text = oneLine(new PDFTextStripper().getText(pdf));
            assertTrue(text.contains(oneLine(FLAG_SENTENCE)));
            assertTrue(text.contains("share of valid votes (%)"), "the histogram is drawn");
        }
    }

    @Test
    void htmlIsSelfContainedAndEscaped() throws IOException {
        String html = Files.readString(folder.resolve(ReportWriter.HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<img src=\"data:image/png;base64,"));
        Matcher resource = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)").matcher(html);
        assertFalse(resource.find(), "external resource");
        assertFalse(Pattern.compile("(?i)<link|@import|url\\(").matcher(html).find(), "external style");
        assertFalse(html.contains(SCRIPT));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("Қарағанды облысы"));
        assertTrue(html.contains(FLAG_SENTENCE));
    }

    @Test
    void markdownHasTheFindingsTable() throws IOException {
        String md = Files.readString(folder.resolve(ReportWriter.MARKDOWN), StandardCharsets.UTF_8);
        assertTrue(md.contains("| verdict | check | scope | subject | sentence | p | adjusted p |"), md);
        assertTrue(md.contains("| Worth a closer look | Round percentages | Қарағанды облысы |"), md);
        assertTrue(md.contains("- Round cells: [tables/round_percentages_cells.csv]"
                + "(tables/round_percentages_cells.csv) (rows: 100)"), "the detail tables linked, not dumped");
        assertFalse(md.contains("ә ғ қ ң ө ұ ү һ і"), "no detail table row");
        assertTrue(md.indexOf("Worth a closer look") < md.indexOf("Nothing unusual"), "flags first");
        assertTrue(md.contains(Wording.of("en").caveat()));
    }

    @Test
    void pdffontsSaysEveryFontIsEmbedded() throws Exception {
        Assumptions.assumeTrue(onPath("pdffonts"), "pdffonts not installed");
        Process process = new ProcessBuilder("pdffonts", folder.resolve(ReportWriter.PDF).toString())
                .redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList();
        assertEquals(0, process.waitFor());
        String header = lines.get(0);
        int emb = header.indexOf("emb");
        assertTrue(emb > 0, header);
        assertTrue(lines.size() > 2, "fonts listed");
        for (String line : lines.subList(2, lines.size())) {
            assertEquals("yes", line.substring(emb, emb + 3), line);
        }
    }

    @Test
    void sectionsFollowTheFixedOrderAndFlaggedRegionsGetAPage() {
        ReportPlan plan = ReportPlan.of(contents(), DESCRIBE);
        // round_percentages, official_vs_observer, fingerprint in SECTION_ORDER's order; the unknown check after.
        assertEquals(List.of("round_percentages", "official_vs_observer", "fingerprint", "protocol_arithmetic"),
                plan.sections().stream().map(s -> s.description().id()).toList());
        // Only Қарағанды облысы has a flag; Түркістан облысы's finding is inconclusive.
        assertEquals(List.of("Қарағанды облысы"), plan.regions().stream().map(ReportPlan.RegionPage::region).toList());
        // Regions cycle through 6 names over the 100 cells: rows 0, 6, ..., 96 are Қарағанды облысы's, 17 of them.
        assertTrue(oneLine(pdfText).contains("Region: Қарағанды облысы"), "the region's page");
        assertTrue(oneLine(pdfText).contains("Rows of tables/round_percentages_cells.csv about Қарағанды облысы: 17."),
                pdfText);
    }

    @Test
    void aFlagExplainedByAnotherFindingIsNotOnTheFirstPage() {
        RunFolder.Contents base = contents();
        List<Finding> findings = new ArrayList<>(base.findings());
        findings.add(new Finding("round_percentages", "national", "d=0", "round_cells", 2.0, 1e-4, 3e-4, Verdict.FLAG,
                "At whole percents, 2 of 189 figures are round.", List.of(), null, "d=2"));
        ReportPlan plan = ReportPlan.of(new RunFolder.Contents(base.manifest(), findings, base.metrics(),
                base.figures(), base.tables()), DESCRIBE);
        assertEquals(List.of(FLAG_SENTENCE), PdfReport.firstPageFindings(plan).stream().map(Finding::sentence)
                .toList());
        Finding explained = plan.ranked().stream().filter(f -> "d=2".equals(f.explainedBy())).findFirst()
                .orElseThrow();
        assertEquals("Explained by another finding", plan.words().verdict(explained));
    }

    @Test
    void aFlagItsPlaceboMakesOrdinaryIsNotOnTheFirstPageAndShowsItsPlacebo(@TempDir Path dir) throws IOException {
        RunFolder.Contents base = contents();
        List<Finding> findings = new ArrayList<>(base.findings());
        Placebo placebo = new Placebo(null, new Placebo.RandomGroupings(6, 2, 6, 1), null, true,
                "Random groupings of the same precincts flag 2 of 6 groups, against 1 of 6 real regions.");
        findings.add(new Finding("round_percentages", "region=Абай облысы", "d=0", "round_cells", 2.0, 1e-9, 1e-8,
                Verdict.FLAG, "An ordinary flag of Абай облысы.", List.of(), null, null, placebo));
        RunFolder.Contents withOrdinary = new RunFolder.Contents(base.manifest(), findings, base.metrics(),
                base.figures(), base.tables());
        ReportPlan plan = ReportPlan.of(withOrdinary, DESCRIBE);
        assertEquals(List.of(FLAG_SENTENCE), PdfReport.firstPageFindings(plan).stream().map(Finding::sentence)
                .toList());
        Finding ordinary = plan.ranked().stream().filter(Finding::ordinary).findFirst().orElseThrow();
        assertEquals("Ordinary under its placebo", plan.words().verdict(ordinary));
        ReportWriter.write(dir, withOrdinary, DESCRIBE);
        String summary = Files.readString(dir.resolve(ReportWriter.MARKDOWN));
        assertTrue(summary.contains("An ordinary flag of Абай облысы. Random groupings of the same precincts flag 2 "
                + "of 6 groups, against 1 of 6 real regions."), summary);
        try (PDDocument pdf = Loader.loadPDF(dir.resolve(ReportWriter.PDF).toFile())) {
            String text = oneLine(new PDFTextStripper().getText(pdf));
            assertTrue(text.contains("Ordinary under its placebo An ordinary flag of Абай облысы. Random groupings"),
                    text);
        }
    }

    @Test
    void theReportSpeaksTheManifestsLanguage(@TempDir Path russian) throws IOException {
        RunFolder.Contents base = contents();
        Manifest m = base.manifest();
        Manifest ru = new Manifest(m.job(), m.title(), m.election(), "ru", m.inputs(), m.jobSpec(), m.jobSpecSha256(),
                m.parameters(), m.conventions(), m.seeds(), m.programVersion(), m.programCommit(), m.sparkVersion(),
                m.sparkMaster(), m.startedAt(), m.finishedAt());
        ReportWriter.write(russian, new RunFolder.Contents(ru, base.findings(), base.metrics(), base.figures(),
                base.tables()), DESCRIBE);
        try (PDDocument pdf = Loader.loadPDF(russian.resolve(ReportWriter.PDF).toFile())) {
            String text = oneLine(new PDFTextStripper().getText(pdf));
            assertTrue(text.contains("Что нашли проверки"), text);
            assertTrue(text.contains("Полная таблица: tables/round_percentages_cells.csv (строк: 100)"), text);
            assertFalse(text.contains("What the checks found"), "no English headings");
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
