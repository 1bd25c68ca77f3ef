package org.sanaq.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import tech.tablesaw.api.Table;

/**
 * Draws a Tablesaw table across the page width: columns sized to their content and shrunk to fit, long cells
 * wrapped to at most three lines and then cut with "…", numbers right-aligned, and the header repeated on every
 * page the table runs onto.
 */
final class PdfTable {
    private static final float SIZE = 7.5f;
    private static final float LEADING = SIZE * 1.3f;
    private static final float PAD = 3;
    private static final int MAX_LINES = 3;
    private static final float MAX_NATURAL = 300;
    private static final Color HEADER_FILL = new Color(0xE8E8E8);
    private static final Color ZEBRA = new Color(0xF6F6F6);

    private final PdfLayout layout;
    private final Table table;
    private final float[] widths;
    private final boolean[] numeric;

    private PdfTable(PdfLayout layout, Table table) throws IOException {
        this.layout = layout;
        this.table = table;
        int n = table.columnCount();
        this.widths = new float[n];
        this.numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            float natural = layout.width(table.column(c).name(), true, SIZE);
            boolean allNumbers = table.rowCount() > 0;
            for (int r = 0; r < table.rowCount(); r++) {
                String cell = table.getString(r, c);
                natural = Math.max(natural, layout.width(cell, false, SIZE));
                allNumbers &= cell.isEmpty() || cell.matches("[-+]?[0-9.,]+([eE][-+]?\\d+)?%?");
            }
            widths[c] = Math.min(MAX_NATURAL, natural) + 2 * PAD;
            numeric[c] = allNumbers;
        }
        fit(layout.width());
    }

    /** Draws the table at the layout's cursor. */
    static void draw(PdfLayout layout, Table table) throws IOException {
        if (table.columnCount() == 0) {
            return;
        }
        new PdfTable(layout, table).draw();
    }

    private void draw() throws IOException {
        List<List<String>> header = cells(c -> table.column(c).name(), true);
        layout.need(height(header) + LEADING * 2 + 2 * PAD);
        row(header, true, HEADER_FILL);
        for (int r = 0; r < table.rowCount(); r++) {
            int row = r;
            List<List<String>> cells = cells(c -> table.getString(row, c), false);
            if (!layout.fits(height(cells))) {
                layout.newPage();
                row(header, true, HEADER_FILL);
            }
            row(cells, false, r % 2 == 1 ? ZEBRA : null);
        }
        layout.skip(6);
    }

    private List<List<String>> cells(IntFunction<String> text, boolean bold) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            float max = widths[c] - 2 * PAD;
            List<String> wrapped = layout.wrap(text.apply(c), layout.font(bold), SIZE, max);
            if (wrapped.size() > MAX_LINES) {
                wrapped = new ArrayList<>(wrapped.subList(0, MAX_LINES));
                wrapped.set(MAX_LINES - 1, layout.cut(wrapped.get(MAX_LINES - 1) + " …", bold, SIZE, max));
            }
            lines.add(wrapped);
        }
        return lines;
    }

    private static float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * LEADING + 2 * PAD;
    }

    private void row(List<List<String>> cells, boolean bold, Color fill) throws IOException {
        float h = height(cells);
        float top = layout.y();
        float bottom = top - h;
        float x = layout.left();
        if (fill != null) {
            layout.fill(x, bottom, sum(), h, fill);
        }
        for (int c = 0; c < widths.length; c++) {
            float baseline = top - PAD - SIZE;
            for (String line : cells.get(c)) {
                float offset = numeric[c] && !bold ? widths[c] - PAD - layout.width(line, false, SIZE) : PAD;
                layout.text(x + offset, baseline, line, bold, SIZE, Color.BLACK);
                baseline -= LEADING;
            }
            x += widths[c];
        }
        layout.rule(layout.left(), bottom, layout.left() + sum(), bottom, Color.LIGHT_GRAY, 0.4f);
        layout.skip(h);
    }

    /** Shrinks the widest columns until the table fits; narrow columns keep their natural width. */
    private void fit(float available) {
        float total = sum();
        if (total <= available) {
            return;
        }
        float fair = available / widths.length;
        float narrow = 0;
        float wide = 0;
        for (float w : widths) {
            if (w <= fair) {
                narrow += w;
            } else {
                wide += w;
            }
        }
        float factor = (available - narrow) / wide;
        for (int c = 0; c < widths.length; c++) {
            if (widths[c] > fair) {
                widths[c] *= factor;
            }
        }
    }

    private float sum() {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        return total;
    }
}
