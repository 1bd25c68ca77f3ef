package org.sanaq.checks.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.CanonicalJob;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;

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
        RunFolder.Contents run = CanonicalJob.run(dir, String.join("\n",
                "election,source,level,region,precinct,registered,valid,votes:A,votes:B",
                "e,official,precinct,R,1,1000,500,300,200",
                "e,official,precinct,R,2,1000,500,300,200",
                "e,observer:ocr,precinct,R,1,1000,500,300,200",
                "e,observer:ocr,precinct,R,2,1000,500,300,210", ""), "  protocol_integrity: {}");
        Map<String, Double> validSum = run.metrics().stream()
                .filter(m -> m.check().equals(ProtocolIntegrityCheck.ID) && m.subject().equals("valid_sum")
                        && !m.scope().contains("region="))
                .collect(Collectors.toMap(m -> m.scope() + " " + m.metric(), Metric::value));
        assertEquals(Map.of("national protocols_checked", 2.0, "national violations", 0.0,
                "source=observer:ocr protocols_checked", 2.0, "source=observer:ocr violations", 1.0), validSum);
    }
}
