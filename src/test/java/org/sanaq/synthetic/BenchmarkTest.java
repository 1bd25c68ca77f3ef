package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.run.Progress;
import org.sanaq.run.SparkJobCount;
import org.sanaq.run.SpecException;

/** The benchmark's CSV: each stage's time and Spark jobs in fixed columns, and no rows mixed with other columns. */
class BenchmarkTest {
    @TempDir
    Path dir;

    private static Progress.Stage stage(String name, double seconds, long jobs, boolean exact) {
        return new Progress.Stage(name, seconds, new SparkJobCount.Jobs(jobs, exact));
    }

    @Test
    void eachStageHasItsSecondsAndJobsAndTheJobsAddUp() {
        List<Progress.Stage> stages = List.of(stage("reading 2 input(s) through their mappings", 4.26, 4, true),
                stage("computing the checks' aggregations", 10.04, 77, true), stage("judging", 0.5, 3, true),
                stage("writing /tmp/out", 7.95, 3, true));
        assertEquals("4.3,10.0,0.5,8.0,4,77,3,3,87", Benchmark.stageColumns(stages));
        // the header names the same columns in the same order
        assertEquals("read_s,compute_s,judge_s,write_s,read_jobs,compute_jobs,judge_jobs,write_jobs,spark_jobs",
                String.join(",", List.of(Benchmark.HEADER.split(",")).subList(5, 14)));
    }

    @Test
    void aMissingStageLeavesItsColumnsEmptyAndALowerBoundSaysSo() {
        List<Progress.Stage> stages = List.of(stage("reading 1 input(s)", 1, 2, true),
                stage("computing", 2, 5, false), stage("writing /tmp/out", 3, 1, true));
        assertEquals("1.0,2.0,,3.0,2,>=5,,1,>=8", Benchmark.stageColumns(stages));
    }

    @Test
    void aNewCsvBeginsWithTheHeaderAndRowsAreAppended() throws Exception {
        Path csv = dir.resolve("benchmark.csv");
        Benchmark.checkColumns(csv);
        Benchmark.append(csv, "1");
        Benchmark.checkColumns(csv);
        Benchmark.append(csv, "2");
        assertEquals(List.of(Benchmark.HEADER, "1", "2"), Files.readAllLines(csv));
    }

    @Test
    void aCsvWithOtherColumnsIsRefusedBeforeAnythingIsMeasured() throws Exception {
        Path csv = Files.writeString(dir.resolve("benchmark.csv"), "precincts,files,generate_s,wall_s\n1,4,0.1,2\n");
        SpecException e = assertThrows(SpecException.class, () -> Benchmark.checkColumns(csv));
        assertEquals(csv + " has other columns than this benchmark writes (an older sanaq's?); move it away, or name"
                + " another file with --csv <file>", e.getMessage());
    }
}
