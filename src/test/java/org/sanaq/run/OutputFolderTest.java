package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @TempDir
    Path dir;

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private Path previousReport() throws IOException {
        Path target = dir.resolve("reports").resolve("kz");
        Files.createDirectories(target.resolve("tables"));
        Files.writeString(target.resolve("report.pdf"), "old report", StandardCharsets.UTF_8);
        Files.writeString(target.resolve("tables/old.csv"), "a,b\r\n", StandardCharsets.UTF_8);
        return target;
    }

    @Test
    void commitReplacesTheFolderWholly() throws IOException {
        Path target = previousReport();
        OutputFolder out = OutputFolder.begin(target);
        assertTrue(Files.isDirectory(out.staging()));
        assertEquals(target.getParent().toAbsolutePath(), out.staging().getParent());
        assertFalse(out.staging().equals(target.toAbsolutePath()));
        // while the run lasts, the previous report is still there
        assertEquals("old report", Files.readString(target.resolve("report.pdf")));
        Files.writeString(out.staging().resolve("report.pdf"), "new report", StandardCharsets.UTF_8);
        Files.writeString(out.staging().resolve("metrics.csv"), "check\r\n", StandardCharsets.UTF_8);
        out.commit();
        // nothing of the old folder survives (tables/old.csv is gone), and no staging or previous folder is left
        assertEquals(List.of("metrics.csv", "report.pdf"), tree(target));
        assertEquals("new report", Files.readString(target.resolve("report.pdf")));
        assertEquals(List.of("kz"), tree(target.getParent()).stream().filter(p -> !p.contains("/")).toList());
        assertFalse(Files.exists(out.staging()));
    }

    @Test
    void commitCreatesAMissingFolder() throws IOException {
        Path target = dir.resolve("new/reports/ge");
        OutputFolder out = OutputFolder.begin(target);
        Files.writeString(out.staging().resolve("findings.json"), "{}", StandardCharsets.UTF_8);
        out.commit();
        assertEquals(List.of("findings.json"), tree(target));
        assertEquals(List.of("ge"), tree(target.getParent()).stream().filter(p -> !p.contains("/")).toList());
    }

    @Test
    void abandonLeavesThePreviousFolderIntact() throws IOException {
        Path target = previousReport();
        List<String> before = tree(target);
        OutputFolder out = OutputFolder.begin(target);
        Files.createDirectories(out.staging().resolve("tables"));
        Files.writeString(out.staging().resolve("tables/half.csv"), "x", StandardCharsets.UTF_8);
        out.abandon();
        assertFalse(Files.exists(out.staging()));
        assertEquals(before, tree(target));
        assertEquals("old report", Files.readString(target.resolve("report.pdf")));
        // only the report folder is left beside it: no partial folder
        assertEquals(List.of("kz"), tree(target.getParent()).stream().filter(p -> !p.contains("/")).toList());
    }

    @Test
    void abandonWithNoPreviousFolder() throws IOException {
        Path target = dir.resolve("reports/ru");
        OutputFolder out = OutputFolder.begin(target);
        out.abandon();
        assertFalse(Files.exists(target));
        assertEquals(List.of(), tree(dir.resolve("reports")));
    }
}
