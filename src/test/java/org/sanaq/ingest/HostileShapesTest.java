package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.TestData;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolRecord;

/**
 * Hostile shapes met at ingest, through the canonical mapping without Spark: names with NUL and bidirectional
 * controls, printed percentages out of range, too many candidate columns, headers that would echo a whole file,
 * and files that are not text (by their first bytes).
 */
class HostileShapesTest {
    private static final String HEADER = "election,source,level,region,precinct,registered,valid,"
            + "published_turnout_pct";

    private static Mapping canonical() throws Exception {
        return MappingLoader.load(TestData.project().resolve("jobs/mappings/canonical.yaml"));
    }

    private static CsvRecord record(String line) throws IOException {
        return new CsvRecordReader(new StringReader(line), ',', '"', 1_000_000).next();
    }

    private static BoundMapping.Conversion convert(String header, String line) throws Exception {
        return canonical().bind(record(header).cells()).convert(record(line));
    }

    @Test
    void aNulInARegionNameIsRemovedAndNoted() throws Exception {
        BoundMapping.Conversion c = convert(HEADER + ",votes:A", "e,official,precinct,Nor\u0000th,1,100,50,,50");
        assertNull(c.reason());
        assertEquals("North", c.protocols().get(0).text(Field.REGION), "the same region as 'North'");
        assertTrue(c.namesCleaned());
        assertFalse(convert(HEADER + ",votes:A", "e,official,precinct,North,1,100,50,,50").namesCleaned());
    }

    @Test
    void bidiControlsAreRemovedFromCandidatesAndPrecincts() throws Exception {
        BoundMapping.Conversion c = convert(HEADER + ",votes:\u202EA\u202C,votes:B\u2066",
                "e,official,precinct,North,\u200F7\u061C,100,50,,30,20");
        assertNull(c.reason());
        ProtocolRecord p = c.protocols().get(0);
        assertEquals(Map.of("A", 30L, "B", 20L), p.votes());
        assertEquals("7", p.text(Field.PRECINCT));
        assertTrue(c.namesCleaned());
    }

    @Test
    void printedPercentagesOutside0To100AreQuarantined() throws Exception {
        assertEquals("published_turnout_pct: printed percentage 150.00 is outside 0–100",
                convert(HEADER + ",votes:A", "e,official,precinct,North,1,100,50,150.00,50").reason());
        assertEquals("published_turnout_pct: printed percentage -5.00 is outside 0–100",
                convert(HEADER + ",votes:A", "e,official,precinct,North,1,100,50,-5.00,50").reason());
        assertEquals("published_pct:A: printed percentage 100.01 is outside 0–100",
                convert(HEADER + ",votes:A,published_pct:A", "e,official,precinct,North,1,100,50,,50,100.01").reason());
        BoundMapping.Conversion edges = convert(HEADER + ",votes:A,published_pct:A",
                "e,official,precinct,North,1,100,50,0.00,50,100.00");
        assertNull(edges.reason(), "0 and 100 are printed percentages");
        assertEquals(Map.of("A", "100.00"), edges.protocols().get(0).publishedPct());
    }

    @Test
    void aHeaderWithMoreThan500CandidatesIsRefusedWithItsCount() throws Exception {
        assertEquals(500, canonical().bind(header(500)).convert(record(row(500))).protocols().get(0).votes().size());
        MappingException e = assertThrows(MappingException.class, () -> canonical().bind(header(501)));
        assertTrue(e.getMessage().contains("the header has 501 candidate columns, more than the 500 sanaq reads"),
                e.getMessage());
    }

    private static List<String> header(int candidates) throws IOException {
        List<String> cells = new ArrayList<>(record(HEADER).cells());
        for (int i = 0; i < candidates; i++) {
            cells.add("votes:C" + i);
        }
        return cells;
    }

    private static String row(int candidates) {
        return "e,official,precinct,North,1,100000,1000," + ",1".repeat(candidates);
    }

    @Test
    void aHeaderIsQuotedInAMessageUpTo200Characters() throws Exception {
        // /etc/passwd named as data: its first line is the header; the message quotes at most 200 characters of it
        String line = "root:x:0:0:root:/root:/bin/bash" + "x".repeat(5000);
        MappingException e = assertThrows(MappingException.class, () -> canonical().bind(List.of(line)));
        String quoted = e.getMessage().substring(e.getMessage().indexOf("(the header has: ") + 17);
        String start = "root:x:0:0:root:/root:/bin/bash";
        assertEquals(start + "x".repeat(200 - start.length()) + " …)", quoted, "200 characters, then the cut");
    }

    @Test
    void filesThatAreNotTextAreNamedByWhatTheyAre() throws Exception {
        assertEquals("f.csv is gzip-compressed: unpack it (gunzip) or name the .csv inside",
                refusal(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0}));
        assertEquals("f.csv is a PDF document: sanaq reads CSV files; extract the table to CSV first",
                refusal("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(refusal(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1, 0}).startsWith("f.csv is an Excel 97–2003 workbook"));
        assertTrue(refusal("BZh91AY".getBytes(StandardCharsets.US_ASCII)).startsWith("f.csv is bzip2-compressed"));
    }

    private static String refusal(byte[] bytes) throws Exception {
        IOException e = assertThrows(IOException.class, () -> DataFiles.open("f.csv",
                new ByteArrayInputStream(bytes), canonical().format()).next());
        return e.getMessage();
    }

    @Test
    void aShortTextFileIsReadAsItIs() throws Exception {
        // fewer bytes than the longest signature: the sniffing gives every byte back to the reader
        DataFiles.Entries entries = DataFiles.open("f.csv", new ByteArrayInputStream("a\n".getBytes(
                StandardCharsets.US_ASCII)), canonical().format());
        assertEquals(List.of("a"), entries.next().reader().next().cells());
    }
}
