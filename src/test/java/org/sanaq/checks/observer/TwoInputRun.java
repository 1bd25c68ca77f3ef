package org.sanaq.checks.observer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.sanaq.SparkTestSession;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;

/**
 * A job of two inputs read through one mapping, official protocols and copies, with official_vs_observer alone,
 * run end to end in a folder: for tests of what a mapping carries into the comparison.
 */
final class TwoInputRun {
    private TwoInputRun() {
    }

    /** Writes the mapping, the two files and the job into {@code dir}, runs it and reads its run folder. */
    static RunFolder.Contents run(Path dir, String mapping, String officialCsv, String copiesCsv) throws Exception {
        Files.writeString(dir.resolve("official.csv"), officialCsv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("copies.csv"), copiesCsv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("mapping.yaml"), mapping, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("job.yaml"), """
                job: two-inputs
                title: two inputs
                election: t
                country: Testland
                language: en
                inputs:
                  - {id: official, files: official.csv, mapping: mapping.yaml}
                  - {id: copies, files: copies.csv, mapping: mapping.yaml}
                checks:
                  official_vs_observer: {}
                output: out
                """);
        new JobRunner(new Progress(new PrintStream(new ByteArrayOutputStream(), true, "UTF-8"), 4))
                .run(JobSpecLoader.load(dir.resolve("job.yaml")), SparkTestSession.get());
        return RunFolder.read(dir.resolve("out"));
    }

    /** The comparison's metric of the whole election ({@code subject} all) by name. */
    static double nationalMetric(RunFolder.Contents run, String name) {
        return run.metrics().stream().filter(m -> m.check().equals(OfficialVsObserverCheck.ID)
                && m.subject().equals("all") && m.metric().equals(name)).mapToDouble(Metric::value).findFirst()
                .orElseThrow();
    }
}
