package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolRecord;

/**
 * Missing-value markers, identifiers joined from several columns, {@code except} beside {@code pattern}, keys
 * that would have no effect, and each figure's own reading confidence, on hand-made headers and records.
 */
class MappingFeaturesTest {
    @TempDir
    Path dir;

    private static final String COMMON = """
            constants: {election: e, source: official, level: precinct}
            """;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private BoundMapping bind(String yaml, String header) throws Exception {
        return MappingLoader.load(write(yaml)).bind(new CsvRecordReader(new StringReader(header), ',', '"', 1000)
                .next().cells());
    }

    private static BoundMapping.Conversion convert(BoundMapping b, String line) throws Exception {
        return b.convert(new CsvRecordReader(new StringReader(line), ',', '"', 1000).next());
    }

    private String refused(String yaml) throws Exception {
        Path file = write(yaml);
        MappingException e = assertThrows(MappingException.class, () -> MappingLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    /** The votes of a protocol as a plain map (null values kept). */
    private static Map<String, Long> votes(ProtocolRecord p) {
        return new HashMap<>(p.votes());
    }

    // ---------------------------------------------------------------- each figure's reading confidence

    @Test
    void aConfidenceBelongsToACountFieldOrALine() throws Exception {
        BoundMapping b = bind(COMMON + """
                fields: {region: r, precinct: p, registered: reg, invalid: inv}
                lines: {absentee: abs}
                confidence: {invalid: inv_conf, absentee: {column: abs_conf, optional: true}}
                candidates: {pattern: "^cand"}
                """, "r,p,reg,inv,inv_conf,abs,cand1");
        ProtocolRecord p = convert(b, "R,1,100,4,0.75,2,7").protocols().get(0);
        assertEquals(Map.of("invalid", 0.75), p.confidence(), "abs_conf is optional and absent: no confidence");
        assertEquals("confidence.registerd: 'registerd' is neither a count field nor one of the mapping's lines: a "
                + "confidence belongs to a figure the protocol reads", refused(COMMON + """
                fields: {region: r, precinct: p, registered: reg}
                confidence: {registerd: c}
                candidates: {pattern: "^cand"}
                """));
    }

    // ---------------------------------------------------------------- missing-value markers

    private static final String MARKED = COMMON + """
            missing: ["NA", "-"]
            fields:
              region: r
              precinct: p
              registered: reg
              valid: v
            candidates: {pattern: "^party"}
            """;

    @Test
    void aMarkedCandidateIsOnTheBallotWithAnUnknownCount() throws Exception {
        BoundMapping b = bind(MARKED, "r,p,reg,v,party A,party B");
        BoundMapping.Conversion c = convert(b, "R,1,100,60,NA,20");
        assertNull(c.reason());
        Map<String, Long> expected = new HashMap<>();
        expected.put("party A", null);
        expected.put("party B", 20L);
        assertEquals(expected, votes(c.protocols().get(0)));
        assertEquals(100L, c.protocols().get(0).count(Field.REGISTERED));
        // a blank cell without "" among the markers: the candidate is absent, as without markers
        assertEquals(Map.of("party B", 20L), votes(convert(b, "R,1,100,60,,20").protocols().get(0)));
    }

    @Test
    void aMarkedPrintedPercentageIsNotGiven() throws Exception {
        BoundMapping b = bind(MARKED.replace("candidates: {pattern: \"^party\"}",
                "candidates: {pattern: \"^party\", published_pct_pattern: \"^pct\"}"),
                "r,p,reg,v,party A,pct A");
        assertEquals(Map.of(), convert(b, "R,1,100,60,NA,NA").protocols().get(0).publishedPct());
        assertEquals(Map.of("pct A", "50.0"), convert(b, "R,1,100,60,30,50.0").protocols().get(0).publishedPct());
    }

    @Test
    void aMarkedFieldIsNotReported() throws Exception {
        BoundMapping b = bind(MARKED, "r,p,reg,v,party A");
        ProtocolRecord p = convert(b, "R,1,100, - ,40").protocols().get(0);
        assertNull(p.count(Field.VALID));
        assertEquals(Map.of("party A", 40L), votes(p));
    }

    @Test
    void aMarkedRequiredFieldQuarantinesNamingFieldColumnAndMarker() throws Exception {
        BoundMapping b = bind(MARKED, "r,p,reg,v,party A");
        assertEquals("missing registered: the column 'reg' holds the missing-value marker 'NA'",
                convert(b, "R,1,NA,60,40").reason());
        assertEquals("missing precinct (required at level precinct): the column 'p' holds the missing-value marker '-'",
                convert(b, "R,-,100,60,40").reason());
        // a blank required cell keeps today's reason
        assertEquals("missing registered", convert(b, "R,1,,60,40").reason());
    }

    @Test
    void fieldAndCandidateMarkersOverrideTheMappingsDefault() throws Exception {
        BoundMapping b = bind(COMMON + """
                missing: ["NA"]
                fields:
                  region: r
                  precinct: p
                  registered: reg
                  valid: {column: v, missing: ["x"]}
                  invalid: {sum_of: [i1, i2]}
                candidates: {pattern: "^party", missing: ["", "?"]}
                """, "r,p,reg,v,i1,i2,party A,party B");
        ProtocolRecord p = convert(b, "R,1,100,x,NA,2,?,").protocols().get(0);
        assertNull(p.count(Field.VALID));
        // a sum with a part given as missing is not reported, never a partial sum
        assertNull(p.count(Field.INVALID));
        Map<String, Long> expected = new HashMap<>();
        expected.put("party A", null);
        expected.put("party B", null); // "" is a marker of the candidates here: a blank cell is on the ballot
        assertEquals(expected, votes(p));
        // "missing: []" declares no marker for its field: "NA" is text there
        BoundMapping none = bind(COMMON + """
                missing: ["NA"]
                fields: {region: r, precinct: p, registered: {column: reg, missing: []}}
                candidates: {pattern: "^party"}
                """, "r,p,reg,party A");
        assertTrue(convert(none, "R,1,NA,3").reason().startsWith("registered: column 'reg': "));
        // "NA" is not the valid field's marker: it is a number problem there, as any text
        assertTrue(convert(b, "R,1,100,NA,1,2,3,4").reason().startsWith("valid: column 'v': "),
                convert(b, "R,1,100,NA,1,2,3,4").reason());
    }

    @Test
    void withoutMarkersNaIsANumberProblemAsBefore() throws Exception {
        BoundMapping b = bind(COMMON + """
                fields: {region: r, precinct: p, registered: reg}
                candidates: {pattern: "^party"}
                """, "r,p,reg,party A,party B");
        String reason = convert(b, "R,1,100,NA,20").reason();
        assertTrue(reason != null && reason.contains("party A"), reason);
    }

    @Test
    void markersAreAListOfTexts() throws Exception {
        assertEquals("missing: is a list, such as [a, b]", refused(COMMON + "missing: NA\nfields: {region: r}\n"));
        assertEquals("fields.registered.missing: has no effect beside a constant; remove it",
                refused(COMMON + "fields: {region: r, registered: {constant: 5, missing: [NA]}}\n"));
    }

    // ---------------------------------------------------------------- identifiers from several columns

    @Test
    void anIdentifierJoinsSeveralColumns() throws Exception {
        BoundMapping b = bind(COMMON + """
                missing: ["NA"]
                fields:
                  region: r
                  precinct: {columns: [centre, table], join: "-"}
                  district: {columns: [r, centre], join: " / ", extract: "/ (\\\\d+)$", normalize: digits}
                  registered: reg
                candidates: {pattern: "^party"}
                """, "r,centre,table,reg,party A");
        ProtocolRecord p = convert(b, "North,0012, 3 ,100,40").protocols().get(0);
        assertEquals("0012-3", p.text(Field.PRECINCT));
        assertEquals("12", p.text(Field.DISTRICT));
        // a part missing (blank or a marker) leaves no identifier, never half of one
        assertEquals("missing precinct (required at level precinct)", convert(b, "North,12,,100,40").reason());
        assertEquals("missing precinct (required at level precinct): the column 'table' holds the missing-value "
                + "marker 'NA'", convert(b, "North,12,NA,100,40").reason());
    }

    @Test
    void columnsAndJoinGoTogetherAndOnlyOnText() throws Exception {
        assertEquals("fields.precinct.columns: columns and join go together: the columns whose cells make the value, "
                + "and the text between them", refused(COMMON + "fields: {region: r, precinct: {columns: [a, b]}}\n"));
        assertEquals("fields.precinct.join: columns and join go together: the columns whose cells make the value, "
                + "and the text between them", refused(COMMON + "fields: {region: r, precinct: {column: a, join: x}}\n"));
        assertEquals("fields.registered.columns: has no effect on a count field; remove it",
                refused(COMMON + "fields: {region: r, registered: {columns: [a, b], join: x}}\n"));
    }

    // ---------------------------------------------------------------- except beside pattern

    @Test
    void exceptDropsColumnsThePatternMatches() throws Exception {
        BoundMapping b = bind(COMMON + """
                fields: {region: r, precinct: p, registered: reg}
                candidates: {pattern: "^(?<name>.+) votes$", except: ["^spoiled"]}
                """, "r,p,reg,A votes,B votes,spoiled votes");
        assertEquals(Map.of("A", 10L, "B", 20L), votes(convert(b, "R,1,100,10,20,5").protocols().get(0)));
    }

    // ---------------------------------------------------------------- keys without effect

    /** A mapping body after COMMON's constants with a key that changes nothing, and the message it must get. */
    static Stream<Arguments> idleKeys() {
        return Stream.of(
                Arguments.of("fields: {region: r, registered: {column: reg, normalize: digits}}\n",
                        "fields.registered.normalize: has no effect on a count field; remove it"),
                Arguments.of("fields: {region: {column: r, minus: [x]}}\n",
                        "fields.region.minus: has no effect on a text field; remove it"),
                Arguments.of("fields: {region: r, published_turnout_pct: {sum_of: [a, b]}}\n",
                        "fields.published_turnout_pct.sum_of: has no effect on a percent field; remove it"),
                Arguments.of("fields: {region: r, reading_confidence: {column: c, extract: x}}\n",
                        "fields.reading_confidence.extract: has no effect on a fraction field; remove it"),
                Arguments.of("fields: {region: r, registered: {constant: 5, optional: true}}\n",
                        "fields.registered.optional: has no effect beside a constant; remove it"),
                Arguments.of("fields: {region: r}\ncandidates: {pairs: [{name: n, votes: v}], except: [x]}\n",
                        "candidates.except: has no effect without pattern or after; remove it"),
                Arguments.of("fields: {region: r}\ncandidates: {pairs: [{name: n, votes: v}], rename: {a: b}}\n",
                        "candidates.rename: has no effect without pattern or after; remove it"),
                Arguments.of("fields: {region: r}\ncandidates: {pairs: [{name: {column: n, minus: [m]}, votes: v}]}\n",
                        "candidates.pairs[0].name.minus: has no effect on a text field; remove it"),
                Arguments.of("fields: {region: r, registered: reg}\nunpivot: {key: hour, values: [a, b]}\n",
                        "unpivot.key: no column, pattern or constant holds {hour}, so every value would make the "
                                + "same row"));
    }

    @ParameterizedTest
    @MethodSource("idleKeys")
    void aKeyWithoutEffectIsNamed(String body, String message) throws Exception {
        assertEquals(message, refused(COMMON + body));
    }

    @Test
    void theSameKeysWhereTheyActAreTaken() throws Exception {
        // refused only for the unknown key
        String m = refused(COMMON + "fields: {region: {column: r, normalize: digits}, registered: {column: reg, "
                + "minus: [x]}}\nbad: 1\n");
        assertTrue(m.startsWith("bad: unknown key; allowed here: "), m);
    }
}
