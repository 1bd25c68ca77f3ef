package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;

/**
 * Spark jobs are counted per stage of a run, and the stages' counts add up to every job the run started. The counts
 * of the default job are printed for the record; its computing stage is bounded as {@link OneScanJobsTest} bounds a
 * run with every check: the first pass, the shared pass and the join of the observers' copies.
 */
class SparkJobCountTest {
    private static final String TIME_AND_JOBS = " \\(\\d+\\.\\d s, (\\d+) Spark jobs?\\)";
    private static final Pattern STAGE_LINE = Pattern.compile("\\[\\d/4] (.*?): .*" + TIME_AND_JOBS);
    private static final Pattern DETAIL_LINE = Pattern.compile("sanaq: {7}(.*)" + TIME_AND_JOBS);

    @TempDir
    Path dir;

    @Test
    void aPieceOfWorkCountsTheJobsItsThreadStartedAndNoOthers() throws Exception {
        SparkSession spark = SparkTestSession.get();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkJobCount count = SparkJobCount.on(spark.sparkContext());
        long before = count.total().count();

        SparkJobCount.Counting counting = count.begin();
        sc.parallelize(List.of(1, 2, 3), 2).count(); // an RDD action: exactly one job
        Thread other = new Thread(() -> sc.parallelize(List.of(4, 5), 2).count());
        other.start(); // a thread started here inherits the tag: its jobs are the work's too
        other.join();
        SparkJobCount.Jobs jobs = counting.end();
        sc.parallelize(List.of(6), 1).count(); // after the end: not the work's

        assertEquals(new SparkJobCount.Jobs(2, true), jobs);
        assertEquals(before + 3, count.total().count(), "the total counts every job of the context");
        assertEquals(count, SparkJobCount.on(spark.sparkContext()), "one counter per context");
    }

    @Test
    void aStageLineGivesItsJobsAndEachDetailLineThoseSinceTheStagesPreviousLine() throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(lines, true, "UTF-8"), 1);
        progress.start("counting");
        long started = System.nanoTime();
        sc.parallelize(List.of(1, 2), 2).count();
        progress.detail("one piece", started);
        sc.parallelize(List.of(1, 2), 2).count();
        sc.parallelize(List.of(3), 1).count();
        progress.detail("another piece", started);
        progress.done("done");

        String[] printed = lines.toString("UTF-8").split("\n");
        assertTrue(printed[1].matches("sanaq: {7}one piece \\(\\d+\\.\\d s, 1 Spark job\\)"), printed[1]);
        assertTrue(printed[2].matches("sanaq: {7}another piece \\(\\d+\\.\\d s, 2 Spark jobs\\)"), printed[2]);
        assertTrue(printed[3].matches("sanaq: \\[1/1] counting: done \\(\\d+\\.\\d s, 3 Spark jobs\\)"),
                printed[3]);
        assertEquals(new SparkJobCount.Jobs(3, true), progress.stages().get(0).sparkJobs());
    }

    @Test
    void aCountSaysHowManyJobsAndWhetherItIsALowerBound() {
        assertEquals("1 Spark job", new SparkJobCount.Jobs(1, true).toString());
        assertEquals("27 Spark jobs", new SparkJobCount.Jobs(27, true).toString());
        assertEquals("at least 27 Spark jobs", new SparkJobCount.Jobs(27, false).toString());
    }

    @Test
    void theKzJobsStagesCountEveryJobTheRunStarted() throws Exception {
        SparkSession spark = SparkTestSession.get();
        SparkJobCount count = SparkJobCount.on(spark.sparkContext());
        JobSpec spec = JobSpecLoader.load(TestData.project().resolve("jobs/kz-2023-majilis.yaml"))
                .withOutput(dir.resolve("kz"));
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(lines, true, "UTF-8"), 4);

        long before = count.total().count();
        new JobRunner(progress).run(spec, spark);
        long started = count.total().count() - before;

        List<Progress.Stage> stages = progress.stages();
        assertEquals(4, stages.size(), "reading, computing, judging, writing");
        long counted = 0;
        Matcher line = STAGE_LINE.matcher(lines.toString("UTF-8"));
        for (Progress.Stage stage : stages) {
            assertTrue(stage.sparkJobs().exact(), stage.name());
            assertTrue(line.find(), "a line for " + stage.name() + " with its Spark jobs: " + lines);
            assertEquals(stage.name(), line.group(1));
            assertEquals(stage.sparkJobs().count(), Long.parseLong(line.group(2)), stage.name());
            counted += stage.sparkJobs().count();
            System.out.println("kz job: " + stage.name() + ": " + stage.sparkJobs());
        }
        // a stage's detail lines (its pieces) come before its own closing line and never add up to more than it
        long[] inDetails = new long[stages.size()];
        int stage = 0;
        for (String text : lines.toString("UTF-8").split("\n")) {
            Matcher detail = DETAIL_LINE.matcher(text);
            if (detail.find()) {
                inDetails[stage] += Long.parseLong(detail.group(2));
                System.out.println("kz job:   " + detail.group(1) + ": " + detail.group(2));
            } else if (STAGE_LINE.matcher(text).find()) {
                stage++;
            }
        }
        for (int k = 0; k < stages.size(); k++) {
            assertTrue(inDetails[k] <= stages.get(k).sparkJobs().count(), stages.get(k).name() + "'s pieces: " + lines);
        }
        assertTrue(inDetails[1] > 0, "the computing stage's pieces: " + lines);
        assertTrue(stages.get(1).sparkJobs().count() <= OneScanJobsTest.PASSES + OneScanJobsTest.OBSERVER_JOIN,
                "the computing stage: " + stages.get(1).sparkJobs());
        assertTrue(counted > 0, "the run starts Spark jobs");
        assertEquals(started, counted, "every job the run started belongs to one stage");
    }
}
