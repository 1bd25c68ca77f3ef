package org.sanaq.checks.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.results.Finding;
import org.sanaq.results.RunFolder;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;

/**
 * A published region row that is not the sum of its precincts. Precincts 1 and 2 register 1,000 and 1,000 voters
 * and give A 300 + 250 = 550 and B 200 + 250 = 450 votes; the region row prints 2,005 registered and A 553: two
 * mismatches, by 5 and by 3. B (450) and valid (1,000) match. The national row equals the region row. (Both also
 * break valid_sum, 1,000 against 553 + 450, which is another relation's business.)
 */
class LevelSumMismatchTest {
    @TempDir
    Path dir;

    @Test
    void eachFieldThatIsNotTheSumOfTheLevelBelowIsReportedWithItsDifference() throws Exception {
        Files.writeString(dir.resolve("p.csv"), String.join("\n",
                "election,source,level,region,precinct,registered,valid,votes:A,votes:B",
                "e,official,precinct,R,1,1000,500,300,200",
                "e,official,precinct,R,2,1000,500,250,250",
                "e,official,region,R,,2005,1000,553,450",
                "e,official,national,C,,2005,1000,553,450", ""));
        Files.writeString(dir.resolve("job.yaml"), String.join("\n", "job: sums", "election: e", "country: C",
                "inputs:", "  - id: p", "    files: p.csv",
                "    mapping: " + TestData.project().resolve("jobs/mappings/canonical.yaml"),
                "checks:", "  protocol_integrity: {}", "output: out", ""));
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(JobSpecLoader.load(dir.resolve("job.yaml")), SparkTestSession.get());
        RunFolder.Contents run = RunFolder.read(dir.resolve("out"));
        List<Finding> sums = run.findings().stream()
                .filter(f -> f.check().equals(ProtocolIntegrityCheck.ID) && f.subject().contains("_equals_")).toList();
        assertEquals(2, sums.size(), sums.toString());
        assertTrue(sums.stream().allMatch(f -> f.subject().equals("region_equals_precinct_sum")), sums.toString());
        assertEquals(Set.of(5.0, 3.0), sums.stream().map(Finding::value).collect(Collectors.toSet()));
        assertTrue(sums.stream().anyMatch(f -> f.sentence().contains("2,005") && f.sentence().contains("2,000")),
                sums.toString());
    }
}
