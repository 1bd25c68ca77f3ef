package org.sanaq.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's output folder, written in a temporary sibling folder and moved into place at the end, so that a run
 * that fails or is killed never leaves a half report and the previous report stays until the new one is whole.
 */
public final class OutputFolder {
    private final Path target;
    private final Path staging;

    private OutputFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    public static OutputFolder begin(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        removeAbandoned(parent, target.getFileName().toString());
        Path staging = parent.resolve("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID());
        Files.createDirectories(staging);
        return new OutputFolder(target.toAbsolutePath(), staging);
    }

    /** Where to write while the run lasts. */
    public Path staging() {
        return staging;
    }

    /** Replaces the target folder by the staging folder; each step is an atomic rename. */
    public void commit() throws IOException {
        Path previous = null;
        if (Files.exists(target)) {
            previous = target.resolveSibling("." + target.getFileName() + ".previous-" + UUID.randomUUID());
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (previous != null) {
                Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (previous != null) {
            deleteTree(previous);
        }
    }

    /** Removes the staging folder after a failure; the target is untouched. */
    public void abandon() {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            System.err.println("sanaq: could not remove the unfinished output " + staging + ": " + e.getMessage());
        }
    }

    /**
     * Deletes staging folders left by runs of the same output that were killed: the process id in the folder's
     * name is no longer alive. A staging folder of a run still going is left alone.
     */
    private static void removeAbandoned(Path parent, String name) throws IOException {
        Pattern partial = Pattern.compile(Pattern.quote("." + name + ".partial-") + "(\\d+)-.*");
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path sibling : siblings.toList()) {
                Matcher m = partial.matcher(sibling.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true)) {
                    deleteTree(sibling);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
