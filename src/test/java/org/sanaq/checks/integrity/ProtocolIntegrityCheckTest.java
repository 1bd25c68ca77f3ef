package org.sanaq.checks.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;

/**
 * Hand-built precinct protocols, each breaking exactly one relation (worked out by hand in the comments), one
 * breaking none, read through the canonical mapping and run end to end.
 */
class ProtocolIntegrityCheckTest {
    @TempDir
    static Path dir;
    static RunFolder.Contents run;

    private static final String HEADER = "election,source,level,region,precinct,registered,ballots_received,"
            + "ballots_issued_early,ballots_issued_in_station,ballots_issued_outside,ballots_cancelled,"
            + "ballots_in_portable_boxes,ballots_in_stationary_boxes,ballots_lost,ballots_unaccounted,invalid,valid,"
            + "published_turnout_pct,votes:A,votes:B,published_pct:A";

    @BeforeAll
    static void runJob() throws Exception {
        // The clean protocol: received 1000 = 10 + 500 + 20 + 470 + 0 − 0; boxes 20 + 510 = 30 + 500;
        // valid 500 = 300 + 200; issued 530 ≤ 1000 registered; boxes 530 ≤ 530; turnout 530/1000 = 53.0 %;
        // A 300/500 = 60.0 %. Each other row changes one figure so that one relation breaks:
        String csv = String.join("\n", HEADER,
                "e,official,precinct,R,1,1000,1000,10,500,20,470,20,510,0,0,30,500,53.0,300,200,60.0",
                // received_balance: received 1001, right side 1000 (difference 1)
                "e,official,precinct,R,2,1000,1001,10,500,20,470,20,510,0,0,30,500,53.0,300,200,60.0",
                // boxes_balance: invalid 31, so boxes 530 ≠ 31 + 500
                "e,official,precinct,R,3,1000,1000,10,500,20,470,20,510,0,0,31,500,53.0,300,200,60.0",
                // valid_sum: B has 201, so 500 ≠ 501
                "e,official,precinct,R,4,1000,1000,10,500,20,470,20,510,0,0,30,500,53.0,300,201,60.0",
                // issued_le_registered: 529 registered < 530 issued (no printed turnout, which would break too)
                "e,official,precinct,R,5,529,1000,10,500,20,470,20,510,0,0,30,500,,300,200,60.0",
                // boxes_le_issued: 499 in the station, so 529 issued < 530 in the boxes; received 10+499+20+471;
                // turnout 529/1000 = 52.9 %
                "e,official,precinct,R,6,1000,1000,10,499,20,471,20,510,0,0,30,500,52.9,300,200,60.0",
                // option_le_valid: A 501 > 500 valid. With counts ≥ 0 an option above valid makes the options
                // sum above valid too, so this protocol also breaks valid_sum (501 ≠ 500): it cannot break one alone.
                "e,official,precinct,R,7,1000,1000,10,500,20,470,20,510,0,0,30,500,53.0,501,0,",
                // published_turnout_pct: 53.1 printed, 530/1000 = 53.0
                "e,official,precinct,R,8,1000,1000,10,500,20,470,20,510,0,0,30,500,53.1,300,200,60.0",
                // published_share_pct: 60.1 printed for A, 300/500 = 60.0
                "e,official,precinct,R,9,1000,1000,10,500,20,470,20,510,0,0,30,500,53.0,300,200,60.1");
        Files.writeString(dir.resolve("protocols.csv"), csv + "\n");
        Path mapping = TestData.project().resolve("jobs/mappings/canonical.yaml");
        Files.writeString(dir.resolve("job.yaml"), String.join("\n", "job: integrity-test", "title: t",
                "election: e", "country: C", "language: en", "inputs:", "  - id: protocols",
                "    files: protocols.csv", "    mapping: " + mapping, "checks:", "  protocol_integrity: {}",
                "output: out", ""));
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(JobSpecLoader.load(dir.resolve("job.yaml")), SparkTestSession.get());
        run = RunFolder.read(dir.resolve("out"));
    }

    private static Map<String, Double> national(String metric) {
        Map<String, Double> out = new TreeMap<>();
        for (Metric m : run.metrics()) {
            if (m.check().equals(ProtocolIntegrityCheck.ID) && m.scope().equals("national")
                    && m.metric().equals(metric)) {
                out.put(m.subject(), m.value());
            }
        }
        return out;
    }

    @Test
    void eachProtocolBreaksExactlyTheRelationItWasBuiltToBreak() {
        Map<String, String> expected = Map.of("received_balance", "2", "boxes_balance", "3", "valid_sum", "4",
                "issued_le_registered", "5", "boxes_le_issued", "6", "option_le_valid", "7",
                "published_turnout_pct", "8", "published_share_pct", "9");
        Map<String, Double> violations = national("violations");
        for (String relation : expected.keySet()) {
            int count = relation.equals("valid_sum") ? 2 : 1;
            assertEquals(count, violations.get(relation), relation);
            DetailTable table = run.tables().get("protocol_integrity_" + relation);
            assertEquals(count, table.rows().size(), relation);
            assertEquals(expected.get(relation), table.rows().get(0).get(5), relation);
        }
        // valid_sum's second row is precinct 7 (difference 1 as well; ties in line order)
        assertEquals("7", run.tables().get("protocol_integrity_valid_sum").rows().get(1).get(5));
        assertEquals(9, national("protocols_checked").get("received_balance"));
        assertEquals(0, violations.get("counts_non_negative"));
    }
}
