package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.TestData;
import org.sanaq.ingest.YamlFiles;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;

/** Job specs are refused before Spark starts, with the file and the field named. No Spark here. */
class JobSpecLoaderTest {
    private static final Path PARTY_MAPPING = Path.of("jobs/mappings/kz-2023-party-list.yaml").toAbsolutePath();
    private static final Path TURNOUT_MAPPING = Path.of("jobs/mappings/kz-2023-turnout-by-hour.yaml").toAbsolutePath();
    private static final Path PARTY_DATA = Path.of("datasets/kz-2023/party-list-by-region.csv").toAbsolutePath();
    private static final Path TURNOUT_DATA = Path.of("datasets/kz-2023/turnout-by-hour.csv").toAbsolutePath();

    @TempDir
    Path dir;

    /** A valid two-input spec over the shipped kz files; tests break one thing in it. */
    private String good() {
        return """
                job: test-job
                election: kz-2023-majilis-party-list
                language: en
                inputs:
                  - id: party-list
                    files: %s
                    mapping: %s
                  - id: turnout
                    files: %s
                    mapping: %s
                conventions:
                  turnout: ballots_cast
                  share_base: valid
                checks:
                  round_percentages:
                    precisions: [0, 1, 2]
                output: out
                """.formatted(PARTY_DATA, PARTY_MAPPING, TURNOUT_DATA, TURNOUT_MAPPING);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private String refused(String spec) throws IOException {
        Path file = write("job.yaml", spec);
        SpecException e = assertThrows(SpecException.class, () -> JobSpecLoader.load(file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString()), "the message names the spec file: " + m);
        assertEquals(1, m.lines().count(), "one line: " + m);
        return m;
    }

    private static void contains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        }
    }

    @Test
    void goodSpecLoads() throws Exception {
        JobSpec spec = JobSpecLoader.load(write("job.yaml", good()));
        assertEquals("test-job", spec.job());
        assertEquals(2, spec.inputs().size());
        assertEquals(Conventions.Turnout.BALLOTS_CAST, spec.conventions().turnout());
        assertEquals(dir.resolve("out"), spec.output());
        assertEquals(List.of("round_percentages"), spec.checks().stream().map(c -> c.check().id()).toList());
    }

    @Test
    void missingJob() throws Exception {
        contains(refused(good().replace("job: test-job\n", "")), ": job: is required");
    }

    @Test
    void badJobName() throws Exception {
        contains(refused(good().replace("job: test-job", "job: a/b")), ": job: ");
    }

    @Test
    void jobNamesAreOneSafePathSegment() throws Exception {
        for (String name : List.of("kz-2023_majilis.v2", "2024", "_draft", "a".repeat(100))) {
            assertEquals(name, JobSpecLoader.load(write("job.yaml", good().replace("test-job", name))).job());
        }
        for (String name : List.of("..", ".", ".hidden", "-rf", "a".repeat(101), "a b", "'a\\nb'")) {
            contains(refused(good().replace("job: test-job", "job: " + name)), ": job: ",
                    "cannot name the output folder");
        }
    }

    @Test
    void aValueWithALineBreakStaysOnOneLine() throws Exception {
        // refused() asserts the message is one line
        contains(refused(good().replace("job: test-job", "job: \"a\\nb\"")),
                ": job: 'a\\nb' cannot name the output folder");
    }

    @Test
    void aSpecThatIsNotUtf8IsSaidToBe() throws Exception {
        Path file = dir.resolve("job.yaml");
        Files.write(file, (good() + "title: Pr\u00e9sidentielle\n").getBytes(StandardCharsets.ISO_8859_1));
        SpecException e = assertThrows(SpecException.class, () -> JobSpecLoader.load(file));
        assertEquals(file + ": is not UTF-8 text; save it as UTF-8", e.getMessage());
    }

    @Test
    void aMappingOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        Path mapping = write("huge.yaml", "name: huge\n# " + "x".repeat(YamlFiles.MAX_BYTES) + "\n");
        contains(refused(good().replace(PARTY_MAPPING.toString(), mapping.toString())), "inputs[0].mapping: ",
                mapping + ": is larger than 1 MiB");
    }

    @Test
    void inputKeysAreText() throws Exception {
        contains(refused(good().replace("  - id: turnout\n", "  - id: turnout\n    source: [official]\n")),
                ": inputs[1].source: must be text, not a list");
        contains(refused(good().replace("mapping: " + TURNOUT_MAPPING, "mapping: {file: x}")),
                ": inputs[1].mapping: must be text, not a map");
        contains(refused(good().replace("files: " + TURNOUT_DATA, "files: [{a: 1}]")),
                ": inputs[1].files[0]: must be a file name, not a map");
        contains(refused(good().replace("files: " + TURNOUT_DATA, "files: [\"\"]")),
                ": inputs[1].files[0]: is empty: name a data file");
        contains(refused(good().replace("  - id: turnout\n", "  - id: turnout\n    symlinks: [refuse]\n")),
                ": inputs[1].symlinks: must be text, not a list");
        contains(refused(good().replace("  - id: turnout\n", "  - id: turnout\n    origin: {url: x}\n")),
                ": inputs[1].origin: must be text, not a map");
    }

    /** An input's origin (whose data, where to get them) reaches the job for page 1; inputs without one have none. */
    @Test
    void anInputsOriginIsKeptByItsId() throws Exception {
        JobSpec spec = JobSpecLoader.load(write("job.yaml", good().replace("  - id: turnout\n",
                "  - id: turnout\n    origin: \"CEC bulletins, example.org/turnout\"\n")));
        assertEquals(Map.of("turnout", "CEC bulletins, example.org/turnout"), spec.origins());
    }

    @Test
    void aMappingNamedByTwoInputsIsReadOnceAndEachInputKeepsItsOwnOverrides() throws Exception {
        String spec = good().replace(TURNOUT_DATA.toString(), PARTY_DATA.toString())
                .replace(TURNOUT_MAPPING.toString(), PARTY_MAPPING.toString())
                .replace("  - id: turnout\n", "  - id: turnout\n    source: observer:ngo\n");
        JobSpec loaded = JobSpecLoader.load(write("job.yaml", spec));
        assertEquals("observer:ngo", loaded.inputs().get(1).mapping().fields().get(Field.SOURCE).constant());
        assertEquals("official", loaded.inputs().get(0).mapping().fields().get(Field.SOURCE).constant());
    }

    @Test
    void unknownTopLevelField() throws Exception {
        contains(refused(good() + "colour: red\n"), ": colour: unknown field");
    }

    @Test
    void unknownInputField() throws Exception {
        contains(refused(good().replace("  - id: turnout\n", "  - id: turnout\n    sheet: 2\n")),
                "inputs[1].sheet: unknown field");
    }

    @Test
    void duplicateInputId() throws Exception {
        contains(refused(good().replace("id: turnout", "id: party-list")), "inputs[1].id", "'party-list'");
    }

    @Test
    void badSourceOverrideFailsBeforeAnyRowIsRead() throws Exception {
        String m = refused(good().replace("  - id: turnout\n", "  - id: turnout\n    source: observer\n"));
        contains(m, "inputs[1].source", "'observer'");
    }

    @Test
    void yamlSyntaxErrorIsOneLineWithItsPosition() throws Exception {
        contains(refused(good().replace("job: test-job", "job: [test-job")), "not valid YAML at line ");
    }

    @Test
    void missingMappingFile() throws Exception {
        String m = refused(good().replace(PARTY_MAPPING.toString(), "mappings/nowhere.yaml"));
        contains(m, "inputs[0].mapping", "no such mapping file", "nowhere.yaml");
    }

    @Test
    void missingDataFile() throws Exception {
        String m = refused(good().replace(TURNOUT_DATA.toString(), "data/missing.csv"));
        contains(m, "inputs[1].files", "no such data file", dir.resolve("data/missing.csv").toString());
    }

    @Test
    void missingDataFileInAList() throws Exception {
        String m = refused(good().replace("files: " + TURNOUT_DATA, "files: [" + TURNOUT_DATA + ", gone.csv]"));
        contains(m, "inputs[1].files[1]", "gone.csv");
    }

    @Test
    void mappingWithUnknownKey() throws Exception {
        Path mapping = write("bad-mapping.yaml", """
                name: bad
                constants: {source: official, level: region}
                fields:
                  region: region
                  xyz: registered_voters
                candidates:
                  pattern: " votes$"
                """);
        String m = refused(good().replace(PARTY_MAPPING.toString(), mapping.toString()));
        contains(m, "inputs[0].mapping", mapping.toString(), "fields.xyz");
    }

    @Test
    void mappingWithUnknownRuleKey() throws Exception {
        Path mapping = write("bad-rule.yaml", """
                name: bad
                constants: {source: official, level: region}
                fields:
                  region: {column: region, colum: x}
                candidates:
                  pattern: " votes$"
                """);
        contains(refused(good().replace(PARTY_MAPPING.toString(), mapping.toString())), mapping.toString(),
                "fields.region.colum");
    }

    @Test
    void mappingPatternMatchingNoHeaderFailsBeforeSpark() throws Exception {
        Path mapping = write("no-match.yaml", """
                name: no-match
                constants: {source: official, level: region}
                fields:
                  region: region
                  registered: {pattern: "^Number of voters"}
                candidates:
                  pattern: "^(?<name>.+) votes$"
                """);
        String m = refused(good().replace(PARTY_MAPPING.toString(), mapping.toString()));
        // the input, the data file, the mapping file and the key are all named
        contains(m, "inputs[0]", "party-list-by-region.csv", mapping.toString(), "fields.registered",
                "matches 0 columns");
        assertFalse(m.contains("\n"), "one line: " + m);
    }

    @Test
    void mappingColumnNotInHeader() throws Exception {
        Path mapping = write("no-column.yaml", """
                name: no-column
                constants: {source: official, level: region}
                fields:
                  region: oblast
                candidates:
                  pattern: "^(?<name>.+) votes$"
                """);
        contains(refused(good().replace(PARTY_MAPPING.toString(), mapping.toString())), "fields.region",
                "'oblast'");
    }

    @Test
    void unknownCheck() throws Exception {
        contains(refused(good().replace("round_percentages:", "benford_everything:")),
                "checks.benford_everything", "unknown check", "round_percentages");
    }

    @Test
    void noChecks() throws Exception {
        String spec = good();
        spec = spec.substring(0, spec.indexOf("checks:")) + "output: out\n";
        contains(refused(spec), ": checks: ");
    }

    @Test
    void parameterOutOfRange() throws Exception {
        String m = refused(good().replace("precisions: [0, 1, 2]", "alpha: 3"));
        contains(m, "checks.round_percentages.alpha", "3");
    }

    @Test
    void unknownParameter() throws Exception {
        String m = refused(good().replace("precisions: [0, 1, 2]", "aplha: 0.01"));
        contains(m, "checks.round_percentages.aplha", "unknown parameter");
    }

    @Test
    void precisionOutOfRange() throws Exception {
        contains(refused(good().replace("precisions: [0, 1, 2]", "precisions: [0, 5]")),
                "checks.round_percentages.precisions");
    }

    @Test
    void badTurnoutConvention() throws Exception {
        String m = refused(good().replace("turnout: ballots_cast", "turnout: votes_counted"));
        contains(m, "conventions.turnout", "votes_counted", "ballots_issued", "ballots_cast");
    }

    @Test
    void shareOfAllBallotsCast() throws Exception {
        JobSpec spec = JobSpecLoader.load(write("job.yaml", good().replace("share_base: valid", "share_base: cast")));
        assertEquals(Conventions.ShareBase.CAST, spec.conventions().shareBase());
        assertEquals("cast", spec.conventions().asMap().get("share_base"));
        contains(refused(good().replace("share_base: valid", "share_base: all")), "conventions.share_base",
                "valid_plus_invalid", "cast");
    }

    @Test
    void unknownConventionKey() throws Exception {
        contains(refused(good().replace("share_base: valid", "share_base: valid\n  rounding: up")),
                "conventions.rounding");
    }

    @Test
    void unsupportedLanguage() throws Exception {
        contains(refused(good().replace("language: en", "language: fr")), ": language: ", "fr");
    }

    @Test
    void badAggregateLevel() throws Exception {
        contains(refused(good() + "aggregate: [precinct]\n"), ": aggregate: ");
    }

    @Test
    void aggregateAsOneLevel() throws Exception {
        // like inputs[].files, one level may be written without a list; it must not be silently ignored
        JobSpec spec = JobSpecLoader.load(write("job.yaml", good() + "aggregate: national\n"));
        assertEquals(List.of(Level.NATIONAL), spec.levels());
        spec = JobSpecLoader.load(write("job.yaml", good() + "aggregate: [region, national]\n"));
        assertEquals(List.of(Level.REGION, Level.NATIONAL), spec.levels());
        contains(refused(good() + "aggregate: {national: true}\n"), ": aggregate: ");
        assertEquals(List.of(), JobSpecLoader.load(write("job.yaml", good() + "aggregate:\n")).levels());
    }

    @Test
    void conventionsNotAMap() throws Exception {
        String spec = good().replace("conventions:\n  turnout: ballots_cast\n  share_base: valid\n",
                "conventions: ballots_cast\n");
        contains(refused(spec), ": conventions: ");
    }

    @Test
    void checkParametersNotAMap() throws Exception {
        String spec = good().replace("round_percentages:\n    precisions: [0, 1, 2]\n", "round_percentages: 3\n");
        contains(refused(spec), ": checks.round_percentages: ");
    }

    @Test
    void checkWithNoParametersUsesDefaults() throws Exception {
        String spec = good().replace("round_percentages:\n    precisions: [0, 1, 2]\n", "round_percentages:\n");
        JobSpec loaded = JobSpecLoader.load(write("job.yaml", spec));
        assertEquals(0.01, loaded.checks().get(0).parameters().asMap().get("alpha"));
    }

    @Test
    void notAMap() throws Exception {
        contains(refused("- just\n- a list\n"), "YAML map");
    }

    @Test
    void missingSpecFile() {
        SpecException e = assertThrows(SpecException.class, () -> JobSpecLoader.load(dir.resolve("none.yaml")));
        contains(e.getMessage(), "none.yaml", "no such job spec file");
    }

    // ---------------------------------------------------------------- the shipped jobs

    @Test
    void shippedKzJobLoads() throws Exception {
        JobSpec spec = JobSpecLoader.load(Path.of("jobs/kz-2023-majilis.yaml"));
        assertEquals("kz-2023-majilis", spec.job());
        assertEquals(List.of("party-list", "turnout-by-hour", "constituencies", "observer-claims"),
                spec.inputs().stream().map(i -> i.id()).toList());
        assertEquals(Conventions.Turnout.BALLOTS_CAST, spec.conventions().turnout());
        assertEquals(Path.of("reports/kz-2023-majilis").toAbsolutePath().normalize(), spec.output());
    }

    @Test
    void shippedRuJobLoads() throws Exception {
        TestData.shared("ru-cec/2018.csv.zip");
        JobSpec spec = JobSpecLoader.load(Path.of("jobs/ru-2018-president.yaml"));
        assertEquals("ru-2018-president", spec.job());
        assertEquals(List.of(Level.REGION, Level.NATIONAL), spec.levels());
        var input = spec.inputs().get(0);
        assertTrue(input.files().get(0).endsWith("ru-cec/2018.csv.zip"), input.files().toString());
        // the job's election is set on the input's mapping
        assertEquals("ru-2018-president", input.mapping().fields().get(Field.ELECTION).constant());
    }

    @Test
    void shippedGeJobLoads() throws Exception {
        TestData.shared("ge-2024/cec_scrape_proportional.csv");
        TestData.shared("ge-2024/cec_scrape_proportional_electronic_ocr.csv");
        JobSpec spec = JobSpecLoader.load(Path.of("jobs/ge-2024-parliament.yaml"));
        assertEquals(List.of("cec-website", "protocol-ocr"), spec.inputs().stream().map(i -> i.id()).toList());
        assertEquals("ocr:foige", spec.inputs().get(1).mapping().fields().get(Field.SOURCE).constant());
    }
}
