package org.sanaq.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.sql.SparkSession;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpec;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;
import org.sanaq.run.SparkJobCount;
import org.sanaq.run.SpecException;

/**
 * One benchmark measurement: generates a synthetic election of the given size, then runs the full job over it
 * (every check of the catalog, the run folder and the report) and appends to a CSV the wall time, the time Spark took
 * to start, each stage's time and Spark jobs (read, compute, judge, write: {@link Progress}), precincts per
 * second, the driver's peak heap, used and live after collections (sampled every 20 ms; in local mode the executors
 * share the driver's JVM, so this is an upper bound) and the process's peak resident memory (VmHWM). Run one size per JVM
 * ({@code jobs/benchmark.sh}) so that the peaks belong to that size.
 */
public final class Benchmark {
    static final String HEADER = "precincts,files,generate_s,wall_s,spark_start_s,read_s,compute_s,judge_s,write_s,"
            + "read_jobs,compute_jobs,judge_jobs,write_jobs,spark_jobs,precincts_per_s,peak_driver_heap_mb,"
            + "peak_heap_after_gc_mb,peak_rss_mb,max_heap_mb,spark_master,cores,load_average,machine,java";
    /**
     * The run's stages in the CSV's order, by the first word of their progress line; a stage the run no longer has
     * leaves its columns empty.
     */
    private static final List<String> STAGES = List.of("reading", "computing", "judging", "writing");

    private Benchmark() {
    }

    /** @param data where the election is written: a local folder or a Hadoop URI ({@code hdfs://...}) */
    public static void run(SparkSession spark, SyntheticSpec base, long precincts, String data, Path csv,
            PrintStream log) throws IOException, SpecException {
        // The session was made just before: from the SparkContext's creation to now is what starting Spark took.
        double sparkStart = (System.currentTimeMillis() - spark.sparkContext().startTime()) / 1e3;
        checkColumns(csv);
        // two files per 100,000 precincts (at least four): ingest reads each file in one task
        int files = (int) Math.max(4, Math.min(1000, precincts / 100_000 * 2));
        SyntheticSpec spec = base.with(base.seed(), precincts, files, data.contains("://") ? data
                : Path.of(data).toAbsolutePath().toString(), base.irregularities());
        Files.createDirectories(csv.toAbsolutePath().getParent());
        long t0 = System.nanoTime();
        SyntheticElection.generate(spark, spec, 0);
        double generate = (System.nanoTime() - t0) / 1e9;
        log.printf(Locale.ROOT, "sanaq: benchmark: %,d precincts generated in %d files in %.1f s%n", precincts,
                files, generate);
        Path folder = csv.toAbsolutePath().getParent();
        Path jobFile = folder.resolve("job-" + precincts + ".yaml");
        Files.writeString(jobFile, SyntheticElection.jobFile(spec, true), StandardCharsets.UTF_8);
        JobSpec job = JobSpecLoader.load(jobFile).withOutput(folder.resolve("run-" + precincts));
        HeapSampler heap = new HeapSampler();
        heap.start();
        long t1 = System.nanoTime();
        Progress progress = new Progress(log, 4); // reading, computing, judging, writing
        // A cold read every time (parse, then store the ingest cache): a run folder left by an earlier benchmark of
        // the same election must not turn the reading stage into a cache hit.
        new JobRunner(progress).withoutCache().run(job, spark);
        double wall = (System.nanoTime() - t1) / 1e9;
        heap.interrupt();
        String row = String.format(Locale.ROOT, "%d,%d,%.1f,%.1f,%.1f,%s,%.0f,%d,%d,%d,%d,%s,%d,%.1f,\"%s\",%s",
                precincts, files, generate, wall, sparkStart, stageColumns(progress.stages()), precincts / wall,
                heap.peak.get() >> 20, heap.peakAfterGc.get() >> 20,
                peakRssKb() >> 10, Runtime.getRuntime().maxMemory() >> 20, spark.sparkContext().master(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), machine(),
                System.getProperty("java.version"));
        append(csv, row);
        log.println("sanaq: benchmark: " + HEADER + "\nsanaq: benchmark: " + row);
    }

    /**
     * Each stage's seconds, then each stage's Spark jobs, then the jobs of all stages: the CSV's columns from read_s
     * to spark_jobs. A count that is only a lower bound (Spark's listener bus was late) is written as such ("&gt;=27").
     */
    static String stageColumns(List<Progress.Stage> stages) {
        List<String> seconds = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        long total = 0;
        boolean exact = true;
        for (String name : STAGES) {
            Progress.Stage stage = stages.stream().filter(s -> s.name().startsWith(name)).findFirst()
                    .orElse(null);
            seconds.add(stage == null ? "" : String.format(Locale.ROOT, "%.1f", stage.seconds()));
            SparkJobCount.Jobs count = stage == null ? null : stage.sparkJobs();
            jobs.add(count == null ? "" : (count.exact() ? "" : ">=") + count.count());
            total += count == null ? 0 : count.count();
            exact &= count == null || count.exact();
        }
        return String.join(",", seconds) + "," + String.join(",", jobs) + "," + (exact ? "" : ">=") + total;
    }

    /** Refuses a CSV with other columns (an older sanaq's) before anything is measured, rather than mix rows. */
    static void checkColumns(Path csv) throws IOException, SpecException {
        if (!Files.exists(csv)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            if (!HEADER.equals(in.readLine())) {
                throw new SpecException(csv + " has other columns than this benchmark writes (an older sanaq's?);"
                        + " move it away, or name another file with --csv <file>");
            }
        }
    }

    /** Appends a row to the CSV, beginning it with the header when it is new. */
    static void append(Path csv, String row) throws IOException {
        Files.writeString(csv, (Files.exists(csv) ? "" : HEADER + "\n") + row + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The process's peak resident set (VmHWM, kB) on Linux; -1 elsewhere. */
    static long peakRssKb() {
        return procValue(Path.of("/proc/self/status"), "VmHWM:");
    }

    /** CPU model and memory, from /proc on Linux. */
    static String machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1)
                            .trim()).orElse("unknown CPU");
            long memKb = procValue(Path.of("/proc/meminfo"), "MemTotal:");
            return (cpu + ", " + (memKb >> 20) + " GB RAM, " + System.getProperty("os.name") + " "
                    + System.getProperty("os.version")).replace("\"", "'");
        } catch (IOException e) {
            return System.getProperty("os.name");
        }
    }

    private static long procValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Samples the JVM's used heap until interrupted and keeps the largest value; also the largest heap still in
     * use after a collection (what the run needs, rather than garbage the collector had not yet reclaimed).
     */
    private static final class HeapSampler extends Thread {
        final AtomicLong peak = new AtomicLong();
        final AtomicLong peakAfterGc = new AtomicLong();
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        HeapSampler() {
            setDaemon(true);
            setName("sanaq-heap-sampler");
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                long live = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
                        .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
                peakAfterGc.accumulateAndGet(live, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
