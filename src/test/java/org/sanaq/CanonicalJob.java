package org.sanaq;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.sanaq.results.RunFolder;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;

/** Runs a job over one small canonical CSV written by a test, and reads back its run folder. */
public final class CanonicalJob {
    private CanonicalJob() {
    }

    /** Writes {@code csv} and a job with the given {@code checks:} block (YAML lines) into {@code dir}, and runs it. */
    public static RunFolder.Contents run(Path dir, String csv, String... checks) throws Exception {
        Files.writeString(dir.resolve("p.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("job.yaml"), String.join("\n", "job: test", "election: e", "country: C",
                "inputs:", "  - id: p", "    files: p.csv",
                "    mapping: " + TestData.project().resolve("jobs/mappings/canonical.yaml"), "checks:",
                String.join("\n", checks), "output: out", ""), StandardCharsets.UTF_8);
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(JobSpecLoader.load(dir.resolve("job.yaml")), SparkTestSession.get());
        return RunFolder.read(dir.resolve("out"));
    }
}
