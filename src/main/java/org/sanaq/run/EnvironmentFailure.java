package org.sanaq.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine failed the run, not the job: Spark could not start, or a folder sanaq writes is full, read-only or
 * not writable ({@code sanaq run} exits 5). The message is one line naming the path and the fix. An IOException, so
 * that every caller that writes a run already handles it.
 */
public final class EnvironmentFailure extends IOException {
    private static final long serialVersionUID = 1L;

    public EnvironmentFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The environmental cause of a failure to write into {@code folder}, if there is one: no space left, permission
     * denied or a read-only file system, anywhere in the chain of causes. The file named is the one the error names,
     * else the file last written in {@code folder} (the one being written when the disk filled), else the folder.
     */
    public static Optional<EnvironmentFailure> ofWriting(Throwable failure, Path folder, String fix) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (!(t instanceof IOException io)) {
                continue;
            }
            String reason = reason(io);
            Path file = io instanceof FileSystemException fs && fs.getFile() != null ? Path.of(fs.getFile())
                    : lastWritten(folder);
            if (isDiskFull(reason)) {
                return Optional.of(new EnvironmentFailure("no space left on the device while writing " + file + " ("
                        + freeSpace(file) + "); free space there or " + fix, failure));
            }
            if (io instanceof AccessDeniedException || reason.contains("Permission denied")
                    || reason.contains("Operation not permitted")) {
                return Optional.of(new EnvironmentFailure("permission denied writing " + file + "; make "
                        + file.getParent() + " writable or " + fix, failure));
            }
            if (reason.contains("Read-only file system")) {
                return Optional.of(new EnvironmentFailure(file + " is on a read-only file system; " + fix, failure));
            }
        }
        return Optional.empty();
    }

    /**
     * A Spark computation that failed because the disk filled: Spark spills and shuffles into its local folders, so
     * the fix is more space there or another folder.
     */
    public static Optional<EnvironmentFailure> ofComputing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException io && isDiskFull(reason(io))) {
                String dirs = System.getenv("SPARK_LOCAL_DIRS") == null ? System.getProperty("java.io.tmpdir")
                        : System.getenv("SPARK_LOCAL_DIRS");
                return Optional.of(new EnvironmentFailure("no space left on the device while Spark computed in its"
                        + " working folder " + dirs + " (" + freeSpace(Path.of(dirs.split(",")[0].strip()))
                        + "); free space there or set SPARK_LOCAL_DIRS to a folder on a larger disk", failure));
            }
        }
        return Optional.empty();
    }

    private static boolean isDiskFull(String reason) {
        return reason.contains("No space left on device") || reason.contains("Disk quota exceeded");
    }

    /** Why an I/O operation failed, in words (a FileSystemException's message is often only the path). */
    static String reason(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder, and it cannot be created";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason.lines().findFirst().orElse(reason);
    }

    /** The most recently modified file under {@code folder}, or the folder when it holds none (or is gone). */
    static Path lastWritten(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).max(Comparator.comparing(EnvironmentFailure::modified))
                    .orElse(folder);
        } catch (IOException | RuntimeException e) {
            return folder;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime();
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** "N MB free" on the file system holding {@code path} (or its nearest existing ancestor). */
    static String freeSpace(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            return String.format(Locale.ROOT, "%,d MB free on %s", free >> 20, existing);
        } catch (IOException | RuntimeException e) {
            return "free space unknown";
        }
    }
}
