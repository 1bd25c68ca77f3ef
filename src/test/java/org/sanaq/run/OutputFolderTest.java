package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.schema.Conventions;

/** The staging folder, its commit and its clean-up; the output rules themselves are in OutputCasesTest. */
class OutputFolderTest {
    @TempDir
    Path dir;
    private final List<String> notes = new ArrayList<>();

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** A job of the given name writing to {@code output}, with no inputs (the guard then checks only the spec). */
    private JobSpec job(String name, Path output) throws IOException {
        Path file = Files.createDirectories(dir.resolve("jobs")).resolve(name + ".yaml");
        Files.writeString(file, "job: " + name + "\n");
        return new JobSpec(file, "", name, name, "e", "C", "en", List.of(), List.of(), Conventions.DEFAULT, List.of(),
                output);
    }

    private OutputFolder begin(String name, Path output) throws IOException {
        return OutputFolder.begin(job(name, output), false, notes::add);
    }

    private Path previousReport() throws IOException {
        Path target = dir.resolve("reports").resolve("kz");
        Files.createDirectories(target.resolve("tables"));
        Files.writeString(target.resolve("manifest.json"), "{\"job\": \"kz\", \"programVersion\": \"0.9.0\"}");
        Files.writeString(target.resolve("report.pdf"), "old report", StandardCharsets.UTF_8);
        Files.writeString(target.resolve("tables/old.csv"), "a,b\r\n", StandardCharsets.UTF_8);
        return target;
    }

    private static List<String> besides(Path target) throws IOException {
        return tree(target.getParent()).stream().filter(p -> !p.contains("/")).toList();
    }

    @Test
    void commitReplacesThePreviousRunWholly() throws IOException {
        Path target = previousReport();
        try (OutputFolder out = begin("kz", target)) {
            assertTrue(Files.isDirectory(out.staging()));
            assertEquals(target.getParent(), out.staging().getParent());
            assertEquals(List.of(".kz.lock", ".kz.partial-" + ProcessHandle.current().pid()),
                    besides(target).stream().filter(p -> p.startsWith(".")).map(p -> p.replaceFirst("-[0-9a-f-]{36}$",
                            "")).toList(), "the lock and the staging folder, named by this process");
            // while the run lasts, the previous report is still there
            assertEquals("old report", Files.readString(target.resolve("report.pdf")));
            Files.writeString(out.staging().resolve("report.pdf"), "new report", StandardCharsets.UTF_8);
            Files.writeString(out.staging().resolve("metrics.csv"), "check\r\n", StandardCharsets.UTF_8);
            out.commit();
        }
        // nothing of the old folder survives (tables/old.csv is gone), and no staging, previous folder or lock is left
        assertEquals(List.of("metrics.csv", "report.pdf"), tree(target));
        assertEquals("new report", Files.readString(target.resolve("report.pdf")));
        assertEquals(List.of("kz"), besides(target));
        assertEquals(List.of(), notes);
    }

    @Test
    void commitCreatesAMissingFolder() throws IOException {
        Path target = dir.resolve("new/reports/ge");
        try (OutputFolder out = begin("ge", target)) {
            Files.writeString(out.staging().resolve("findings.json"), "{}", StandardCharsets.UTF_8);
            out.commit();
        }
        assertEquals(List.of("findings.json"), tree(target));
        assertEquals(List.of("ge"), besides(target));
    }

    @Test
    void closingWithoutACommitLeavesThePreviousRunIntact() throws IOException {
        Path target = previousReport();
        List<String> before = tree(target);
        OutputFolder out = begin("kz", target);
        Files.createDirectories(out.staging().resolve("tables"));
        Files.writeString(out.staging().resolve("tables/half.csv"), "x", StandardCharsets.UTF_8);
        out.close();
        assertFalse(Files.exists(out.staging()));
        assertEquals(before, tree(target));
        assertEquals("old report", Files.readString(target.resolve("report.pdf")));
        assertEquals(List.of("kz"), besides(target), "no staging folder and no lock");
    }

    @Test
    void closingWithoutACommitRemovesTheFoldersBeginCreated() throws IOException {
        Path target = dir.resolve("new/reports/ru");
        begin("ru", target).close();
        assertFalse(Files.exists(dir.resolve("new")));
    }

    @Test
    void aSecondRunOnTheSameOutputIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
        Path target = previousReport();
        try (OutputFolder first = begin("kz", target)) {
            OutputRefused e = assertThrows(OutputRefused.class, () -> begin("kz", target));
            assertTrue(e.getMessage().startsWith("another sanaq run (pid " + ProcessHandle.current().pid()
                    + ", started "), e.getMessage());
            assertTrue(e.getMessage().endsWith("is writing " + target + "; wait for it, or remove "
                    + target.resolveSibling(".kz.lock") + " if that process is gone"), e.getMessage());
            assertTrue(Files.isDirectory(first.staging()), "the first run's staging folder is untouched");
        }
        assertEquals(List.of("kz"), besides(target));
    }

    @Test
    void aReplacedRunIntoWhichSomeoneWroteMeanwhileIsKept() throws IOException {
        Path target = previousReport();
        try (OutputFolder out = begin("kz", target)) {
            Files.writeString(target.resolve("notes.txt"), "mine");
            Files.writeString(out.staging().resolve("report.pdf"), "new report", StandardCharsets.UTF_8);
            out.commit();
        }
        assertEquals("new report", Files.readString(target.resolve("report.pdf")));
        List<String> kept = besides(target).stream().filter(p -> p.startsWith(".kz.previous-")).toList();
        assertEquals(1, kept.size(), besides(target).toString());
        assertEquals("mine", Files.readString(target.resolveSibling(kept.get(0)).resolve("notes.txt")));
        assertEquals(List.of("kept " + target.resolveSibling(kept.get(0)) + ": it holds notes.txt, which a sanaq run"
                + " does not write"), notes);
    }
}
