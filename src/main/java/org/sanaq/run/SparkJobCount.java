package org.sanaq.run;

import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Counts the Spark jobs that a piece of work starts: a {@link SparkListener}, registered once per SparkContext, counts
 * every job it sees start under each job tag the job carries. A piece of work ({@link #begin()}) tags its thread with
 * a tag of its own; Spark passes the thread's tags on to every job started from it, also to those that Spark SQL starts
 * from its own threads (broadcasts, subqueries), so the count is the work's alone, even in a session shared with
 * other work. Job tags rather than a job group, because a thread has one group, which belongs to the caller.
 */
public final class SparkJobCount extends SparkListener {
    /** How long a count waits for Spark's listener bus to deliver the events posted before it. */
    static final long DRAIN_MILLIS = TimeUnit.MINUTES.toMillis(1);
    /** The job property that holds a job's tags, comma-separated (SparkContext.SPARK_JOB_TAGS, internal to Spark). */
    private static final String JOB_TAGS = "spark.job.tags";
    private static final Map<SparkContext, SparkJobCount> REGISTERED = new WeakHashMap<>();

    private final SparkContext context;
    private final AtomicLong started = new AtomicLong();
    private final Map<String, AtomicLong> startedByTag = new ConcurrentHashMap<>();

    private SparkJobCount(SparkContext context) {
        this.context = context;
    }

    /** The counter of a SparkContext, registered on its listener bus the first time it is asked for. */
    public static synchronized SparkJobCount on(SparkContext context) {
        return REGISTERED.computeIfAbsent(context, c -> {
            SparkJobCount count = new SparkJobCount(c);
            c.addSparkListener(count);
            return count;
        });
    }

    @Override
    public void onJobStart(SparkListenerJobStart job) {
        started.incrementAndGet();
        String tags = job.properties() == null ? null : job.properties().getProperty(JOB_TAGS);
        if (tags == null) {
            return;
        }
        for (String tag : tags.split(",")) {
            AtomicLong count = startedByTag.get(tag);
            if (count != null) {
                count.incrementAndGet(); // a tag of a piece of work still being counted
            }
        }
    }

    /**
     * Every job the context started since this counter was registered, once the listener bus has delivered the
     * events posted so far.
     */
    public Jobs total() {
        boolean exact = drain();
        return new Jobs(started.get(), exact);
    }

    /** Starts counting the jobs that this thread starts from now until {@link Counting#end()}. */
    public Counting begin() {
        String tag = "sanaq-" + UUID.randomUUID();
        startedByTag.put(tag, new AtomicLong());
        context.addJobTag(tag);
        return new Counting(tag);
    }

    /** One piece of work being counted, on the thread that began it. */
    public final class Counting {
        private final String tag;

        private Counting(String tag) {
            this.tag = tag;
        }

        /** Stops counting (on the thread that began) and gives the jobs started in between. */
        public Jobs end() {
            context.removeJobTag(tag);
            boolean exact = drain();
            return new Jobs(startedByTag.remove(tag).get(), exact);
        }
    }

    /**
     * Waits until Spark's listener bus has delivered every event posted so far: listeners hear of jobs
     * asynchronously, and a job's start event is posted before the action that ran it returns. SparkContext offers no
     * public wait; its bus's own (which Spark's tests use) is public in the bytecode and present in Spark 3.5 and 4.
     * False if the bus was still busy after {@link #DRAIN_MILLIS}: the count is then a lower bound.
     */
    private boolean drain() {
        try {
            context.listenerBus().waitUntilEmpty(DRAIN_MILLIS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /**
     * A number of Spark jobs; not {@code exact} when the listener bus had not delivered every event in time, and the
     * number is then a lower bound.
     */
    public record Jobs(long count, boolean exact) {
        /** "27 Spark jobs", "1 Spark job", or "at least 27 Spark jobs". */
        @Override
        public String toString() {
            return (exact ? "" : "at least ") + count + (count == 1 ? " Spark job" : " Spark jobs");
        }
    }
}
