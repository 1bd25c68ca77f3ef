package org.sanaq.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps two runs off one output folder: a file {@code .<name>.lock} beside it, created atomically, holding the
 * process id and the start time of the run that writes. A lock whose process is gone (killed runs leave theirs) is
 * taken over; the start time tells a live process from a later one that got the same id.
 */
final class OutputLock {
    private final Path file;
    private final String content;

    private OutputLock(Path file, String content) {
        this.file = file;
        this.content = content;
    }

    /** The lock file of an output folder. */
    static Path fileOf(Path output) {
        return output.resolveSibling("." + output.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code output}; its parent folder exists.
     *
     * @param notes told when a stale lock is taken over
     * @throws OutputRefused when another live run holds it
     */
    static OutputLock acquire(Path output, Consumer<String> notes) throws IOException {
        Path file = fileOf(output);
        ProcessHandle self = ProcessHandle.current();
        String mine = "pid=" + self.pid() + "\nstarted=" + startOf(self).map(Instant::toString).orElse("unknown")
                + "\n";
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(file, mine, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new OutputLock(file, mine);
            } catch (FileAlreadyExistsException e) {
                String held = read(file);
                if (held == null) {
                    continue; // released meanwhile: try again
                }
                if (field(held, "pid") == null) {
                    throw new OutputRefused("the lock " + file + " names no process: another sanaq run may be starting"
                            + " on " + output + "; wait for it, or remove " + file + " if no sanaq run is writing");
                }
                if (isAlive(held)) {
                    throw new OutputRefused("another sanaq run (" + describe(held) + ") is writing " + output
                            + "; wait for it, or remove " + file + " if that process is gone");
                }
                if (takeOver(file, held)) {
                    notes.accept("took over " + file + " from a run that is gone (" + describe(held) + ")");
                }
            }
        }
        throw new OutputRefused("the lock " + file + " keeps changing hands: another sanaq run is starting on "
                + output + "; wait for it");
    }

    /** Removes the lock if it is still this run's. */
    void release() {
        try {
            if (content.equals(read(file))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("sanaq: could not remove the lock " + file + ": " + e.getMessage());
        }
    }

    /**
     * Removes a stale lock, unless another run took it over since it was read: the lock is first renamed to a name
     * of this process, so that only one run can remove it, and put back if it is no longer the one read.
     */
    private static boolean takeOver(Path file, String stale) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".stale-" + ProcessHandle.current().pid());
        try {
            Files.move(file, aside);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (stale.equals(read(aside))) {
            Files.delete(aside);
            return true;
        }
        try {
            Files.move(aside, file);
        } catch (FileAlreadyExistsException e) {
            Files.delete(aside); // a third run holds the lock now; the one moved aside is outdated
        }
        return false;
    }

    /**
     * Whether the lock's process is alive: its pid runs and started when the lock says. A lock that names no
     * process (being written, or left empty by a crash) counts as held, and its message says how to remove it.
     */
    static boolean isAlive(String lock) {
        String pid = field(lock, "pid");
        if (pid == null || !pid.matches("\\d{1,18}")) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        String started = field(lock, "started");
        return process.isPresent() && (started == null || started.equals("unknown")
                || startOf(process.get()).map(s -> s.toString().equals(started)).orElse(true));
    }

    private static String describe(String lock) {
        return "pid " + field(lock, "pid") + ", started " + field(lock, "started");
    }

    private static String field(String lock, String key) {
        return lock.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst()
                .orElse(null);
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
