package org.sanaq.run;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's output folder, written in a staging sibling folder and moved into place at the end, so that a run that
 * fails or is killed never leaves a half report and the previous report stays until the new one is whole.
 *
 * <p>{@link #begin} runs before any compute: it applies the {@link OutputGuard}'s rules, takes the output's
 * {@link OutputLock}, recovers what a killed run left, and creates the staging folder, so that an output that may
 * not or cannot be written fails at once. Beside the output {@code reports/kz} a run keeps {@code .kz.lock},
 * {@code .kz.partial-<pid>-<uuid>} (the staging folder) and, during the commit, {@code .kz.previous-<pid>-<uuid>}
 * (the report being replaced). Only folders of these names whose process is gone are ever removed or restored.
 */
public final class OutputFolder implements AutoCloseable {
    /** What to do when the output cannot be written: the one wording of every write failure of a run. */
    static final String FIX = "choose a writable output folder (the job's output, or --output <folder>)";

    private final Path target;
    private final Path staging;
    private final OutputLock lock;
    private final Consumer<String> notes;
    private final Path created; // the topmost folder begin created for the output's parent, or null
    private final Thread onShutdown;
    private boolean settled; // committed, or its staging folder removed

    private OutputFolder(Path target, Path staging, OutputLock lock, Consumer<String> notes, Path created) {
        this.target = target;
        this.staging = staging;
        this.lock = lock;
        this.notes = notes;
        this.created = created;
        // Ctrl-C or a SIGTERM: leave no staging folder and no lock behind (a SIGKILL is cleared by the next run).
        this.onShutdown = new Thread(this::close, "sanaq output clean-up");
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    /**
     * Begins writing the job's output folder.
     *
     * @param force  replace a previous run of another job too (never anything that is not a sanaq run)
     * @param notes  told what was recovered or taken over
     * @throws OutputRefused       the output may not be written (nothing was changed)
     * @throws EnvironmentFailure  the output's folder cannot be written
     */
    public static OutputFolder begin(JobSpec spec, boolean force, Consumer<String> notes) throws IOException {
        OutputGuard.checkPlace(spec);
        Path target = spec.output().toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path created = null;
        for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
            created = p;
        }
        OutputLock lock;
        try {
            Files.createDirectories(parent);
            lock = OutputLock.acquire(target, notes);
        } catch (OutputRefused e) {
            throw e;
        } catch (IOException e) {
            throw unwritable(e, parent);
        }
        try {
            recover(target, notes);
            OutputGuard.checkContents(target, spec.job(), force);
            Path staging = Files.createDirectory(sibling(target, "partial"));
            return new OutputFolder(target, staging, lock, notes, created);
        } catch (OutputRefused e) {
            lock.release();
            throw e;
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw unwritable(e, parent);
        }
    }

    /** Where to write while the run lasts. */
    public Path staging() {
        return staging;
    }

    /** Replaces the target folder by the staging folder; each step is an atomic rename. */
    public void commit() throws IOException {
        Path previous = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            previous = sibling(target, "previous");
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
        settled = true;
        if (previous != null) {
            removeIfRunFolder(previous, notes);
        }
    }

    /**
     * Unless committed, removes the staging folder and the folders begin created for the output (when empty), so a
     * failed run leaves the disk as it found it; releases the lock. Idempotent.
     */
    @Override
    public synchronized void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this is the hook running
        }
        if (settled) {
            lock.release();
            return;
        }
        settled = true;
        try {
            deleteTree(staging);
        } catch (IOException e) {
            System.err.println("sanaq: could not remove the unfinished output " + staging + ": " + e.getMessage());
        } finally {
            // after the staging folder is gone (no other run may take the output while it is there), and before the
            // folders begin created, which hold the lock file
            lock.release();
        }
        try {
            for (Path p = target.getParent(); created != null && p.startsWith(created); p = p.getParent()) {
                Files.delete(p);
            }
        } catch (DirectoryNotEmptyException e) {
            // someone else writes there too: keep it
        } catch (IOException e) {
            System.err.println("sanaq: could not remove the folder " + target.getParent() + ": " + e.getMessage());
        }
    }

    /** {@code .<name>.<kind>-<pid>-<uuid>} beside the target, {@code kind} partial or previous. */
    private static Path sibling(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid()
                + "-" + UUID.randomUUID());
    }

    /**
     * Clears what runs of this output left when they were killed (their process is gone): a staging folder is
     * removed; a previous report, left when the kill came between the commit's two renames, is restored when the
     * target is missing and removed when the target is a whole run. Runs under the lock.
     */
    static void recover(Path target, Consumer<String> notes) throws IOException {
        Pattern left = Pattern.compile(Pattern.quote("." + target.getFileName() + ".")
                + "(partial|previous)-(\\d{1,18})-[0-9a-f-]{36}");
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path sibling : siblings.sorted().toList()) {
                Matcher m = left.matcher(sibling.getFileName().toString());
                if (!m.matches() || isAlive(Long.parseLong(m.group(2)))) {
                    continue;
                }
                if (m.group(1).equals("partial")) {
                    deleteTree(sibling);
                } else if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(sibling, target, StandardCopyOption.ATOMIC_MOVE);
                    notes.accept("restored " + target + " from " + sibling.getFileName()
                            + ", left by a run killed while replacing it");
                } else if (OutputGuard.isWholeRun(target)) {
                    if (removeIfRunFolder(sibling, notes)) {
                        notes.accept("removed " + sibling.getFileName()
                                + ", the report a killed run had just replaced");
                    }
                } else {
                    notes.accept("left " + sibling + " alone: " + target + " is not a whole sanaq run; keep the one"
                            + " you need and remove the other");
                }
            }
        }
    }

    /** Removes a replaced report, unless someone put a file of their own in it meanwhile; says whether it did. */
    private static boolean removeIfRunFolder(Path folder, Consumer<String> notes) throws IOException {
        String foreign = OutputGuard.foreignEntry(folder);
        if (foreign != null) {
            notes.accept("kept " + folder + ": it holds " + foreign + ", which a sanaq run does not write");
            return false;
        }
        deleteTree(folder);
        return true;
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static EnvironmentFailure unwritable(Exception e, Path folder) {
        return EnvironmentFailure.ofWriting(e, folder, FIX).orElseGet(() -> new EnvironmentFailure(
                "cannot write beside the output in " + folder + ": " + EnvironmentFailure.reason(e) + "; " + FIX, e));
    }

    /** Deletes a folder sanaq wrote; symbolic links inside are removed, never followed. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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
