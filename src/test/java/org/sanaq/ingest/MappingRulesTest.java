package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolRecord;

/** The mapping language's field rules on small hand-made files; expected values are worked out by hand. */
class MappingRulesTest {
    @TempDir
    Path dir;

    private static final String COMMON = """
            constants: {election: e, source: official, level: precinct}
            """;

    private BoundMapping bind(String yaml, String header) throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        Mapping m = MappingLoader.load(file);
        return m.bind(new CsvRecordReader(new StringReader(header), ',', '"', 1000).next().cells());
    }

    private static BoundMapping.Conversion convert(BoundMapping b, String line) throws Exception {
        return b.convert(new CsvRecordReader(new StringReader(line), ',', '"', 1000).next());
    }

    @Test
    void minOfCountsTakesTheSmallest() throws Exception {
        BoundMapping b = bind(COMMON + """
                fields:
                  region: r
                  precinct: p
                  registered: {min_of: [a, b]}
                candidates: {pattern: "^cand"}
                """, "r,p,a,b,cand1");
        // min(120, 100) = 100 (not the sum 220)
        ProtocolRecord p = convert(b, "R,1,120,100,7").protocols().get(0);
        assertEquals(100L, p.count(Field.REGISTERED));
        // an empty cell is not reported: the smallest of those given
        assertEquals(120L, convert(b, "R,1,120,,7").protocols().get(0).count(Field.REGISTERED));
    }

    @Test
    void sumOfAndMinus() throws Exception {
        BoundMapping b = bind(COMMON + """
                fields:
                  region: r
                  precinct: p
                  registered: {sum_of: [a, b]}
                  valid: {column: a, minus: [b]}
                candidates: {pattern: "^cand"}
                """, "r,p,a,b,cand1");
        ProtocolRecord p = convert(b, "R,1,120,100,7").protocols().get(0);
        assertEquals(220L, p.count(Field.REGISTERED)); // 120 + 100
        assertEquals(20L, p.count(Field.VALID)); // 120 − 100
        // a negative difference is a reason, not a number
        BoundMapping.Conversion c = convert(b, "R,1,100,120,7");
        assertNotNull(c.reason());
        assertTrue(c.reason().contains("negative"), c.reason());
        // an empty part leaves the sum unreported, never a partial sum
        assertEquals("missing registered", convert(b, "R,1,,120,7").reason());
    }

    @Test
    void digitsExtractAndValues() throws Exception {
        BoundMapping b = bind("""
                constants: {election: e, source: official}
                fields:
                  level: {column: kind, values: {P: precinct, N: national}, otherwise: region}
                  region: {column: r, extract: "^(?:\\\\d+ )?(.+)$"}
                  precinct: {column: p, normalize: digits}
                  registered: reg
                candidates: {pattern: "^cand"}
                """, "kind,r,p,reg,cand1");
        ProtocolRecord p = convert(b, "P,77 Город Москва,УИК №0554,10,3").protocols().get(0);
        assertEquals("precinct", p.text(Field.LEVEL));
        assertEquals("Город Москва", p.text(Field.REGION));
        assertEquals("554", p.text(Field.PRECINCT));
        assertEquals("region", convert(b, "X,Абай,,10,3").protocols().get(0).text(Field.LEVEL));
        assertEquals("0", convert(b, "P,R,УИК №000,10,3").protocols().get(0).text(Field.PRECINCT));
    }

    @Test
    void wrongNumberOfCellsIsAReason() throws Exception {
        BoundMapping b = bind(COMMON + """
                fields: {region: r, precinct: p, registered: reg}
                candidates: {pattern: "^cand"}
                """, "r,p,reg,cand1");
        BoundMapping.Conversion c = convert(b, "R,1,10");
        assertEquals("the record has 3 cells where the header has 4", c.reason());
        assertEquals(List.of(), c.protocols());
    }

    @Test
    void precinctProtocolNeedsRegisteredAndVotes() throws Exception {
        BoundMapping b = bind(COMMON + """
                fields: {region: r, precinct: p, registered: reg}
                candidates: {pattern: "^cand"}
                """, "r,p,reg,cand1");
        assertEquals("missing registered", convert(b, "R,1,,5").reason());
        assertEquals("no votes for any candidate", convert(b, "R,1,10,").reason());
        assertEquals("missing precinct (required at level precinct)", convert(b, "R,,10,5").reason());
    }

    @Test
    void unknownKeysAreNamed() throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, COMMON + "fields: {region: {column: r, normalise: digits}}\n", StandardCharsets.UTF_8);
        MappingException e = assertThrows(MappingException.class, () -> MappingLoader.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("fields.region.normalise"),
                e.getMessage());
    }

    // ---------------------------------------------------------------- one column, two figures

    private String refusedAtBind(String yaml, String header) {
        MappingException e = assertThrows(MappingException.class, () -> bind(yaml, header));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void twoFiguresFromOneColumnAreRefusedHoweverTheColumnIsNamed() {
        String byPatternAndPosition = COMMON + """
                fields:
                  region: r
                  precinct: p
                  registered: reg
                  invalid: {pattern: "^valid"}
                  valid: {position: 4}
                candidates: {pattern: "^cand"}
                """;
        String m = refusedAtBind(byPatternAndPosition, "r,p,reg,valid_ballots,cand1");
        assertTrue(m.contains("m.yaml: fields.invalid, fields.valid: read the same column 'valid_ballots'"), m);
        assertTrue(m.endsWith("add shared_columns: [invalid, valid] to the mapping"), m);
    }

    @Test
    void twoFiguresMayShareAColumnWhenTheMappingSaysSo() throws Exception {
        BoundMapping b = bind(COMMON + """
                fields:
                  region: r
                  precinct: p
                  registered: reg
                  ballots_issued: v
                  valid: v
                shared_columns: [ballots_issued, valid]
                candidates: {pattern: "^cand"}
                """, "r,p,reg,v,cand1");
        ProtocolRecord p = convert(b, "R,1,100,60,60").protocols().get(0);
        assertEquals(60L, p.count(Field.BALLOTS_ISSUED));
        assertEquals(60L, p.count(Field.VALID));
        // a third figure on the same column is not covered by the two named
        String m = refusedAtBind(COMMON + """
                fields: {region: r, precinct: p, registered: reg, ballots_issued: v, valid: v, invalid: v}
                shared_columns: [ballots_issued, valid]
                candidates: {pattern: "^cand"}
                """, "r,p,reg,v,cand1");
        assertTrue(m.contains("fields.ballots_issued, fields.invalid, fields.valid: read the same column 'v'"), m);
    }

    @Test
    void textFieldsAndBuiltFiguresMayReadAColumnAnotherFieldReads() throws Exception {
        BoundMapping b = bind(COMMON + """
                fields:
                  region: {column: place, extract: "^(.+)/"}
                  district: {column: place, extract: "/(.+)$"}
                  precinct: p
                  registered: reg
                  ballots_issued: {sum_of: [reg, extra]}
                candidates: {pattern: "^cand"}
                """, "place,p,reg,extra,cand1");
        ProtocolRecord p = convert(b, "North/Lake,1,100,5,60").protocols().get(0);
        assertEquals("North", p.text(Field.REGION));
        assertEquals("Lake", p.text(Field.DISTRICT));
        assertEquals(105L, p.count(Field.BALLOTS_ISSUED));
    }

    @Test
    void sharedColumnsNamesAtLeastTwoCanonicalFields() throws Exception {
        assertTrue(refused(COMMON + "shared_columns: [valid]\nfields: {region: r}\n")
                .contains("shared_columns: names the fields that may read the same column: at least two"));
        assertTrue(refused(COMMON + "shared_columns: [valid, vaild]\nfields: {region: r}\n")
                .contains("shared_columns: 'vaild' is not a canonical field"));
        assertTrue(refused(COMMON + "shared_columns: valid\nfields: {region: r}\n")
                .contains("shared_columns: is a list, such as [a, b]"));
    }

    // ---------------------------------------------------------------- values of the right type, given once

    private String refused(String yaml) throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        MappingException e = assertThrows(MappingException.class, () -> MappingLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    /** A mapping body after COMMON's constants, and the message (after the file) it must get. */
    static Stream<Arguments> badValues() {
        return Stream.of(
                // a list naming one column twice would count it twice; an unpivot value twice, make rows twice
                Arguments.of("fields: {region: r, registered: {sum_of: [a, a]}}",
                        "fields.registered.sum_of[1]: names 'a' a second time; name each column once"),
                Arguments.of("fields: {region: r, valid: {column: a, minus: [{position: 3}, {position: 3}]}}",
                        "fields.valid.minus[1]: names position 3 a second time; name each column once"),
                Arguments.of("fields: {region: r}\nunpivot: {key: hour, values: ['10:00', '12:00', '10:00']}",
                        "unpivot.values: lists '10:00' twice; keep one"),
                // values of the wrong type name their key
                Arguments.of("fields: {region: {column: r, optional: 'yes'}}",
                        "fields.region.optional: is true or false"),
                Arguments.of("fields: {region: {column: [r]}}", "fields.region.column: must be text, not a list"),
                Arguments.of("fields: {region: {column: r, values: [a, b]}}",
                        "fields.region.values: is a map of keys and values, such as {a: b}"),
                Arguments.of("fields: {region: r, district: {column: k, values: {N: no}}}",
                        "fields.district.values.N: must be text, but YAML reads false as a yes/no value; put the "
                                + "value in quotes"),
                Arguments.of("numbers: {thousands: ','}\nfields: {region: r}",
                        "numbers.thousands: is a list, such as [a, b]"),
                Arguments.of("fields: {region: r, registered: {position: '3'}}",
                        "fields.registered.position: is a column's 1-based position, a whole number"),
                Arguments.of("fields: {region: r, district: {constant: [a]}}",
                        "fields.district.constant: must be text, not a list"),
                Arguments.of("fields: {region: r, district: {column: d, values: {X: ~}}}",
                        "fields.district.values.X: is empty; write a value (\"\" for empty text)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badValues")
    void eachBadValueIsRefusedNamingItsKey(String body, String message) throws Exception {
        assertEquals(message, refused(COMMON + body + "\n"));
    }
}
