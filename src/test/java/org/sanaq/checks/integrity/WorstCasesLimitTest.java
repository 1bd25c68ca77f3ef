package org.sanaq.checks.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.CanonicalJob;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;

/**
 * {@code worst_cases} bounds a relation's table, not its counts. Four precincts break valid_sum (500 valid against
 * A 300 + B): B 201 (off by 1, line 2), 205 (5, line 3), 195 (5, line 4), 210 (10, line 5). With worst_cases 2 the
 * table keeps the largest gap (line 5) and, of the two gaps of 5, the first line (3); all four are counted.
 */
class WorstCasesLimitTest {
    @TempDir
    Path dir;

    @Test
    void theTableKeepsTheWorstCasesAndTheCountsStayExact() throws Exception {
        RunFolder.Contents run = CanonicalJob.run(dir, String.join("\n",
                "election,source,level,region,precinct,registered,valid,votes:A,votes:B",
                "e,official,precinct,R,1,1000,500,300,201",
                "e,official,precinct,R,2,1000,500,300,205",
                "e,official,precinct,R,3,1000,500,300,195",
                "e,official,precinct,R,4,1000,500,300,210", ""), "  protocol_integrity: {worst_cases: 2}");
        double violations = run.metrics().stream().filter(m -> m.check().equals(ProtocolIntegrityCheck.ID)
                && m.scope().equals("national") && m.subject().equals("valid_sum")
                && m.metric().equals("violations")).mapToDouble(Metric::value).sum();
        assertEquals(4.0, violations);
        DetailTable table = run.tables().get("protocol_integrity_valid_sum");
        int precinct = table.columns().indexOf("precinct");
        int difference = table.columns().indexOf("difference");
        assertEquals(List.of(List.of("4", "-10"), List.of("2", "-5")), table.rows().stream()
                .map(r -> List.of(r.get(precinct), r.get(difference))).toList());
    }
}
