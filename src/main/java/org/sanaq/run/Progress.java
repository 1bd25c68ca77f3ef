package org.sanaq.run;

import java.io.PrintStream;
import java.util.Locale;

/** One line per stage of a run on standard error, with the time the stage took. */
public final class Progress {
    private final PrintStream out;
    private final int stages;
    private int stage;
    private long started;
    private String current;

    public Progress(PrintStream out, int stages) {
        this.out = out;
        this.stages = stages;
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

    public void done(String result) {
        out.printf(Locale.ROOT, "sanaq: [%d/%d] %s: %s (%.1f s)%n", stage, stages, current, result,
                (System.nanoTime() - started) / 1e9);
    }
}
