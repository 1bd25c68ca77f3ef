package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolRecord;

/** The mapping's {@code lines:} on small hand-made headers and records; each expected value is written out. */
class ExtraLinesTest {
    @TempDir
    Path dir;

    private static final String HEADER = "r,p,reg,valid,Absentee received,Absentee issued,Lost certificates,cand1";
    private static final String MAPPING = """
            constants: {election: e, source: official, level: precinct}
            fields:
              region: r
              precinct: p
              registered: reg
              valid: valid
            lines:
              absentee_received: "Absentee received"
              absentee_issued_to_voters: {pattern: "^Absentee issued"}
              absentee_lost: {column: Lost certificates, optional: true}
              absentee_unused: {column: Unused certificates, optional: true}
            candidates: {pattern: "^cand"}
            """;

    private Mapping load(String yaml) throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return MappingLoader.load(file);
    }

    private static BoundMapping bind(Mapping mapping, String header) throws Exception {
        return mapping.bind(new CsvRecordReader(new StringReader(header), ',', '"', 1000).next().cells());
    }

    private static BoundMapping.Conversion convert(BoundMapping b, String line) throws Exception {
        return b.convert(new CsvRecordReader(new StringReader(line), ',', '"', 1000).next());
    }

    @Test
    void eachLineIsReadAsACountIntoTheLinesMap() throws Exception {
        Mapping mapping = load(MAPPING);
        assertEquals(java.util.List.of("absentee_issued_to_voters", "absentee_lost", "absentee_received",
                "absentee_unused"), java.util.List.copyOf(mapping.lines().names()));
        ProtocolRecord p = convert(bind(mapping, HEADER), "R,1,100,80,30,25,1,80").protocols().get(0);
        // the optional line whose column the file lacks is not in the map; the others hold their cells
        assertEquals(Map.of("absentee_received", 30L, "absentee_issued_to_voters", 25L, "absentee_lost", 1L),
                p.lines());
        assertEquals(80L, p.count(Field.VALID));
        assertEquals(Map.of("cand1", 80L), p.votes());
    }

    @Test
    void anEmptyCellLeavesTheLineUnreportedAndTheProtocolUsable() throws Exception {
        ProtocolRecord p = convert(bind(load(MAPPING), HEADER), "R,1,100,80,30,,1,80").protocols().get(0);
        assertEquals(Map.of("absentee_received", 30L, "absentee_lost", 1L), p.lines());
    }

    @Test
    void aBadNumberQuarantinesTheRecordNamingTheLine() throws Exception {
        BoundMapping b = bind(load(MAPPING), HEADER);
        BoundMapping.Conversion fraction = convert(b, "R,1,100,80,30,2.5,1,80");
        assertTrue(fraction.protocols().isEmpty());
        assertTrue(fraction.reason().startsWith("lines.absentee_issued_to_voters: "), fraction.reason());
        BoundMapping.Conversion negative = convert(b, "R,1,100,80,-3,25,1,80");
        assertTrue(negative.reason().startsWith("lines.absentee_received: "), negative.reason());
        BoundMapping.Conversion text = convert(b, "R,1,100,80,30,25,one,80");
        assertTrue(text.reason().startsWith("lines.absentee_lost: "), text.reason());
    }

    @Test
    void aLineTakesSumsAndDifferencesAsAFieldDoes() throws Exception {
        Mapping mapping = load("""
                constants: {election: e, source: official, level: precinct}
                fields: {region: r, precinct: p, registered: reg}
                lines:
                  absentee_received: {sum_of: [a, b]}
                  absentee_kept: {column: a, minus: [b]}
                candidates: {pattern: "^cand"}
                """);
        ProtocolRecord p = convert(bind(mapping, "r,p,reg,a,b,cand1"), "R,1,100,30,5,80").protocols().get(0);
        assertEquals(Map.of("absentee_received", 35L, "absentee_kept", 25L), p.lines()); // 30 + 5; 30 − 5
    }

    @Test
    void anUnpivotedRecordGivesEachProtocolItsOwnColumns() throws Exception {
        Mapping mapping = load("""
                constants: {election: "e-{round}", source: official, level: precinct}
                fields: {region: r, precinct: p, registered: reg}
                lines:
                  absentee_received: "received {round}"
                candidates: {pattern: "^cand"}
                unpivot: {key: round, values: ["1", "2"]}
                """);
        var protocols = convert(bind(mapping, "r,p,reg,received 1,received 2,cand1"), "R,1,100,7,9,50").protocols();
        assertEquals(Map.of("absentee_received", 7L), protocols.get(0).lines()); // round 1's column
        assertEquals(Map.of("absentee_received", 9L), protocols.get(1).lines()); // round 2's
        assertEquals("e-2", protocols.get(1).text(Field.ELECTION));
    }

    @Test
    void aNameMustBeALowerCaseIdentifierAndNoCanonicalField() {
        String field = assertThrows(MappingException.class, () -> load(MAPPING.replace("lines:",
                "lines:\n  ballots_cast: x"))).getMessage();
        assertTrue(field.contains("lines.ballots_cast: 'ballots_cast' is a canonical field"), field);
        String upper = assertThrows(MappingException.class, () -> load(MAPPING.replace("absentee_received:",
                "Absentee:"))).getMessage();
        assertTrue(upper.contains("lines.Absentee: a line's name is a lower-case identifier"), upper);
        String unknownKey = assertThrows(MappingException.class, () -> load(MAPPING.replace(
                "{pattern: \"^Absentee issued\"}", "{pattern: \"^Absentee issued\", sum: 1}"))).getMessage();
        assertTrue(unknownKey.contains("lines.absentee_issued_to_voters.sum: unknown key"), unknownKey);
    }

    @Test
    void aLineMustFindItsColumnUnlessOptional() throws Exception {
        Mapping mapping = load(MAPPING);
        String message = assertThrows(MappingException.class,
                () -> bind(mapping, HEADER.replace("Absentee issued", "Issued"))).getMessage();
        assertTrue(message.contains("lines.absentee_issued_to_voters: pattern '^Absentee issued' matches 0 columns"),
                message);
    }

    @Test
    void aColumnReadByAFieldACandidateOrAnotherLineIsRefused() throws Exception {
        String field = assertThrows(MappingException.class, () -> bind(load(MAPPING.replace("absentee_received: "
                + "\"Absentee received\"", "absentee_received: valid")), HEADER)).getMessage();
        assertTrue(field.contains("lines.absentee_received: reads the column 'valid', which fields.valid also reads"),
                field);
        String line = assertThrows(MappingException.class, () -> bind(load(MAPPING.replace("{pattern: \"^Absentee "
                + "issued\"}", "\"Absentee received\"")), HEADER)).getMessage();
        assertTrue(line.contains("lines.absentee_received: reads the column 'Absentee received', which "
                + "lines.absentee_issued_to_voters also reads"), line);
        String candidate = assertThrows(MappingException.class, () -> bind(load(MAPPING.replace("\"^cand\"",
                "\"^(cand|Lost)\"")), HEADER)).getMessage();
        assertTrue(candidate.contains("lines.absentee_lost: reads the column 'Lost certificates', which candidates "
                + "(add it to candidates.except) also reads"), candidate);
    }

    @Test
    void aMappingWithoutLinesGivesAnEmptyMap() throws Exception {
        Mapping mapping = load(MAPPING.substring(0, MAPPING.indexOf("lines:")) + "candidates: {pattern: \"^cand\"}\n");
        assertTrue(mapping.lines().names().isEmpty());
        assertEquals(Map.of(), convert(bind(mapping, HEADER), "R,1,100,80,30,25,1,80").protocols().get(0).lines());
    }
}
