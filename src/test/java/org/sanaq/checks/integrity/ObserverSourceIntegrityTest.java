package org.sanaq.checks.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;

/**
 * Observer copies go through the same relations as official protocols and are counted apart, labelled by source.
 * Precinct 1 is consistent in both sources (valid 500 = 300 + 200); the observer's copy of precinct 2 reads
 * B 210, so its valid 500 ≠ 300 + 210, while the official protocol of precinct 2 is consistent.
 */
class ObserverSourceIntegrityTest {
    @TempDir
    Path dir;

    @Test
    void observerCopiesAreCheckedAndLabelledBySource() throws Exception {
        Files.writeString(dir.resolve("p.csv"), String.join("\n",
                "election,source,level,region,precinct,registered,valid,votes:A,votes:B",
                "e,official,precinct,R,1,1000,500,300,200",
                "e,official,precinct,R,2,1000,500,300,200",
                "e,observer:ocr,precinct,R,1,1000,500,300,200",
                "e,observer:ocr,precinct,R,2,1000,500,300,210", ""));
        Files.writeString(dir.resolve("job.yaml"), String.join("\n", "job: sources", "election: e", "country: C",
                "inputs:", "  - id: p", "    files: p.csv",
                "    mapping: " + TestData.project().resolve("jobs/mappings/canonical.yaml"),
                "checks:", "  protocol_integrity: {}", "output: out", ""));
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(JobSpecLoader.load(dir.resolve("job.yaml")), SparkTestSession.get());
        Map<String, Double> validSum = RunFolder.read(dir.resolve("out")).metrics().stream()
                .filter(m -> m.check().equals(ProtocolIntegrityCheck.ID) && m.subject().equals("valid_sum")
                        && !m.scope().contains("region="))
                .collect(Collectors.toMap(m -> m.scope() + " " + m.metric(), Metric::value));
        assertEquals(Map.of("national protocols_checked", 2.0, "national violations", 0.0,
                "source=observer:ocr protocols_checked", 2.0, "source=observer:ocr violations", 1.0), validSum);
    }
}
