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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;

import org.sanaq.checks.CheckCatalog;
import org.sanaq.results.Finding;
import org.sanaq.results.RunFolder;
import org.sanaq.text.Messages;

/**
 * Checks a run folder's report.pdf the way a reader's tools see it, with poppler: every page renders to PNG
 * (pdftoppm), the page count is that of the plan, the first page's text (pdftotext) holds each sentence the first
 * page lists, and every font is embedded (pdffonts). CI installs poppler-utils (.ci/run); on a machine without it
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
        Messages messages = Messages.of(contents.manifest().language());
        ReportPlan plan = ReportPlan.of(contents, id -> CheckCatalog.describe(id, messages));
        return PdfReport.firstPageFindings(plan).stream().map(Finding::sentence).toList();
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
        List<String> sentences = firstPageSentences(contents);
        for (String sentence : sentences) {
            assertTrue(first.contains(oneLine(sentence)), "first page lacks: " + sentence + "\n" + first);
        }
        assertTrue(first.contains(oneLine(Wording.of(contents.manifest().language()).caveat())), "the caveat");

        List<String> fonts = run(List.of("pdffonts", pdf.toString())).lines().skip(2).toList();
        assertFalse(fonts.isEmpty(), "pdffonts lists the fonts");
        for (String font : fonts) {
            // columns: name type encoding emb sub uni object ID; "emb" is the fourth from the end.
            String[] cells = font.trim().split("\\s+");
            assertEquals("yes", cells[cells.length - 5], "font not embedded: " + font);
        }
        return first;
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
