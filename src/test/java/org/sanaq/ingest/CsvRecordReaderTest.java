package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 reading with line numbers; every expected value below is worked out by hand from the input text. */
class CsvRecordReaderTest {

    private static List<CsvRecord> readAll(String text, int max) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(new StringReader(text), ',', '"', max);
        List<CsvRecord> out = new ArrayList<>();
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
            out.add(r);
        }
        return out;
    }

    private static List<CsvRecord> readAll(String text) throws IOException {
        return readAll(text, 1_000_000);
    }

    @Test
    void quotedSeparatorsAndDoubledQuotes() throws IOException {
        List<CsvRecord> rs = readAll("a,\"b,c\",\"say \"\"hi\"\"\",d\n");
        assertEquals(1, rs.size());
        assertEquals(List.of("a", "b,c", "say \"hi\"", "d"), rs.get(0).cells());
        assertNull(rs.get(0).problem());
        assertEquals(1, rs.get(0).line());
    }

    @Test
    void headerWithRussianQuotedNameAsInTheRuCecFiles() throws IOException {
        // The 2011 ru-cec header writes: "2. Политическая партия ""Либерально-демократическая партия России"""
        List<CsvRecord> rs = readAll("uik,\"2. Политическая партия \"\"Либерально-демократическая партия России\"\"\"\n");
        assertEquals(List.of("uik", "2. Политическая партия \"Либерально-демократическая партия России\""),
                rs.get(0).cells());
    }

    @Test
    void quotedNewlineKeepsLineNumbers() throws IOException {
        // record 1 on line 1; record 2 starts on line 2 and spans lines 2-4; record 3 is on line 5
        String text = "h1,h2\n1,\"two\nlines\nhere\"\n3,x\n";
        List<CsvRecord> rs = readAll(text);
        assertEquals(3, rs.size());
        assertEquals(1, rs.get(0).line());
        assertEquals(2, rs.get(1).line());
        assertEquals(List.of("1", "two\nlines\nhere"), rs.get(1).cells());
        assertEquals(5, rs.get(2).line());
        assertEquals(List.of("3", "x"), rs.get(2).cells());
    }

    @Test
    void quotedCrlfNewlineCountsOneLine() throws IOException {
        String text = "a,\"x\r\ny\"\r\nb,c\r\n";
        List<CsvRecord> rs = readAll(text);
        assertEquals(2, rs.size());
        assertEquals(List.of("a", "x\r\ny"), rs.get(0).cells());
        assertEquals(3, rs.get(1).line());
    }

    @Test
    void crlfAndLoneCrEndRecords() throws IOException {
        List<CsvRecord> rs = readAll("a,b\r\nc,d\re,f\ng,h");
        assertEquals(4, rs.size());
        assertEquals(List.of("a", "b"), rs.get(0).cells());
        assertEquals(List.of("c", "d"), rs.get(1).cells());
        assertEquals(List.of("e", "f"), rs.get(2).cells());
        assertEquals(List.of("g", "h"), rs.get(3).cells());
        assertEquals(List.of(1L, 2L, 3L, 4L), rs.stream().map(CsvRecord::line).toList());
        // no stray CR left in a cell
        assertTrue(rs.stream().flatMap(r -> r.cells().stream()).noneMatch(c -> c.contains("\r")));
    }

    @Test
    void byteOrderMarkBeforeFirstCellIsDropped() throws IOException {
        List<CsvRecord> rs = readAll("\uFEFFdistrict_id,x\n01,2\n");
        assertEquals("district_id", rs.get(0).cells().get(0));
        assertEquals(List.of("01", "2"), rs.get(1).cells());
    }

    @Test
    void byteOrderMarkBeforeQuotedFirstCell() throws IOException {
        List<CsvRecord> rs = readAll("\uFEFF\"a,b\",c\n");
        assertEquals(List.of("a,b", "c"), rs.get(0).cells());
    }

    @Test
    void blankLinesSkippedButCounted() throws IOException {
        List<CsvRecord> rs = readAll("a\n\n\r\n\nb\n\n");
        assertEquals(2, rs.size());
        assertEquals(List.of("a"), rs.get(0).cells());
        assertEquals(1, rs.get(0).line());
        // lines 2, 3, 4 are blank; b is on line 5
        assertEquals(List.of("b"), rs.get(1).cells());
        assertEquals(5, rs.get(1).line());
    }

    @Test
    void emptyCellsKept() throws IOException {
        List<CsvRecord> rs = readAll("a,,\"\",d,\n");
        assertEquals(List.of("a", "", "", "d", ""), rs.get(0).cells());
    }

    @Test
    void lastRecordWithoutNewline() throws IOException {
        List<CsvRecord> rs = readAll("a,b\nc,d");
        assertEquals(List.of("c", "d"), rs.get(1).cells());
        assertNull(rs.get(1).problem());
    }

    @Test
    void unterminatedQuoteAtEofIsAProblem() throws IOException {
        List<CsvRecord> rs = readAll("a,b\n1,\"open\n2,3\n");
        assertEquals(2, rs.size());
        assertNull(rs.get(0).problem());
        CsvRecord bad = rs.get(1);
        assertEquals(2, bad.line());
        assertNotNull(bad.problem());
        assertTrue(bad.problem().contains("not closed"), bad.problem());
    }

    @Test
    void overlongRecordIsReportedAndTheNextRecordKept() throws IOException {
        String longLine = "x".repeat(50);
        List<CsvRecord> rs = readAll("a,b\n" + longLine + "\nc,d\n", 20);
        assertEquals(3, rs.size());
        assertNull(rs.get(0).problem());
        CsvRecord tooLong = rs.get(1);
        assertEquals(2, tooLong.line());
        assertNotNull(tooLong.problem());
        assertTrue(tooLong.problem().contains("longer than 20"), tooLong.problem());
        assertEquals(List.of("c", "d"), rs.get(2).cells());
        assertEquals(3, rs.get(2).line());
        assertNull(rs.get(2).problem());
    }

    @Test
    void overlongRecordWithQuotedNewlineIsSkippedWhole() throws IOException {
        // the long record spans lines 2-3 (a quoted newline); the next record is on line 4
        String text = "a,b\n\"" + "y".repeat(30) + "\n" + "z".repeat(5) + "\",q\nc,d\n";
        List<CsvRecord> rs = readAll(text, 20);
        assertEquals(3, rs.size());
        assertNotNull(rs.get(1).problem());
        assertEquals(2, rs.get(1).line());
        assertEquals(List.of("c", "d"), rs.get(2).cells());
        assertEquals(4, rs.get(2).line());
    }

    @Test
    void recordExactlyAtTheLimitIsKeptAndTheNextRecordNotLost() throws IOException {
        // "abcdefghij" is 10 characters: not longer than a limit of 10, so it is read; "k,l" follows on line 2
        List<CsvRecord> rs = readAll("abcdefghij\nk,l\n", 10);
        assertEquals(2, rs.size(), () -> rs.toString());
        assertEquals(List.of("abcdefghij"), rs.get(0).cells());
        assertNull(rs.get(0).problem());
        assertEquals(List.of("k", "l"), rs.get(1).cells());
        assertEquals(2, rs.get(1).line());
    }

    @Test
    void overlongRecordWhoseLimitFallsOnItsNewlineDoesNotSwallowTheNext() throws IOException {
        // "abcdefghijkl" is 12 characters, one over a limit of 11: reported, and "k,l" on line 2 must survive
        List<CsvRecord> rs = readAll("abcdefghijkl\nk,l\n", 11);
        assertEquals(2, rs.size(), () -> rs.toString());
        assertNotNull(rs.get(0).problem());
        assertEquals(List.of("k", "l"), rs.get(1).cells());
        assertEquals(2, rs.get(1).line());
    }

    @Test
    void rawTextIsKept() throws IOException {
        List<CsvRecord> rs = readAll("h\n1,\"a,b\",\"q\"\"q\"\n");
        assertEquals("1,\"a,b\",\"q\"\"q\"", rs.get(1).raw());
    }

    @Test
    void rawTextOfAnOverlongRecordIsClipped() throws IOException {
        List<CsvRecord> rs = readAll("x".repeat(5000) + "\nok\n", 1_000_000);
        // under the record limit, so read; raw kept up to RAW_LIMIT (2000) characters plus an ellipsis
        assertEquals(2001, rs.get(0).raw().length());
        assertTrue(rs.get(0).raw().endsWith("…"));
        assertEquals(5000, rs.get(0).cells().get(0).length());
    }

    @Test
    void otherSeparator() throws IOException {
        CsvRecordReader reader = new CsvRecordReader(new StringReader("a;\"b;c\";d\n"), ';', '"', 100);
        assertEquals(List.of("a", "b;c", "d"), reader.next().cells());
        assertNull(reader.next());
    }

    /** Each record has the cells and the line expected, and no problem. */
    private static void assertRecords(List<List<String>> cells, List<Long> lines, List<CsvRecord> rs) {
        assertEquals(cells.size(), rs.size());
        for (int i = 0; i < rs.size(); i++) {
            assertEquals(cells.get(i), rs.get(i).cells(), "record " + i);
            assertEquals(lines.get(i), rs.get(i).line(), "line of record " + i);
            assertNull(rs.get(i).problem());
        }
    }

    @Test
    void quotesThatDoNotJustWrapACellAreReadAsBefore() throws IOException {
        // a quote closing before other text joins that text to the cell; a quote inside an unquoted cell is a
        // character of it; a doubled quote opening a quoted cell is one quote
        List<CsvRecord> rs = readAll("\"ab\"c,d\nab\"c,d\n\"\"\"x\",y\n\"\",\"\"\n");
        assertEquals(List.of("abc", "d"), rs.get(0).cells());
        assertEquals(List.of("ab\"c", "d"), rs.get(1).cells());
        assertEquals(List.of("\"x", "y"), rs.get(2).cells());
        assertEquals(List.of("", ""), rs.get(3).cells());
        assertEquals(List.of(1L, 2L, 3L, 4L), rs.stream().map(CsvRecord::line).toList());
    }

    @Test
    void quotedCellsOfEveryShapeAcrossTheReadersBlocks() throws IOException {
        // 20,000 records, about 600,000 characters (nine 65,536-character blocks): quoted cells with separators and
        // doubled quotes (split at once), with a line break inside (read character by character), and a line of
        // 70,000 characters, longer than a block; cells and lines known by construction
        StringBuilder text = new StringBuilder();
        List<List<String>> expected = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        long line = 1;
        for (int i = 0; i < 20_000; i++) {
            List<String> cells;
            String written;
            long spans = 1;
            if (i == 12_345) {
                cells = List.of("long", "y".repeat(70_000));
                written = "long,\"" + "y".repeat(70_000) + "\"";
            } else if (i % 7 == 0) {
                cells = List.of("n" + i, "two\nlines");
                written = "n" + i + ",\"two\nlines\"";
                spans = 2;
            } else {
                cells = List.of("q" + i, "a, \"b\" " + i, "");
                written = "q" + i + ",\"a, \"\"b\"\" " + i + "\",\"\"";
            }
            text.append(written).append(i % 2 == 0 ? "\n" : "\r\n");
            expected.add(cells);
            lines.add(line);
            line += spans;
        }
        List<CsvRecord> rs = readAll(text.toString());
        assertRecords(expected, lines, rs);
        assertEquals("q1,\"a, \"\"b\"\" 1\",\"\"", rs.get(1).raw());
    }

    @Test
    void recordsAcrossTheReadersBlocksKeepTheirCellsAndLines() throws IOException {
        // 3,000 records of 3 cells, each 40–60 characters long: about 150,000 characters, so lines straddle the
        // reader's 65,536-character blocks. Every fifth record has a quoted cell, the rest are plain; CRLF endings
        // and a blank line every hundred records. Cells and lines are known by construction.
        StringBuilder text = new StringBuilder();
        List<List<String>> expected = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        long line = 1;
        for (int i = 0; i < 3000; i++) {
            String padding = "x".repeat(i % 21);
            List<String> cells = List.of("r" + i, padding + i, i % 5 == 0 ? "a,b" : "z" + padding);
            String third = i % 5 == 0 ? "\"a,b\"" : cells.get(2);
            text.append(cells.get(0)).append(',').append(cells.get(1)).append(',').append(third).append("\r\n");
            expected.add(cells);
            lines.add(line++);
            if (i % 100 == 99) {
                text.append("\r\n");
                line++;
            }
        }
        List<CsvRecord> rs = readAll(text.toString());
        assertRecords(expected, lines, rs);
        assertEquals("r7,xxxxxxx7,zxxxxxxx", rs.get(7).raw(), "seven x after r7, z and seven x");
    }
}
