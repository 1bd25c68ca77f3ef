package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

/** A table too wide for the page keeps every number on one line. */
class PdfTableTest {
    @Test
    void aWideTableBreaksBetweenWordsNeverInsideANumber() throws Exception {
        List<String> columns = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < 13; c++) {
            columns.add("column with a long header " + c);
            cells.add(c % 2 == 0 ? "12\u00A0035\u00A0578" : "8,31\u00A0×\u00A010⁻⁶");
        }
        cells.set(1, "Kazakhstan region with a long name");
        Table table = SummaryTables.table("wide", columns, List.of(cells, cells));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            try (PdfLayout layout = new PdfLayout(document)) {
                PdfTable.draw(layout, table);
            }
            document.save(pdf);
        }
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(document).replace('\u00A0', ' ');
            long whole = text.lines().filter(line -> line.contains("12 035 578")).count();
            assertTrue(whole >= 2, "each row's numbers whole on their line:\n" + text);
            assertTrue(text.contains("8,31 × 10⁻⁶"), text);
            assertTrue(!text.contains("12 035 57\n") && !text.contains("\n8\n"), text);
        }
    }
}
