package org.sanaq.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;

/**
 * The fixture format of {@link CheckFixturesTest} refuses what it does not name and fails every expectation that is
 * not met, in words; without Spark: the outcomes are made by hand.
 */
class FixtureFormatTest {
    private static final String CHECK = "protocol_integrity";
    private static final String METRICS_HEADER = String.join(",", ExpectedFigures.METRIC_COLUMNS) + "\n";
    private static final String FINDINGS_HEADER = String.join(",", ExpectedFigures.FINDING_COLUMNS) + "\n";

    @TempDir
    Path root;
    Path folder;

    @BeforeEach
    void aCase() throws Exception {
        folder = Files.createDirectories(root.resolve(CHECK).resolve("c"));
        Files.writeString(folder.resolve("case.yaml"), "about: a case\n");
        Files.writeString(folder.resolve("protocols.csv"), "election,source,level,region,registered\n");
        Files.writeString(folder.resolve("metrics.csv"), METRICS_HEADER
                + "national,valid_sum,violations,1,,,one broken\n");
    }

    private String refusal() {
        return assertThrows(IllegalArgumentException.class, () -> FixtureCase.read(folder)).getMessage();
    }

    private List<String> unmet(List<Metric> metrics, List<Finding> findings) throws Exception {
        return FixtureCase.read(folder).expected().unmet(List.of(
                new CheckOutcome(CHECK, metrics, findings, List.of(), List.of())));
    }

    private static Metric metric(String subject, String name, double value) {
        return new Metric(CHECK, "national", subject, name, value);
    }

    private static Finding finding(String subject, Verdict verdict, double value, String sentence) {
        return new Finding(CHECK, "national", subject, "violations", value, null, null, verdict, sentence,
                List.of("p.csv line 3"), null);
    }

    @Test
    void aWellFormedCaseBecomesAJobOfItsCheckAlone() throws Exception {
        FixtureCase c = FixtureCase.read(folder);
        assertEquals("protocol_integrity/c", c.toString());
        assertEquals("{}", c.job().get("checks").get(CHECK).toString());
        assertEquals(folder.resolve("protocols.csv").toString(), c.job().get("inputs").get(0).get("files").asText());
        assertEquals(List.of(), unmet(List.of(metric("valid_sum", "violations", 1)), List.of()));
        Files.writeString(folder.resolve("case.yaml"), "about: a case\nparameters: {worst_cases: 3}\n"
                + "conventions: {turnout: ballots_cast}\naggregate: [region]\n");
        c = FixtureCase.read(folder);
        assertEquals("{\"worst_cases\":3}", c.job().get("checks").get(CHECK).toString());
        assertEquals("{\"turnout\":\"ballots_cast\"}", c.job().get("conventions").toString());
        assertEquals("[\"region\"]", c.job().get("aggregate").toString());
    }

    @Test
    void anUnknownFileOrKeyIsRefused() throws Exception {
        Files.writeString(folder.resolve("notes.txt"), "");
        assertEquals("fixture protocol_integrity/c: unknown file 'notes.txt'; a case holds case.yaml, one"
                + " <input>.csv per input [protocols], metrics.csv, findings.csv and README.md", refusal());
        Files.delete(folder.resolve("notes.txt"));
        Files.writeString(folder.resolve("case.yaml"), "about: a case\nparameter: {}\n");
        assertEquals("fixture protocol_integrity/c: case.yaml: unknown key 'parameter'; known: [about, aggregate,"
                + " all_findings_listed, conventions, inputs, parameters]", refusal());
        Files.writeString(folder.resolve("case.yaml"), "about: a case\nall_findings_listed: all\n");
        assertEquals("fixture protocol_integrity/c: case.yaml: all_findings_listed is true or false, not 'all'",
                refusal());
        Files.delete(folder.resolve("case.yaml"));
        assertEquals("fixture protocol_integrity/c: has no case.yaml", refusal());
    }

    @Test
    void aCaseWithoutItsInputOrAnyExpectationIsRefused() throws Exception {
        Files.writeString(folder.resolve("case.yaml"), "about: a case\ninputs: [protocols, observers]\n");
        assertEquals("fixture protocol_integrity/c: the input 'observers' has no observers.csv", refusal());
        Files.writeString(folder.resolve("case.yaml"), "about: a case\n");
        Files.writeString(folder.resolve("metrics.csv"), METRICS_HEADER);
        assertEquals("fixture protocol_integrity/c: expects nothing: give metrics.csv or findings.csv at least one"
                + " row", refusal());
    }

    @Test
    void aRowWithoutItsReasonsIsRefused() throws Exception {
        Files.writeString(folder.resolve("metrics.csv"), METRICS_HEADER + "national,valid_sum,violations,1,,,\n");
        assertEquals("fixture protocol_integrity/c: metrics.csv row 2: 'why' is blank; show the arithmetic",
                refusal());
        Files.writeString(folder.resolve("metrics.csv"), METRICS_HEADER
                + "national,valid_sum,violations,1,0.5,,one broken\n");
        assertEquals("fixture protocol_integrity/c: metrics.csv row 2: the tolerance 0.5 needs its reason",
                refusal());
        Files.writeString(folder.resolve("metrics.csv"), "scope,subject,metric,value,why\n");
        assertEquals("fixture protocol_integrity/c: metrics.csv: the header is [scope, subject, metric, value, why],"
                + " not " + ExpectedFigures.METRIC_COLUMNS, refusal());
    }

    @Test
    void aMissingMetricIsNamedWithWhatTheCheckGaveInItsScope() throws Exception {
        assertEquals(List.of("no metric 'national valid_sum violations' (expected 1); protocol_integrity gave in"
                + " scope national: [valid_sum protocols_checked]"),
                unmet(List.of(metric("valid_sum", "protocols_checked", 3)), List.of()));
    }

    @Test
    void aMetricOffItsValueOrGivenTwiceOrNotANumberFails() throws Exception {
        assertEquals(List.of("metric 'national valid_sum violations' is 2, expected 1"),
                unmet(List.of(metric("valid_sum", "violations", 2)), List.of()));
        assertEquals(1, unmet(List.of(metric("valid_sum", "violations", 1), metric("valid_sum", "violations", 1)),
                List.of()).size());
        assertEquals(List.of("not a number: " + metric("x", "y", Double.NaN)),
                unmet(List.of(metric("valid_sum", "violations", 1), metric("x", "y", Double.NaN)), List.of()));
    }

    @Test
    void aValueIsMetWithinItsToleranceAndARatioIsExact() throws Exception {
        Files.writeString(folder.resolve("metrics.csv"), METRICS_HEADER
                + "national,t,turnout,2/3,,,two of three\n"
                + "national,t,excess,1100,1e-9,doubles,by hand\n");
        assertEquals(List.of(), unmet(List.of(metric("t", "turnout", 2.0 / 3), metric("t", "excess", 1100 + 1e-10)),
                List.of()));
        assertEquals(List.of("metric 'national t excess' is 1100.000001, expected 1100 ± 1.0E-9"),
                unmet(List.of(metric("t", "turnout", 2.0 / 3), metric("t", "excess", 1100.000001)), List.of()));
    }

    @Test
    void eachExpectedFindingNeedsAMatchOfItsOwn() throws Exception {
        Files.writeString(folder.resolve("findings.csv"), FINDINGS_HEADER
                + "national,valid_sum,flag,1,,,line 3,the worst case is on line 3\n"
                + "national,valid_sum,flag,1,,,,a second one\n");
        Finding broken = finding("valid_sum", Verdict.FLAG, 1, "1 of 3 break it");
        List<Metric> metrics = List.of(metric("valid_sum", "violations", 1));
        assertEquals(List.of("no flag finding national valid_sum value 1; protocol_integrity's findings about"
                + " national valid_sum: []"), unmet(metrics, List.of(broken)));
        assertEquals(List.of(), unmet(metrics, List.of(broken, broken)));
    }

    @Test
    void withAllFindingsListedAFindingNoRowMatchesFails() throws Exception {
        Files.writeString(folder.resolve("case.yaml"), "about: a case\nall_findings_listed: true\n");
        Files.writeString(folder.resolve("findings.csv"), FINDINGS_HEADER
                + "national,valid_sum,flag,,,,,one flag\n");
        List<Metric> metrics = List.of(metric("valid_sum", "violations", 1));
        assertEquals(List.of("a finding not listed: pass national option_le_valid 0.0 'All hold.'"),
                unmet(metrics, List.of(finding("valid_sum", Verdict.FLAG, 1, "1 of 3 break it"),
                        finding("option_le_valid", Verdict.PASS, 0, "All hold."))));
    }

    @Test
    void aSentenceWithABlankLeftInItFails() throws Exception {
        List<Metric> metrics = List.of(metric("valid_sum", "violations", 1));
        assertEquals(List.of("an unreadable sentence: '1 of  break it'"),
                unmet(metrics, List.of(finding("valid_sum", Verdict.FLAG, 1, "1 of  break it"))));
    }
}
