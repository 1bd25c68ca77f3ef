package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Data in summary.md is text: a title or a name can never become a heading, a link, HTML or a table column. */
class MarkdownEscapeTest {

    @Test
    void aScriptTitleStaysText() {
        assertEquals("\\# \\<script\\>alert(1)\\</script\\>", MarkdownSummary.text("# <script>alert(1)</script>"));
    }

    @Test
    void aJavascriptLinkIsNoLink() {
        assertEquals("\\[link\\](javascript:alert(1))", MarkdownSummary.text("[link](javascript:alert(1))"));
        assertEquals("\\!\\[x\\](http\\://evil.example/t.png)", MarkdownSummary.text("![x](http://evil.example/t.png)"));
        assertEquals("see www\\.evil.example", MarkdownSummary.text("see www.evil.example"), "no autolink");
    }

    @Test
    void lineMarkersAreEscapedOnlyAtTheStart() {
        assertEquals("\\- a - b", MarkdownSummary.text("- a - b"));
        assertEquals("1\\. first", MarkdownSummary.text("1. first"));
        assertEquals("\\===", MarkdownSummary.text("==="));
        assertEquals("3.5 % of round_percentages", MarkdownSummary.text("3.5 % of round_percentages"),
                "numbers and words with inner underscores read as they are");
        assertEquals("\\_x\\_ \\*y\\*", MarkdownSummary.text("_x_ *y*"), "no emphasis");
    }

    @Test
    void aNameWithAPipeStaysInItsColumn() {
        StringBuilder md = new StringBuilder();
        MarkdownSummary.table(md, SummaryTables.table("t", List.of("candidate", "votes"),
                List.of(List.of("A|B | C", "5"))));
        String row = md.toString().lines().toList().get(2);
        assertEquals("| A\\|B \\| C | 5 |", row);
        assertEquals(3, row.replace("\\|", "").chars().filter(c -> c == '|').count(), "three column separators");
        assertTrue(md.toString().startsWith("| candidate | votes |"));
    }
}
