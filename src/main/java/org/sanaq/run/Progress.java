package org.sanaq.run;

import java.io.PrintStream;
import java.util.Locale;

/** One line per stage of a run on standard error, with the time the stage took. */
public final class Progress {
    private final PrintStream out;
    private final int stages;
    private final boolean debug;
    private int stage;
    private long started;
    private String current;

    public Progress(PrintStream out, int stages) {
        this(out, stages, System.getenv("SANAQ_DEBUG") != null);
    }

    /** With {@code debug}, a failure the run survives prints its stack trace (SANAQ_DEBUG sets it). */
    Progress(PrintStream out, int stages, boolean debug) {
        this.out = out;
        this.stages = stages;
        this.debug = debug;
    }

    public void start(String what) {
        stage++;
        current = what;
        started = System.nanoTime();
        out.printf(Locale.ROOT, "sanaq: [%d/%d] %s …%n", stage, stages, what);
    }

    /** A line inside the current stage: one piece of it finished, with the time it took. */
    public void detail(String what, long startedNanos) {
        out.printf(Locale.ROOT, "sanaq:       %s (%.1f s)%n", what, (System.nanoTime() - startedNanos) / 1e9);
    }

    /** A line outside the stages: something the run did on the way that the user should know. */
    public void note(String what) {
        out.println("sanaq: " + what);
    }

    /** A failure the run survives, on one line; its stack trace follows when SANAQ_DEBUG is set. */
    public void failure(String what, Throwable e) {
        note(what);
        if (debug) {
            e.printStackTrace(out);
        }
    }

    public void done(String result) {
        out.printf(Locale.ROOT, "sanaq: [%d/%d] %s: %s (%.1f s)%n", stage, stages, current, result,
                (System.nanoTime() - started) / 1e9);
    }
}
