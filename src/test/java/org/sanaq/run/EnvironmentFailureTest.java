package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How write failures are told: the classification is tested directly, since tests run as root here and root writes
 * through permissions (OutputCasesTest's parent-unwritable case meets a real one on /sys).
 */
class EnvironmentFailureTest {
    private static final String FIX = "choose another output folder (--output <folder>)";

    @TempDir
    Path staging;

    private Optional<EnvironmentFailure> writing(Throwable e) {
        return EnvironmentFailure.ofWriting(e, staging, FIX);
    }

    @Test
    void aFullDiskNamesTheFileBeingWrittenAndTheFreeSpace() throws IOException {
        Path tables = Files.createDirectories(staging.resolve("tables"));
        Files.writeString(staging.resolve("findings.json"), "{}");
        Files.setLastModifiedTime(staging.resolve("findings.json"), FileTime.fromMillis(1_000));
        Files.writeString(tables.resolve("round_cells.csv"), "region,sh");
        String message = writing(new IOException("No space left on device")).orElseThrow().getMessage();
        assertTrue(message.startsWith("no space left on the device while writing " + tables.resolve("round_cells.csv")
                + " ("), message);
        assertTrue(message.matches(".* \\([\\d,]+ MB free on .*\\); free space there or " + FIX.replace("(", "\\(")
                .replace(")", "\\)")), message);
    }

    @Test
    void aFullDiskInsideAnUncheckedWrapperIsFound() {
        EnvironmentFailure e = writing(new UncheckedIOException(new IOException("No space left on device")))
                .orElseThrow();
        assertTrue(e.getMessage().contains("while writing " + staging + " ("), e.getMessage());
    }

    @Test
    void aPermissionOrReadOnlyFailureNamesTheFileTheErrorNames() {
        Path file = staging.resolve("report.pdf");
        assertEquals("permission denied writing " + file + "; make " + staging + " writable or " + FIX,
                writing(new AccessDeniedException(file.toString())).orElseThrow().getMessage());
        assertEquals("permission denied writing " + file + "; make " + staging + " writable or " + FIX,
                writing(new FileSystemException(file.toString(), null, "Operation not permitted")).orElseThrow()
                        .getMessage());
        assertEquals(file + " is on a read-only file system; " + FIX,
                writing(new FileSystemException(file.toString(), null, "Read-only file system")).orElseThrow()
                        .getMessage());
    }

    @Test
    void otherFailuresAreNotTheEnvironments() {
        assertEquals(Optional.empty(), writing(new IOException("a detail table may not be named '..'")));
        assertEquals(Optional.empty(), writing(new IllegalStateException("no cause")));
        assertEquals(Optional.empty(), EnvironmentFailure.ofComputing(new RuntimeException("a bad plan")));
    }

    @Test
    void aSparkTaskThatFillsTheDiskSaysWhereSparkWrites() {
        RuntimeException spark = new RuntimeException("Job aborted due to stage failure",
                new IOException("No space left on device"));
        String message = EnvironmentFailure.ofComputing(spark).orElseThrow().getMessage();
        assertTrue(message.startsWith("no space left on the device while Spark computed in its working folder "),
                message);
        assertTrue(message.endsWith("free space there or set SPARK_LOCAL_DIRS to a folder on a larger disk"), message);
    }
}
