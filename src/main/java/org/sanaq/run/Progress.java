package org.sanaq.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One line per stage of a run on standard error, with the time the stage took and, when a Spark session was running
 * as the stage began, the number of Spark jobs the stage started ({@link SparkJobCount}). The stages are kept, for the
 * benchmark.
 */
public final class Progress {
    private final PrintStream out;
    private final int stages;
    private final boolean debug;
    private final List<Stage> done = new ArrayList<>();
    private int stage;
    private long started;
    private String current;
    /** The counter of the session that ran as the stage began; null when none ran. */
    private SparkJobCount jobCount;
    private SparkJobCount.Counting stageJobs;
    /** The jobs since the stage's previous line: those of the piece that the next {@link #detail} line reports. */
    private SparkJobCount.Counting pieceJobs;

    /**
     * A finished stage: its name, its time, and the Spark jobs it started (null when no Spark session ran as it
     * began, as while Spark starts).
     */
    public record Stage(String name, double seconds, SparkJobCount.Jobs sparkJobs) {
    }

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
        if (jobCount != null) { // the stage before ended without done(): its run failed
            stageJobs.end();
            pieceJobs.end();
        }
        stage++;
        current = what;
        SparkContext context = runningContext();
        jobCount = context == null ? null : SparkJobCount.on(context);
        stageJobs = jobCount == null ? null : jobCount.begin();
        pieceJobs = jobCount == null ? null : jobCount.begin();
        started = System.nanoTime();
        out.printf(Locale.ROOT, "sanaq: [%d/%d] %s …%n", stage, stages, what);
    }

    /**
     * A line inside the current stage: one piece of it finished, with the time it took and the Spark jobs started
     * since the stage's previous line (the pieces of a stage follow one another).
     */
    public void detail(String what, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        SparkJobCount.Jobs jobs = null;
        if (jobCount != null) {
            jobs = pieceJobs.end();
            pieceJobs = jobCount.begin();
        }
        out.printf(Locale.ROOT, "sanaq:       %s (%.1f s%s)%n", what, seconds, jobs == null ? "" : ", " + jobs);
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
        double seconds = (System.nanoTime() - started) / 1e9;
        SparkJobCount.Jobs jobs = null;
        if (jobCount != null) {
            pieceJobs.end();
            jobs = stageJobs.end();
            jobCount = null;
        }
        done.add(new Stage(current, seconds, jobs));
        out.printf(Locale.ROOT, "sanaq: [%d/%d] %s: %s (%.1f s%s)%n", stage, stages, current, result, seconds,
                jobs == null ? "" : ", " + jobs);
    }

    /** The stages finished so far, in order. */
    public List<Stage> stages() {
        return List.copyOf(done);
    }

    /** The SparkContext of this thread's session, or of the default one; null when none runs. */
    private static SparkContext runningContext() {
        SparkSession session = SparkSession.getActiveSession()
                .getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> null));
        return session == null || session.sparkContext().isStopped() ? null : session.sparkContext();
    }
}
