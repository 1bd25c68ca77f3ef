package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.ingest.YamlFiles;
import org.sanaq.run.JobSpec;
import org.sanaq.run.JobSpecLoader;

/**
 * The examples in datasets/synthetic are what their specs in jobs/synthetic make: regenerating each gives the
 * same bytes (job.yaml aside, whose path to the mapping depends on where it is written), and each shipped job
 * file loads.
 */
class ShippedDatasetsTest {
    @TempDir
    Path dir;

    @Test
    void regeneratingEveryShippedExampleGivesIdenticalFiles() throws Exception {
        List<Path> specs = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("jobs/synthetic"))) {
            for (Path p : s.sorted().toList()) {
                if (YamlFiles.read(p).has("candidates")) { // an election; calibrations name theirs
                    specs.add(p);
                }
            }
        }
        try (Stream<Path> shipped = Files.list(Path.of("datasets/synthetic"))) {
            assertEquals(shipped.count(), specs.size(), "one shipped election per election spec: " + specs);
        }
        for (Path file : specs) {
            SyntheticSpec spec = SyntheticSpec.load(file);
            Path shipped = Path.of(spec.output());
            Path again = dir.resolve(shipped.getFileName());
            SyntheticElection.generate(SparkTestSession.get(), spec.with(spec.seed(), spec.precincts(), spec.files(),
                    again.toString(), spec.irregularities()), 0);
            List<String> names;
            try (Stream<Path> s = Files.list(again)) {
                names = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            try (Stream<Path> s = Files.list(shipped)) {
                assertEquals(names, s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("report"))
                        .sorted().toList(), shipped.toString());
            }
            for (String n : names) {
                if (!n.equals(SyntheticElection.JOB_FILE)) {
                    assertArrayEquals(Files.readAllBytes(shipped.resolve(n)), Files.readAllBytes(again.resolve(n)),
                            shipped.resolve(n).toString());
                }
            }
            JobSpec job = JobSpecLoader.load(shipped.resolve(SyntheticElection.JOB_FILE));
            assertTrue(job.inputs().size() >= 2, job.toString());
        }
    }
}
