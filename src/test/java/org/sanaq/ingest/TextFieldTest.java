package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.schema.Field;

/**
 * The compiled text fields of a fitted mapping ({@link TextField}) over runs of records, where a repeated cell is
 * given its remembered value: every record must get what it would get alone. Expected values are worked out by
 * hand from the cells.
 */
class TextFieldTest {
    @TempDir
    Path dir;

    private BoundMapping bind(String yaml, String header) throws Exception {
        Files.writeString(dir.resolve("aliases.csv"), "alias,name\nAqmola,Akmola\n", StandardCharsets.UTF_8);
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return MappingLoader.load(file).bind(record(header).cells());
    }

    private static CsvRecord record(String line) throws Exception {
        return new CsvRecordReader(new StringReader(line), ',', '"', 1000).next();
    }

    private static final String MAPPING = """
            constants: {election: e, source: official, level: precinct}
            region_aliases: aliases.csv
            fields:
              region: {column: region, extract: "^(?:\\\\d+ )?(.+)$"}
              district: tik
              precinct: {column: uik, normalize: digits}
              registered: n
            candidates: {pattern: "^cand"}
            """;

    /** Region, district and precinct of each record converted in turn by one fitted mapping. */
    private static List<List<String>> names(BoundMapping b, String... lines) throws Exception {
        List<List<String>> out = new java.util.ArrayList<>();
        for (String line : lines) {
            var p = b.convert(record(line)).protocols().get(0);
            out.add(java.util.Arrays.asList(p.text(Field.REGION), p.text(Field.DISTRICT), p.text(Field.PRECINCT)));
        }
        return out;
    }

    @Test
    void repeatedAndChangingCellsGetTheValueEachWouldGetAlone() throws Exception {
        BoundMapping b = bind(MAPPING, "region,tik,uik,n,cand1");
        assertEquals(List.of(
                List.of("Akmola", "1 North", "554"),   // "12 Aqmola": extract drops "12 ", then the alias
                List.of("Akmola", "1 North", "7"),     // the same region and district, remembered
                List.of("Almaty", "1 North", "8"),     // a new region; the district cell repeats
                List.of("Almaty", "2 South", "0"),     // "УИК №000": one zero stays
                List.of("Akmola", "2 South", "10")),   // back to the first region: converted again
                names(b, "12 Aqmola,1 North,УИК №0554,5,1", "12 Aqmola,1 North,7,5,1", "Almaty,1 North,0008,5,1",
                        "Almaty, 2 South ,УИК №000,5,1", "Aqmola,2 South,10,5,1"));
    }

    @Test
    void anEmptyCellAfterAFullOneIsNotReported() throws Exception {
        BoundMapping b = bind(MAPPING, "region,tik,uik,n,cand1");
        List<List<String>> got = names(b, "R,North,1,5,1", "R,,2,5,1", "R,North,3,5,1");
        assertEquals("North", got.get(0).get(1));
        assertNull(got.get(1).get(1), "an empty district is not reported, though the record before had one");
        assertEquals("North", got.get(2).get(1));
    }

    @Test
    void aRepeatedCellWithControlsIsCleanedAndNotedInEveryRecord() throws Exception {
        BoundMapping b = bind(MAPPING, "region,tik,uik,n,cand1");
        var first = b.convert(record("Nor\u0000th,d,1,5,1"));
        var second = b.convert(record("Nor\u0000th,d,2,5,1"));
        var plain = b.convert(record("North,d,3,5,1"));
        assertEquals("North", first.protocols().get(0).text(Field.REGION));
        assertTrue(first.namesCleaned());
        assertEquals("North", second.protocols().get(0).text(Field.REGION));
        assertTrue(second.namesCleaned(), "remembered values keep the note that their cell was cleaned");
        assertEquals("North", plain.protocols().get(0).text(Field.REGION));
        assertFalse(plain.namesCleaned());
    }

    @Test
    void pairNamesAreRememberedLikeFields() throws Exception {
        BoundMapping b = bind("""
                constants: {election: e, source: official, level: precinct}
                fields: {region: r, precinct: p, registered: n}
                candidates:
                  pairs:
                    - {name: {column: winner}, votes: {column: wv}}
                """, "r,p,n,winner,wv");
        assertEquals(Map.of("Ax", 3L),
                b.convert(record("R,1,9,A\u200Fx,3")).protocols().get(0).votes());
        var again = b.convert(record("R,2,9,A\u200Fx,4"));
        assertEquals(Map.of("Ax", 4L), again.protocols().get(0).votes());
        assertTrue(again.namesCleaned());
        assertEquals(Map.of("B", 5L), b.convert(record("R,3,9,B,5")).protocols().get(0).votes());
    }

    @Test
    void lastDigitsKeepsTheLastRunWithoutLeadingZeros() {
        assertEquals("554", FieldRule.lastDigits("УИК №0554"));
        assertEquals("34", FieldRule.lastDigits("12 abc 0034 x"), "the last run, what follows it dropped");
        assertEquals("0", FieldRule.lastDigits("000"), "one zero stays of a run of zeros");
        assertEquals("100", FieldRule.lastDigits("0100"));
        assertEquals("7", FieldRule.lastDigits("7"));
        assertEquals("abc", FieldRule.lastDigits("abc"), "no digit: the text as it is");
        assertEquals("٣", FieldRule.lastDigits("٣"), "only ASCII digits count, as for the regular expression \\d");
    }
}
