package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;

import org.sanaq.checks.CheckCatalog;
import org.sanaq.results.Finding;
import org.sanaq.results.RunFolder;
import org.sanaq.text.Messages;

/**
 * Checks a run folder's report.pdf the way a reader's tools see it, with poppler: every page renders to PNG
 * (pdftoppm), the page count is that of the plan, every font is embedded (pdffonts), and the first page (pdftotext)
 * is what a newsroom needs: the data box with a line per input, at most five story cards each with its fact, no two
 * about one fact, and one chart; nowhere a raw placeholder or an absolute path of this machine, and in a Russian
 * report no Latin word on the first page that the data do not give. CI installs poppler-utils (.ci/run); on a machine without it
 * the checks are skipped.
 */
public final class RenderedReport {
    private RenderedReport() {
    }

    /** Whether pdftoppm, pdftotext and pdffonts can be run here. */
    public static boolean popplerPresent() {
        try {
            return run(List.of("pdftotext", "-v")) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The sentences of the findings the first page lists, as the report plans them. */
    public static List<String> firstPageSentences(RunFolder.Contents contents) {
        return PdfReport.firstPageFindings(plan(contents)).stream().map(Finding::sentence).toList();
    }

    private static ReportPlan plan(RunFolder.Contents contents) {
        Messages messages = Messages.of(contents.manifest().language());
        return ReportPlan.of(contents, id -> CheckCatalog.describe(id, messages));
    }

    /**
     * The lowest page count a report can have: first page, overview and terms on pages of their own, then at least
     * one page for the sections, region pages, methods and provenance, which share pages where they are short.
     */
    static final int MINIMUM_PAGES = 4;

    /**
     * Renders the run folder's report to PNG in {@code pngs} and checks it; returns the first page's text with
     * whitespace made single spaces.
     */
    public static String assertRendered(Path runFolder, Path pngs) throws IOException {
        Assumptions.assumeTrue(popplerPresent(), "poppler-utils (pdftoppm, pdftotext, pdffonts) not installed");
        RunFolder.Contents contents = RunFolder.read(runFolder);
        Path pdf = runFolder.resolve(ReportWriter.PDF);
        Files.createDirectories(pngs);
        run(List.of("pdftoppm", "-r", "40", "-png", pdf.toString(), pngs.resolve("page").toString()));
        long pages;
        try (Stream<Path> files = Files.list(pngs)) {
            pages = files.filter(f -> f.getFileName().toString().endsWith(".png")).count();
        }
        String info = run(List.of("pdfinfo", pdf.toString()));
        assertTrue(info.contains("Pages:") && info.replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1")
                .equals(Long.toString(pages)), "one PNG per page: " + pages + "\n" + info);
        assertTrue(pages >= MINIMUM_PAGES, pages + " pages, fewer than a report's " + MINIMUM_PAGES);

        String first = oneLine(run(List.of("pdftotext", "-f", "1", "-l", "1", pdf.toString(), "-")));
        assertFirstPage(contents, first, pdf);
        assertNothingOfThisMachine(runFolder);

        List<String> fonts = run(List.of("pdffonts", pdf.toString())).lines().skip(2).toList();
        assertFalse(fonts.isEmpty(), "pdffonts lists the fonts");
        for (String font : fonts) {
            // columns: name type encoding emb sub uni object ID; "emb" is the fourth from the end.
            String[] cells = font.trim().split("\\s+");
            assertEquals("yes", cells[cells.length - 5], "font not embedded: " + font);
        }
        return first;
    }

    /**
     * Page 1: the caveat, the data box with each input, each story card's fact, weight and limits (at most five, no
     * fact twice, no two of one check and place), one chart, no raw placeholder; in Russian, no Latin word that
     * the data do not give.
     */
    private static void assertFirstPage(RunFolder.Contents contents, String first, Path pdf) throws IOException {
        ReportPlan plan = plan(contents);
        Wording words = plan.words();
        assertTrue(first.contains(oneLine(words.caveat())), "the caveat: " + first);
        assertTrue(first.contains(words.get("data.heading")), "the data box: " + first);
        contents.manifest().inputs().forEach(input -> assertTrue(first.contains("(" + input.id() + ":"),
                "the data box names input " + input.id() + ": " + first));
        // the page draws the strongest cards that leave room for its chart: at least one, at most five
        int drawn = count(first, oneLine(words.get("card.shows", "")).strip());
        List<StoryCard> cards = plan.cards(PdfReport.FIRST_PAGE_FLAGS);
        assertTrue(drawn <= 5 && drawn <= cards.size() && (drawn > 0 || cards.isEmpty()), drawn + " cards drawn");
        for (StoryCard card : cards.subList(0, drawn)) {
            for (String line : List.of(card.fact(), card.weight(), card.innocent(), card.where())) {
                assertTrue(first.contains(oneLine(line)), "first page lacks: " + line + "\n" + first);
            }
        }
        assertEquals(cards.size(), cards.stream().map(StoryCard::fact).distinct().count(), "a fact twice");
        assertEquals(cards.size(), PdfReport.firstPageFindings(plan).stream().map(f -> f.check() + " " + f.scope())
                .distinct().count(), "two cards of one check and place");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            var resources = document.getPage(0).getResources();
            long charts = 0;
            for (var name : resources.getXObjectNames()) {
                charts += resources.getXObject(name) instanceof PDFormXObject ? 1 : 0;
            }
            assertEquals(1, charts, "one chart on the first page");
            assertFalse(PLACEHOLDER.matcher(new PDFTextStripper().getText(document)).find(), "a raw placeholder");
        }
        if (words.language().equals("ru")) {
            Set<String> given = dataWords(contents);
            Matcher latin = LATIN_WORD.matcher(first);
            while (latin.find()) {
                assertTrue(given.contains(latin.group()) || ALLOWED_LATIN.contains(latin.group()),
                        "untranslated on the Russian first page: " + latin.group() + "\n" + first);
            }
        }
    }

    /** A message placeholder left unfilled: {0}, {1,number}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");
    /** A word in Latin letters of two or more. */
    private static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z][A-Za-z]+\\b");
    /** Latin words a Russian text writes as they are: the program's name, statistics' and files' names, units. */
    private static final Set<String> ALLOWED_LATIN = Set.of("sanaq", "csv", "md", "zip", "LastC", "P05s", "C05s",
            "OCR", "datasets", "SOURCE", "tables", "github", "com");

    /** Every Latin word the data give: names in the tables, findings' subjects and scopes, the manifest. */
    private static Set<String> dataWords(RunFolder.Contents contents) {
        StringBuilder data = new StringBuilder();
        contents.tables().values().forEach(t -> t.rows().forEach(r -> data.append(String.join(" ", r)).append(' ')));
        contents.findings().forEach(f -> data.append(f.subject()).append(' ').append(f.scope()).append(' ')
                .append(String.join(" ", f.evidence())).append(' '));
        contents.manifest().inputs().forEach(i -> {
            data.append(i.id()).append(' ').append(i.origin()).append(' ');
            i.files().forEach(f -> data.append(f.path()).append(' '));
        });
        data.append(contents.manifest().election()).append(' ').append(contents.manifest().title());
        Set<String> words = new HashSet<>();
        Matcher m = LATIN_WORD.matcher(data);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /**
     * No file of the run folder's report names a folder of this machine: the folder holding the run folder, and
     * the project's, appear in none of report.pdf, summary.html, summary.md, findings.json and manifest.json.
     */
    private static void assertNothingOfThisMachine(Path runFolder) throws IOException {
        List<String> machine = List.of(runFolder.toAbsolutePath().getParent().toString(),
                org.sanaq.TestData.project().toAbsolutePath().normalize().toString());
        List<String> texts = new ArrayList<>();
        texts.add(text(runFolder.resolve(ReportWriter.PDF)));
        for (String file : List.of(ReportWriter.HTML, ReportWriter.MARKDOWN, RunFolder.FINDINGS, RunFolder.MANIFEST)) {
            texts.add(Files.readString(runFolder.resolve(file), StandardCharsets.UTF_8));
        }
        for (String text : texts) {
            for (String folder : machine) {
                // a relative path may climb to a folder of the same name ("../../work/main/jobs"): that is no leak
                assertFalse(Pattern.compile("(?<![\\w.])" + Pattern.quote(folder)).matcher(text).find(),
                        "an absolute path of this machine: " + folder);
            }
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    /** The text of a whole PDF (read with PDFBox, so that it needs no poppler). */
    public static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Text with every run of whitespace (no-break spaces and line breaks included) as one space. */
    public static String oneLine(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").strip();
    }

    private static String run(List<String> command) throws IOException {
        File out = File.createTempFile("poppler", ".txt");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(out).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " took longer than two minutes");
            }
            String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(command + " failed: " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out.toPath());
        }
    }
}
