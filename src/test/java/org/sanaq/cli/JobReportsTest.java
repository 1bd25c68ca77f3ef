package org.sanaq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.report.RenderedReport;
import org.sanaq.report.ReportWriter;
import org.sanaq.results.RunFolder;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;

/**
 * The reports of the Russian-language kz job and of Georgia's 2024 election, rendered to PNG and read back with
 * poppler (the English kz report is checked in KzJobTest, the ru-cec one in RuCecControlTest, which run those
 * jobs already); and {@code sanaq render} rebuilding the same report from a run folder, without Spark.
 */
class JobReportsTest {
    @TempDir
    static Path output;

    @BeforeAll
    static void runTheRussianKzJob() throws Exception {
        runJob("kz-2023-majilis-ru");
    }

    private static void runJob(String job) throws Exception {
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(JobSpecLoader.load(TestData.project().resolve("jobs/" + job + ".yaml"))
                        .withOutput(output.resolve(job)), SparkTestSession.get());
    }

    @Test
    void theRussianKzReportIsInRussianWithCyrillicAndKazakhLetters() throws Exception {
        Path run = output.resolve("kz-2023-majilis-ru");
        String first = RenderedReport.assertRendered(run, output.resolve("png-kz-ru"));
        assertTrue(first.contains("Что нашли проверки"), first);
        assertTrue(first.contains("Мәжіліс"), "Kazakh letters of the job's title survive: " + first);
        // 139 of 189 round cells (KzJobTest), written the Russian way.
        assertTrue(first.contains("попадают 139 из 189 опубликованных чисел"), first);
        String all = RenderedReport.text(run.resolve(ReportWriter.PDF));
        assertFalse(all.contains("Worth a closer look"), "no English verdicts in the Russian report");
        assertTrue(all.contains("Как читать этот отчёт") && all.contains("Происхождение данных"),
                "every part in Russian");
        assertFalse(all.contains("\uFFFD"), "no replacement characters");
        String html = Files.readString(run.resolve(ReportWriter.HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("<html lang=\"ru\">"));
        assertEquals("ru", RunFolder.read(run).manifest().language());
    }

    /** Runs the ge job itself, so that only this test needs the shared ge-2024 dataset. */
    @Test
    void theGeorgianReportRenders() throws Exception {
        TestData.shared("ge-2024/cec_scrape_proportional.csv");
        TestData.shared("ge-2024/cec_scrape_proportional_electronic_ocr.csv");
        runJob("ge-2024-parliament");
        String first = RenderedReport.assertRendered(output.resolve("ge-2024-parliament"), output.resolve("png-ge"));
        assertTrue(first.contains("What the checks found"), first);
    }

    /** The render command reads only the run folder's files (no Spark) and writes the same report again. */
    @Test
    void renderRebuildsTheSameReportFromTheRunFolder() throws Exception {
        Path run = output.resolve("kz-2023-majilis-ru");
        Path copy = output.resolve("rerendered");
        Files.createDirectories(copy.resolve(RunFolder.TABLES));
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!List.of(ReportWriter.PDF, ReportWriter.HTML, ReportWriter.MARKDOWN).contains(name)) {
                    Files.copy(f, copy.resolve(run.relativize(f).toString()));
                }
            }
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"render", copy.toString()},
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, "UTF-8")), err.toString());
        assertEquals(RenderedReport.text(run.resolve(ReportWriter.PDF)),
                RenderedReport.text(copy.resolve(ReportWriter.PDF)));
        assertArrayEquals(Files.readAllBytes(run.resolve(ReportWriter.PDF)),
                Files.readAllBytes(copy.resolve(ReportWriter.PDF)));
        assertEquals(Files.readString(run.resolve(ReportWriter.MARKDOWN)),
                Files.readString(copy.resolve(ReportWriter.MARKDOWN)));
    }
}
