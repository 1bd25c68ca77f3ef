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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
