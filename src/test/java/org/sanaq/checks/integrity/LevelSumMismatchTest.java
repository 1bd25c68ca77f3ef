package org.sanaq.checks.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.CanonicalJob;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;

/**
 * Published units against the sum of the units below, where a part is not reported. (A region row that is not the sum
 * of its precincts is the fixture case src/test/resources/fixtures/protocol_integrity/level-sum-mismatch.)
 */
class LevelSumMismatchTest {
    @TempDir
    Path dir;

    /**
     * Two regions under a national row. R1's precinct 2 does not report invalid ballots, so R1's invalid cannot be
     * checked against its precincts (the sum is not reported); its registered, valid, A and B are (4 comparisons,
     * all equal). R2 publishes no precincts. The national row prints A 652 against 550 + 100 = 650 from the
     * regions: one mismatch by 2 among 5 comparisons (registered 2,000 + 500, invalid 20 + 5, valid 1,000 + 400,
     * A, B 450 + 300).
     */
    @Test
    void theNationIsComparedWithTheSumOfItsRegionsAndUnreportedPartsAreNotCompared() throws Exception {
        RunFolder.Contents run = CanonicalJob.run(dir, String.join("\n",
                "election,source,level,region,precinct,registered,invalid,valid,votes:A,votes:B",
                "e,official,precinct,R1,1,1000,10,500,300,200",
                "e,official,precinct,R1,2,1000,,500,250,250",
                "e,official,region,R1,,2000,20,1000,550,450",
                "e,official,region,R2,,500,5,400,100,300",
                "e,official,national,C,,2500,25,1400,652,750", ""), "  protocol_integrity: {}");
        Map<String, Double> national = run.metrics().stream()
                .filter(m -> m.check().equals(ProtocolIntegrityCheck.ID) && m.scope().equals("national")
                        && m.subject().contains("_equals_"))
                .collect(Collectors.toMap(m -> m.subject() + " " + m.metric(), Metric::value));
        assertEquals(Map.of("region_equals_precinct_sum protocols_checked", 4.0,
                "region_equals_precinct_sum violations", 0.0, "national_equals_region_sum protocols_checked", 5.0,
                "national_equals_region_sum violations", 1.0), national);
        List<Finding> sums = run.findings().stream()
                .filter(f -> f.check().equals(ProtocolIntegrityCheck.ID) && f.subject().contains("_equals_")).toList();
        assertEquals(1, sums.size(), sums.toString());
        assertEquals(List.of("region=C", "national_equals_region_sum", 2.0),
                List.of(sums.get(0).scope(), sums.get(0).subject(), sums.get(0).value()));
    }
}
