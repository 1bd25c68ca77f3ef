package org.sanaq.checks.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.ingest.YamlFiles;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;
import org.sanaq.run.SpecException;
import org.sanaq.text.Messages;

/**
 * Relations a job declares over count fields and extra lines: four hand-made protocols with absentee-certificate
 * lines, read through a mapping with {@code lines:}, run end to end; each count below is worked out by hand.
 */
class DeclaredRelationsTest {
    @TempDir
    static Path dir;
    static RunFolder.Contents run;

    private static final String RELATIONS = String.join("\n",
            "    relations:",
            "      - {id: absentee_balance, left: [absentee_received],",
            "         right: [absentee_issued_to_voters, absentee_cancelled, absentee_lost], kind: balance}",
            "      - {id: absentee_voters_le_issued, left: [voted_by_absentee], right: [absentee_issued_to_voters],",
            "         kind: at_most, description: {en: absentee voters within the certificates issued here,",
            "         ru: проголосовавшие по удостоверениям в пределах выданных здесь}}",
            "      - {id: registered_ge_absentee_voters, left: [registered], right: [voted_by_absentee], kind: at_least,",
            "         description: registered voters include the absentee voters}");

    @BeforeAll
    static void runJob() throws Exception {
        Files.writeString(dir.resolve("protocols.csv"), String.join("\n",
                "region,precinct,registered,valid,A,received,issued,cancelled,lost,voted",
                // received 10 = 6 + 3 + 1; voted 5 ≤ 6; registered 100 ≥ 5: every relation holds
                "R1,1,100,50,50,10,6,3,1,5",
                // received 12 ≠ 6 + 3 + 1 = 10 (difference 2); voted 7 > 6 issued (difference 1)
                "R1,2,100,50,50,12,6,3,1,7",
                // no lost certificates reported: the balance does not apply; voted 6 ≤ 6
                "R2,3,100,50,50,10,6,3,,6",
                // received 9 ≠ 10 (difference −1); registered 1 < 2 absentee voters (difference −1)
                "R2,4,1,1,1,9,6,3,1,2") + "\n");
        Files.writeString(dir.resolve("mapping.yaml"), """
                constants: {election: e, source: official, level: precinct}
                fields: {region: region, precinct: precinct, registered: registered, valid: valid}
                lines:
                  absentee_received: received
                  absentee_issued_to_voters: issued
                  absentee_cancelled: cancelled
                  absentee_lost: lost
                  voted_by_absentee: voted
                candidates: {pattern: "^A$"}
                """);
        Files.writeString(dir.resolve("job.yaml"), job(RELATIONS));
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(JobSpecLoader.load(dir.resolve("job.yaml")), SparkTestSession.get());
        run = RunFolder.read(dir.resolve("out"));
    }

    private static String job(String relations) {
        return String.join("\n", "job: declared-test", "title: t", "election: e", "country: C", "language: en",
                "inputs:", "  - id: protocols", "    files: protocols.csv", "    mapping: mapping.yaml", "checks:",
                "  protocol_integrity:", relations, "output: out", "");
    }

    private static Map<String, Double> counts(String scope, String relation) {
        Map<String, Double> out = new TreeMap<>();
        for (Metric m : run.metrics()) {
            if (m.check().equals(ProtocolIntegrityCheck.ID) && m.scope().equals(scope)
                    && m.subject().equals(relation)) {
                out.put(m.metric(), m.value());
            }
        }
        return out;
    }

    @Test
    void eachDeclaredRelationIsCountedNationallyAndByRegion() {
        assertEquals(Map.of("protocols_checked", 3.0, "violations", 2.0), counts("national", "absentee_balance"));
        assertEquals(Map.of("protocols_checked", 2.0, "violations", 1.0), counts("region=R1", "absentee_balance"));
        assertEquals(Map.of("protocols_checked", 1.0, "violations", 1.0), counts("region=R2", "absentee_balance"));
        assertEquals(Map.of("protocols_checked", 4.0, "violations", 1.0),
                counts("national", "absentee_voters_le_issued"));
        assertEquals(Map.of("protocols_checked", 4.0, "violations", 1.0),
                counts("national", "registered_ge_absentee_voters"));
        // the built-in relations are still counted beside them
        assertEquals(Map.of("protocols_checked", 4.0, "violations", 0.0), counts("national", "valid_sum"));
    }

    @Test
    void theWorstCasesAreTabledWorstFirstWithBothSides() {
        DetailTable balance = run.tables().get("protocol_integrity_absentee_balance");
        // precinct, left, right, difference: precinct 2's gap of 2 before precinct 4's of 1
        assertEquals(List.of(List.of("2", "12", "10", "2"), List.of("4", "9", "10", "-1")),
                balance.rows().stream().map(r -> List.of(r.get(5), r.get(7), r.get(8), r.get(9))).toList());
        assertEquals(List.of(List.of("2", "7", "6", "1")), run.tables().get("protocol_integrity_absentee_voters_le_issued")
                .rows().stream().map(r -> List.of(r.get(5), r.get(7), r.get(8), r.get(9))).toList());
        assertEquals(List.of(List.of("4", "1", "2", "-1")),
                run.tables().get("protocol_integrity_registered_ge_absentee_voters").rows().stream()
                        .map(r -> List.of(r.get(5), r.get(7), r.get(8), r.get(9))).toList());
    }

    @Test
    void theSummaryAndTheFindingsDescribeEachRelationInTheJobsWordsOrByItsNames() {
        Map<String, String> described = new TreeMap<>();
        run.tables().get("protocol_integrity_relations").rows().forEach(r -> described.put(r.get(0), r.get(2)));
        assertEquals("absentee_received = absentee_issued_to_voters + absentee_cancelled + absentee_lost "
                + "(a relation the job declares)", described.get("absentee_balance"));
        assertEquals("absentee voters within the certificates issued here", described.get("absentee_voters_le_issued"));
        assertEquals("registered voters include the absentee voters", described.get("registered_ge_absentee_voters"));
        Finding balance = run.findings().stream().filter(f -> f.subject().equals("absentee_balance")).findFirst()
                .orElseThrow();
        assertTrue(balance.sentence().startsWith("2 of 3 protocols (official) break the relation “absentee_received = "),
                balance.sentence());
    }

    @Test
    void wordsMadeFromTheNamesAreInTheReportsLanguage() throws SpecException {
        List<DeclaredRelation> declared = DeclaredRelation.parseAll(List.of(
                Map.of("id", "a", "left", List.of("voted_by_absentee"), "right", List.of("registered"),
                        "kind", "at_most"),
                Map.of("id", "b", "left", List.of("valid"), "right", List.of("invalid"), "kind", "at_least",
                        "description", Map.of("en", "in English only"))),
                "p", Set.of("voted_by_absentee"), IntegrityRelations.builtInIds());
        Messages ru = Messages.of("ru");
        assertEquals("voted_by_absentee ≤ registered (соотношение, заданное в задании)", declared.get(0).describe(ru));
        // a description without the report's language: words made from the names
        assertEquals("valid ≥ invalid (соотношение, заданное в задании)", declared.get(1).describe(ru));
        assertEquals("in English only", declared.get(1).describe(Messages.of("en")));
    }

    @Test
    void aNameNeitherACountFieldNorALineOfTheJobIsRefusedAtLoad() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, job(RELATIONS.replace("absentee_cancelled, absentee_lost", "absentee_canceled")));
        String message = assertThrows(SpecException.class, () -> JobSpecLoader.load(bad)).getMessage();
        assertTrue(message.contains("checks.protocol_integrity.relations[0].right: 'absentee_canceled' is neither a "
                + "canonical count field nor a line the job's mappings name (lines: absentee_cancelled, "
                + "absentee_issued_to_voters, absentee_lost, absentee_received, voted_by_absentee)"), message);
    }

    @Test
    void eachMistakeInADeclarationIsRefusedNamingItsField() {
        Set<String> lines = Set.of("x");
        Set<String> taken = IntegrityRelations.builtInIds();
        Map<String, String> expected = new TreeMap<>(Map.of(
                "p[0].id: 'valid_sum' is taken", "{id: valid_sum, left: [x], right: [valid], kind: balance}",
                "p[0].kind: must be one of [balance, at_most, at_least], not below",
                "{id: r, left: [x], right: [valid], kind: below}",
                "p[0].left: must be a non-empty list", "{id: r, left: [], right: [valid], kind: balance}",
                "p[0].right: 'region' is a canonical field but not a count",
                "{id: r, left: [x], right: [region], kind: balance}",
                "p[0].right: 'x' is named a second time", "{id: r, left: [x], right: [x], kind: balance}",
                "p[0].id: must be a lower-case identifier", "{id: Bad, left: [x], right: [valid], kind: balance}",
                "p[0].side: unknown key", "{id: r, left: [x], right: [valid], kind: balance, side: 1}",
                "p[0].description.fr: a description per language",
                "{id: r, left: [x], right: [valid], kind: balance, description: {fr: x}}"));
        expected.forEach((message, yaml) -> {
            String got = assertThrows(SpecException.class, () -> DeclaredRelation.parseAll(
                    List.of(new ObjectMapper().convertValue(YamlFiles.parse(yaml), Map.class)), "p", lines, taken))
                    .getMessage();
            assertTrue(got.startsWith(message), got);
        });
    }
}
