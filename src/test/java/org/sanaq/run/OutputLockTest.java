package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.CliProcess;

class OutputLockTest {
    @TempDir
    Path dir;
    private final List<String> notes = new ArrayList<>();

    private Path output() {
        return dir.resolve("kz");
    }

    private static String started() {
        return ProcessHandle.current().info().startInstant().map(Instant::toString).orElse("unknown");
    }

    @Test
    void theLockNamesThisProcessAndIsReleased() throws IOException {
        OutputLock lock = OutputLock.acquire(output(), notes::add);
        assertEquals("pid=" + ProcessHandle.current().pid() + "\nstarted=" + started() + "\n",
                Files.readString(dir.resolve(".kz.lock")));
        lock.release();
        assertFalse(Files.exists(dir.resolve(".kz.lock")));
        assertEquals(List.of(), notes);
    }

    @Test
    void aLockOfALiveProcessRefuses() throws IOException {
        OutputLock.acquire(output(), notes::add);
        OutputRefused e = assertThrows(OutputRefused.class, () -> OutputLock.acquire(output(), notes::add));
        assertEquals("another sanaq run (pid " + ProcessHandle.current().pid() + ", started " + started()
                + ") is writing " + output() + "; wait for it, or remove " + dir.resolve(".kz.lock")
                + " if that process is gone", e.getMessage());
    }

    @Test
    void aLockOfAProcessThatIsGoneIsTakenOver() throws Exception {
        long dead = CliProcess.deadPid();
        Files.writeString(dir.resolve(".kz.lock"), "pid=" + dead + "\nstarted=2026-01-01T00:00:00Z\n");
        OutputLock lock = OutputLock.acquire(output(), notes::add);
        assertEquals(List.of("took over " + dir.resolve(".kz.lock") + " from a run that is gone (pid " + dead
                + ", started 2026-01-01T00:00:00Z)"), notes);
        assertTrue(Files.readString(dir.resolve(".kz.lock")).startsWith("pid=" + ProcessHandle.current().pid()));
        lock.release();
        assertEquals(List.of(), List.of(dir.toFile().list()), "no lock and no stale copy left");
    }

    @Test
    void aLivePidThatStartedAfterTheLockIsAnotherProcess() {
        assertTrue(OutputLock.isAlive("pid=" + ProcessHandle.current().pid() + "\nstarted=" + started() + "\n"));
        assertFalse(OutputLock.isAlive("pid=" + ProcessHandle.current().pid() + "\nstarted=2001-01-01T00:00:00Z\n"),
                "the pid was reused: the lock's process is gone");
    }

    @Test
    void releaseLeavesALockThatIsNoLongerThisRuns() throws IOException {
        OutputLock lock = OutputLock.acquire(output(), notes::add);
        Files.writeString(dir.resolve(".kz.lock"), "pid=1\nstarted=unknown\n");
        lock.release();
        assertEquals("pid=1\nstarted=unknown\n", Files.readString(dir.resolve(".kz.lock")));
    }

    @Test
    void anEmptyLockRefusesAndSaysHowToRemoveIt() throws IOException {
        Files.writeString(dir.resolve(".kz.lock"), "");
        OutputRefused e = assertThrows(OutputRefused.class, () -> OutputLock.acquire(output(), notes::add));
        assertEquals("the lock " + dir.resolve(".kz.lock") + " names no process: another sanaq run may be starting"
                + " on " + output() + "; wait for it, or remove " + dir.resolve(".kz.lock") + " if no sanaq run is"
                + " writing", e.getMessage());
    }
}
