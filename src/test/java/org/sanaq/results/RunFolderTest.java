package org.sanaq.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    private static Manifest manifest() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("round_percentages", Map.of("alpha", 0.01, "precisions", List.of(0, 1, 2)));
        return new Manifest("kz-2023-majilis", "Казахстан, выборы 2023", "kz-2023-majilis-party-list", "ru",
                List.of(new Manifest.InputAccount("party-list", "kz-2023-party-list", "official",
                        List.of(new Manifest.FileHash("/data/party-list-by-region.csv", "ab".repeat(32), 3095L)),
                        21, 20, 1, 20)),
                "job: x\n", "cd".repeat(32), params, Map.of("turnout", "ballots_cast", "share_base", "valid"),
                Map.of("round_percentages", 42L), "0.1.0", "abc123", "3.5.1", "local[2]", "2026-01-01T00:00:00Z",
                "2026-01-01T00:01:00Z");
    }

    private static RunFolder.Contents contents() {
        List<Finding> findings = List.of(
                new Finding("round_percentages", "national", "d=2", "round_cells", 3.0, 1e-6, 3e-6, Verdict.FLAG,
                        "Казахстан: 3 round cells, \"quoted\", with commas, and\na newline.",
                        List.of("Abai Region, Amanat 67.81", "Жетісу"), null),
                new Finding("round_percentages", "region=Абай", "turnout", "round_cells", null, null, null,
                        Verdict.INCONCLUSIVE, "too little data", List.of(), null));
        List<Metric> metrics = List.of(
                new Metric("round_percentages", "national", "d=2", "eligible_cells", 168),
                new Metric("round_percentages", "region=Акмолинская, \"Aqmola\"", "d=0", "p_value", 0.000123456789),
                new Metric("round_percentages", "national", "d=1", "expected_round_cells", -1.5e-7),
                new Metric("round_percentages", "national", "d=1", "ratio", Double.NaN),
                new Metric("round_percentages", "national", "d=1", "big", 1e20));
        List<FigureSpec> figures = List.of(new FigureSpec("round_percentages", "fig1", "ranked_bars",
                "Round cells", "round_cells", Map.of("label", "unit", "value", "round_cells"), Map.of("d", "2"),
                "unit", "cells", "A caption, with a comma"));
        Map<String, DetailTable> tables = new LinkedHashMap<>();
        tables.put("round_cells", new DetailTable("round_cells", "round_cells",
                List.of("unit", "candidate", "note", "value"),
                List.of(List.of("Abai Region", "Amanat", "a, b", "67.81"),
                        List.of("Акмолинская область", "\"Ақ жол\"", "line one\nline two", "-3.5"),
                        List.of("=HYPERLINK(\"http://x\")", "+1+1", "@SUM(A1)", "-cmd"),
                        List.of("", "", "", "1e5"))));
        return new RunFolder.Contents(manifest(), findings, metrics, figures, tables);
    }

    @Test
    void aPlaceboRoundTripsThroughFindingsJson(@TempDir Path dir) throws Exception {
        RunFolder.Contents base = contents();
        Placebo placebo = new Placebo(new Placebo.OtherRows(6, 1, 0.37), new Placebo.RandomGroupings(85, 4, 85, 3),
                new Placebo.HonestSimulations(50_000, 200, 9), true, "Random groupings flag 4 of 85 groups.");
        Finding flag = new Finding("digit_tests", "region=Абай", "A", "lastc", 3.1, 1e-9, 1e-7, Verdict.FLAG,
                "A flag.", List.of(), null, null, placebo);
        Placebo partial = new Placebo(new Placebo.OtherRows(0, 0, null), null, null, false, "No other row.");
        Finding national = new Finding("digit_tests", "national", "B", "c05s", 0.3, 1e-9, 1e-7, Verdict.FLAG,
                "Another flag.", List.of(), null, null, partial);
        RunFolder.write(dir, new RunFolder.Contents(base.manifest(), List.of(flag, national), base.metrics(),
                base.figures(), base.tables()));
        assertEquals(List.of(flag, national), RunFolder.read(dir).findings());
        JsonNode written = RunFolder.json().readTree(dir.resolve(RunFolder.FINDINGS).toFile()).get("findings");
        assertEquals("{\"groups\":85,\"flagged\":4,\"realUnits\":85,\"realFlagged\":3}",
                written.get(0).get("placebo").get("randomGroupings").toString());
        assertTrue(written.get(1).get("placebo").get("honestSimulations").isNull());
        assertFalse(flag.headline(), "ordinary under its placebo");
        assertTrue(national.headline(), "a placebo that leaves the flag standing");
    }

    @Test
    void roundTrip(@TempDir Path dir) throws Exception {
        RunFolder.Contents written = contents();
        RunFolder.write(dir, written);
        RunFolder.Contents read = RunFolder.read(dir);
        assertEquals(written.manifest(), read.manifest());
        assertEquals(written.findings(), read.findings());
        assertEquals(written.figures(), read.figures());
        assertEquals(written.tables(), read.tables());
        // the NaN ratio is left out of metrics.csv: a value that could not be computed is no number
        List<Metric> finite = written.metrics().stream().filter(m -> Double.isFinite(m.value())).toList();
        assertEquals(written.metrics().size() - 1, finite.size());
        assertEquals(finite.size(), read.metrics().size());
        for (int i = 0; i < finite.size(); i++) {
            Metric w = finite.get(i);
            Metric r = read.metrics().get(i);
            assertEquals(w.check(), r.check());
            assertEquals(w.scope(), r.scope());
            assertEquals(w.subject(), r.subject());
            assertEquals(w.metric(), r.metric());
            assertEquals(Double.doubleToLongBits(w.value()), Double.doubleToLongBits(r.value()), w.metric());
        }
    }

    @Test
    void filesOnDiskAreWhatFormatsMdSays(@TempDir Path dir) throws Exception {
        RunFolder.write(dir, contents());
        String metrics = Files.readString(dir.resolve("metrics.csv"), StandardCharsets.UTF_8);
        List<String> lines = metrics.lines().toList();
        assertEquals("check,scope,subject,metric,value", lines.get(0));
        // integers without a decimal point; the scope with a comma and quotes is quoted, quotes doubled
        assertEquals("round_percentages,national,d=2,eligible_cells,168", lines.get(1));
        assertEquals("round_percentages,\"region=Акмолинская, \"\"Aqmola\"\"\",d=0,p_value,1.23456789E-4",
                lines.get(2));
        assertEquals("round_percentages,national,d=1,expected_round_cells,-1.5E-7", lines.get(3));
        assertFalse(metrics.contains("NaN"), metrics);
        String table = Files.readString(dir.resolve("tables/round_cells.csv"), StandardCharsets.UTF_8);
        // formula-like text is defused with an apostrophe; numbers are not
        assertTrue(table.contains("\"'=HYPERLINK(\"\"http://x\"\")\",'+1+1,'@SUM(A1),'-cmd\r\n"), table);
        assertTrue(table.contains(",-3.5\r\n"), table);
        assertTrue(table.contains(",,,1e5\r\n"), table);
        assertTrue(table.contains("\"line one\nline two\""), table);
        assertTrue(table.contains("\"\"\"Ақ жол\"\"\""), table);
        String findings = Files.readString(dir.resolve("findings.json"), StandardCharsets.UTF_8);
        assertTrue(findings.contains("\"verdict\" : \"flag\""), findings);
        assertTrue(findings.contains("\"verdict\" : \"inconclusive\""), findings);
    }

    @Test
    void headerAndApostropheCellsRoundTrip(@TempDir Path dir) throws Exception {
        // a column named "-log10 p" is defused on write and must come back as written; a cell that really starts
        // with an apostrophe before '=' must not lose it
        RunFolder.Contents c = new RunFolder.Contents(manifest(), List.of(), List.of(), List.of(), Map.of("t",
                new DetailTable("t", "t", List.of("unit", "-log10 p"), List.of(List.of("'=quoted", "2.5")))));
        RunFolder.write(dir, c);
        DetailTable t = RunFolder.read(dir).tables().get("t");
        assertEquals(List.of("unit", "-log10 p"), t.columns());
        assertEquals(List.of(List.of("'=quoted", "2.5")), t.rows());
    }

    @Test
    void singleColumnTableWithAnEmptyCellKeepsItsRow(@TempDir Path dir) throws Exception {
        // a one-column row with an empty cell must not become a blank line, which a CSV reader skips
        RunFolder.Contents c = new RunFolder.Contents(manifest(), List.of(), List.of(), List.of(), Map.of("one",
                new DetailTable("one", "one", List.of("note"), List.of(List.of("a"), List.of(""), List.of("b")))));
        RunFolder.write(dir, c);
        assertEquals(List.of(List.of("a"), List.of(""), List.of("b")), RunFolder.read(dir).tables().get("one").rows());
    }

    @Test
    void theManifestKeepsLinkTargetsAndRowsSetAside(@TempDir Path dir) throws Exception {
        Manifest.InputAccount input = new Manifest.InputAccount("official", "canonical", "official",
                List.of(new Manifest.FileHash("/data/linked.csv", "ab".repeat(32), 10L, "/real/data.csv"),
                        new Manifest.FileHash("/data/plain.csv", "cd".repeat(32), 20L)),
                7, 1, 0, 1, 6, Map.of(Manifest.CONFLICTING_COPIES, 6L), 0, "follow");
        Manifest m = manifest();
        Manifest withCopies = new Manifest(m.job(), m.title(), m.election(), m.language(), List.of(input), m.jobSpec(),
                m.jobSpecSha256(), m.parameters(), m.conventions(), m.seeds(), m.programVersion(), m.programCommit(),
                m.sparkVersion(), m.sparkMaster(), m.startedAt(), m.finishedAt());
        RunFolder.write(dir, new RunFolder.Contents(withCopies, List.of(), List.of(), List.of(), Map.of()));
        String json = Files.readString(dir.resolve(RunFolder.MANIFEST), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"target\" : \"/real/data.csv\""), json);
        assertTrue(json.contains("\"conflicting_copies\" : 6"), json);
        assertEquals(withCopies, RunFolder.read(dir).manifest());
    }

    @Test
    void aManifestWrittenBeforeTargetsAndSetAsideStillReads(@TempDir Path dir) throws Exception {
        RunFolder.write(dir, contents());
        // the manifest as runs wrote it before: no target, nothing set aside, no names cleaned, no symlinks choice
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) RunFolder.json().readTree(
                dir.resolve(RunFolder.MANIFEST).toFile());
        var input = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("inputs").get(0);
        input.remove(List.of("rowsSetAside", "setAside", "namesCleaned", "symlinks"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) input.get("files").get(0)).remove("target");
        RunFolder.json().writeValue(dir.resolve(RunFolder.MANIFEST).toFile(), tree);
        Manifest.InputAccount read = RunFolder.read(dir).manifest().inputs().get(0);
        assertEquals(21, read.rowsRead());
        assertEquals(0, read.rowsSetAside());
        assertEquals(null, read.files().get(0).target());
        assertEquals(contents().manifest().inputs().get(0).files(), read.files());
    }

    /** A figure's columns, given as an immutable map (whose order changes between JVMs), are written sorted. */
    @Test
    void mapsAreWrittenWithTheirKeysSorted() throws Exception {
        FigureSpec figure = new FigureSpec("c", "f", "histogram_vs_expected", "t", "tab",
                Map.of("observed", "o", "bin_low", "l", "expected", "e", "bin_high", "h"), null, "x", "y", "caption");
        String json = RunFolder.json().writeValueAsString(figure);
        assertTrue(json.matches("(?s).*\"bin_high\".*\"bin_low\".*\"expected\".*\"observed\".*"), json);
    }

    @Test
    void safeCsvWritesANulVisibly() throws Exception {
        assertEquals("Nor␀th\r\n", defused("Nor\u0000th"));
    }

    private static String defused(String cell) throws Exception {
        StringWriter w = new StringWriter();
        SafeCsv.writeRow(w, List.of(cell));
        return w.toString();
    }

    @Test
    void safeCsvDefusesFormulas() throws Exception {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"\r\n", defused("=HYPERLINK(\"x\")"));
        assertEquals("'+1+1\r\n", defused("+1+1"));
        assertEquals("'@SUM(A1)\r\n", defused("@SUM(A1)"));
        assertEquals("'-cmd\r\n", defused("-cmd"));
        assertEquals("'\tx\r\n", defused("\tx"));
        assertEquals("'=1+2\r\n", defused("=1+2"));
        assertEquals("'-\r\n", defused("-"));
        // a cell that already starts with an apostrophe before '=' gets one more, and reads back unchanged
        assertEquals("''=x\r\n", defused("'=x"));
        assertEquals("'=x", SafeCsv.undefuse("''=x"));
        assertEquals("=x", SafeCsv.undefuse("'=x"));
        assertEquals("'plain", SafeCsv.undefuse("'plain"));
        assertEquals("'plain\r\n", defused("'plain"));
    }

    @Test
    void safeCsvLeavesNumbersAndPlainText() throws Exception {
        assertEquals("-3.5\r\n", defused("-3.5"));
        assertEquals("1e5\r\n", defused("1e5"));
        assertEquals("+7\r\n", defused("+7"));
        assertEquals("-1.5E-7\r\n", defused("-1.5E-7"));
        assertEquals("Abai Region\r\n", defused("Abai Region"));
        assertEquals("a-b=c\r\n", defused("a-b=c"));
        assertEquals("", SafeCsv.defuse(""));
        assertEquals("\"\"\r\n", defused("")); // a lone empty cell is quoted, not a blank line
        assertEquals("", SafeCsv.defuse(null));
    }

    @Test
    void numberFormatting() {
        assertEquals("168", RunFolder.number(168.0));
        assertEquals("-2", RunFolder.number(-2.0));
        assertEquals("0.5", RunFolder.number(0.5));
        assertEquals("NaN", RunFolder.number(Double.NaN));
        assertEquals("1.0E20", RunFolder.number(1e20));
    }

    @org.junit.jupiter.api.Test
    void aTableNameCannotReachOutsideTheTablesFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        DetailTable escape = new DetailTable("../../evil", "t", java.util.List.of("a"), java.util.List.of());
        RunFolder.Contents contents = new RunFolder.Contents(null, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.Map.of(escape.name(), escape));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RunFolder.write(dir, contents));
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(dir.getParent().getParent()
                .resolve("evil.csv")));
    }
}
