package org.sanaq.checks.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.results.Finding;
import org.sanaq.results.RunFolder;

/**
 * Further protocol lines in observer pairs, end to end through a mapping with {@code lines:}: official and observer
 * protocols of two precincts with the same registered voters, valid ballots and votes (A 300, B 200); the copy of
 * precinct 1 also agrees on the absentee certificates issued (5), the copy of precinct 2 reads 70 where the official
 * protocol has 0. Only the line tells precinct 2's copy from its protocol, and "identical" says it was compared.
 */
class ExtraLinesInPairsTest {
    @TempDir
    static Path dir;
    static RunFolder.Contents run;

    @BeforeAll
    static void runJob() throws Exception {
        String header = "source,precinct,registered,valid,absentee,A,B\n";
        run = TwoInputRun.run(dir, """
                name: with-lines
                constants: {election: t, level: precinct, region: R}
                fields: {source: source, precinct: precinct, registered: registered, valid: valid}
                lines: {absentee_issued: absentee}
                candidates: {pattern: "^[AB]$"}
                """, header + "official,1,1000,500,5,300,200\nofficial,2,1000,500,0,300,200\n",
                header + "observer:team,1,1000,500,5,300,200\nobserver:team,2,1000,500,70,300,200\n");
    }

    @Test
    void aCopyThatDiffersOnlyOnALineDiffersAndIdenticalNamesTheLine() {
        assertEquals(1, TwoInputRun.nationalMetric(run, "pairs_identical"));
        assertEquals(1, TwoInputRun.nationalMetric(run, "pairs_differing"));
        Finding pairs = run.findings().stream().filter(f -> f.statistic().equals("pairs_differing")).findFirst()
                .orElseThrow();
        assertTrue(pairs.sentence().contains("Compared on registered, valid, absentee_issued and the votes of 2 "
                + "candidates."), pairs.sentence());
        List<List<String>> fields = run.tables().get(OfficialVsObserverCheck.ID + "_fields").rows();
        // the line: compared in both pairs, differing in one, official − copy = (5 − 5) + (0 − 70) = −70
        assertTrue(fields.contains(List.of("observer:team", "absentee_issued", "2", "1", "-70")), fields.toString());
        List<List<String>> largest = run.tables().get(OfficialVsObserverCheck.ID + "_largest").rows();
        assertEquals("absentee_issued 0 vs 70", largest.get(0).get(8));
    }
}
