package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

import tech.tablesaw.api.Table;

class ReportPartsTest {

    @Test
    void markdownCellsCannotBreakTheTable() {
        assertEquals("a \\| b \\\\ c \\<script\\> d", MarkdownSummary.cell("a | b \\ c <script>\n d"));
    }

    @Test
    void htmlEscapesEveryMarkupCharacter() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlSummary.escape("<a href=\"x\">&'"));
    }

    @Test
    void pValuesReadTheSameEverywhere() {
        // three significant digits, the language's decimal mark, powers of ten below 0.001, a floor at 10⁻¹⁰
        assertEquals("0.0456", Wording.p(0.0456, Locale.ENGLISH));
        assertEquals("0,0456", Wording.p(0.0456, Locale.forLanguageTag("ru")));
        assertEquals("0.118", Wording.p(0.11846923828125, Locale.ENGLISH));
        assertEquals("1.00", Wording.p(1.0, Locale.ENGLISH));
        assertEquals("0.00100", Wording.p(0.001, Locale.ENGLISH));
        assertEquals("3.20 × 10⁻⁷", Wording.p(3.2e-7, Locale.ENGLISH));
        assertEquals("1.00 × 10⁻⁴", Wording.p(9.9996e-5, Locale.ENGLISH), "rounds up into the next power");
        assertEquals("1.00 × 10⁻¹⁰", Wording.p(1e-10, Locale.ENGLISH));
        assertEquals("< 10⁻¹⁰", Wording.p(3.0e-36, Locale.ENGLISH));
        assertEquals("", Wording.p(null, Locale.ENGLISH));
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarks() {
        assertEquals("Ақмола ? x", PdfLayout.printable("Ақмола \u4E2D\tx"));
    }

    @Test
    void sectionsFollowTheFindingsAndClaimTheirTables() {
        Finding pass = new Finding("b", "national", "all", "s", 1.0, 0.5, 0.5, Verdict.PASS, "b passes", null, null);
        Finding flag = new Finding("a", "national", "all", "s", 1.0, 1e-6, 1e-5, Verdict.FLAG, "a flags", null, null);
        DetailTable t = new DetailTable("t", "T", List.of("label", "value"), List.of(List.of("x", "1")));
        DetailTable bTable = new DetailTable("b_cells", "B", List.of("c"), List.of());
        DetailTable other = new DetailTable("zeta", "Z", List.of("c"), List.of());
        FigureSpec figure = new FigureSpec("a", "f", "ranked_bars", "F", "t", Map.of(), null, "x", "y", null);
        ReportPlan plan = ReportPlan.of(new RunFolder.Contents(null, List.of(pass, flag), List.of(), List.of(figure),
                Map.of("t", t, "b_cells", bTable, "zeta", other)), id -> null);
        assertEquals(List.of(flag, pass), plan.ranked());
        assertEquals(List.of("b", "a"), plan.sections().stream().map(s -> s.description().title()).toList());
        assertEquals(List.of(bTable), plan.sections().get(0).tables());
        assertEquals(List.of(t), plan.sections().get(1).tables());
        assertEquals(List.of(other), plan.otherTables());
        assertTrue(plan.source().startsWith("Source: "));
    }

    @Test
    void tablesKeepRepeatedColumnNames() {
        Table table = SummaryTables.table("x", List.of("a", "a", ""), List.of(List.of("1", "2")));
        assertEquals(List.of("a", "a (2)", "column 3"), table.columnNames());
        assertEquals("", table.getString(0, 2));
    }
}
