package org.sanaq.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import tech.tablesaw.api.Table;

/**
 * Draws a Tablesaw table across the page width: columns sized to their content and shrunk to fit, long cells
 * wrapped between words to at most three lines and then cut with "…" (never inside a number: a column is at least
 * as wide as its widest number), numbers right-aligned, and the header repeated on every page the table runs onto.
 */
final class PdfTable {
    private static final float SIZE = 7.5f;
    /** The smallest type a table is set in to keep its words and numbers whole. */
    private static final float MIN_SIZE = 5.5f;
    /** A column is never narrower than its widest word up to this width (at {@link #SIZE}); longer words may break. */
    private static final float WORD_CAP = 60;
    /** At the smallest size, a column of words keeps its widest word up to this width (at {@link #SIZE}). */
    private static final float SMALLEST_WORD_CAP = 30;
    private static final float PAD = 3;
    private static final int MAX_LINES = 3;
    private static final float MAX_NATURAL = 300;
    private static final Color HEADER_FILL = new Color(0xE8E8E8);
    private static final Color ZEBRA = new Color(0xF6F6F6);
    /**
     * The smallest type a table is set in without being split: a table whose words and numbers do not fit the page
     * whole at this size is drawn landscape, or in column subsets.
     */
    private static final float READABLE = 6.5f;
    /** Identifier columns repeated in each column subset of a table at most. */
    private static final int MAX_KEYS = 3;
    /** A cell that is one web address (a protocol's photo or page): shown by its host, linked to the address. */
    private static final Pattern URL = Pattern.compile("https?://([^/\\s]+)\\S*");
    /**
     * A cell that is one number as {@link CellText} writes it: grouped with a (no-break) space, comma or point,
     * a decimal comma or point, a percent sign, or a p-value ("3.20 × 10⁻⁷", "< 10⁻¹⁰").
     */
    private static final Pattern NUMBER = Pattern.compile("[-+−]?[0-9][0-9.,\u00A0\u202F]*"
            + "( ?%|\u00A0×\u00A010[⁻⁰-⁹¹²³]+)?|<\u00A010[⁻⁰-⁹¹²³]+");

    private final PdfLayout layout;
    private final Table table;
    private final float[] widths;
    private final boolean[] numeric;
    /**
     * Each column's narrowest width: its widest number, so that digits are never wrapped inside a number, and its
     * widest word up to {@link #WORD_CAP}.
     */
    private final float[] floors;
    /**
     * Each column's widest number, or its widest word up to {@link #SMALLEST_WORD_CAP}: the floor that stays when the
     * type is at its smallest and longer words must break.
     */
    private final float[] numberFloors;
    /** The type size: {@link #SIZE}, smaller (down to {@link #MIN_SIZE}) when the columns' floors do not fit. */
    private float size = SIZE;

    private PdfTable(PdfLayout layout, Table table) throws IOException {
        this.layout = layout;
        this.table = table;
        int n = table.columnCount();
        this.widths = new float[n];
        this.numeric = new boolean[n];
        this.floors = new float[n];
        this.numberFloors = new float[n];
        for (int c = 0; c < n; c++) {
            String header = table.column(c).name();
            float natural = layout.width(header, true, SIZE);
            float wordFloor = Math.min(WORD_CAP, widestWord(header, true, false));
            float numberFloor = 0;
            boolean allNumbers = table.rowCount() > 0;
            for (int r = 0; r < table.rowCount(); r++) {
                String cell = shown(table.getString(r, c));
                natural = Math.max(natural, layout.width(cell, false, SIZE));
                allNumbers &= cell.isEmpty() || NUMBER.matcher(cell).matches();
                numberFloor = Math.max(numberFloor, widestWord(cell, false, true));
                wordFloor = Math.max(wordFloor, Math.min(WORD_CAP, widestWord(cell, false, false)));
            }
            widths[c] = Math.min(MAX_NATURAL, natural) + 2 * PAD;
            numberFloors[c] = Math.min(widths[c], Math.max(numberFloor, Math.min(wordFloor, SMALLEST_WORD_CAP)) + 2 * PAD);
            floors[c] = Math.min(widths[c], Math.max(numberFloor, wordFloor) + 2 * PAD);
            numeric[c] = allNumbers;
        }
    }

    /**
     * The width of the widest word of a text (lines break between words, at plain spaces), or of its widest word
     * holding a digit.
     */
    private float widestWord(String text, boolean bold, boolean numbersOnly) throws IOException {
        float widest = 0;
        for (String word : text.split(" +")) {
            if (!numbersOnly || word.chars().anyMatch(Character::isDigit)) {
                widest = Math.max(widest, layout.width(word, bold, SIZE));
            }
        }
        return widest;
    }

    /**
     * Draws the table at the layout's cursor: whole when its words and numbers fit the width at {@link #READABLE}
     * type or larger, else in subsets of its columns that do, each repeating the identifier columns.
     */
    static void draw(PdfLayout layout, Table table) throws IOException {
        draw(layout, table, 0);
    }

    /**
     * Draws the table, its last row on a page with room below it for {@code keep} points more (the note under the
     * table, which must not stand alone on a page).
     */
    static void draw(PdfLayout layout, Table table, float keep) throws IOException {
        if (table.columnCount() == 0) {
            return;
        }
        PdfTable whole = new PdfTable(layout, table);
        if (whole.fitsIn(layout.width())) {
            whole.draw(keep);
            return;
        }
        List<Table> parts = whole.subsets(layout.width());
        for (int i = 0; i < parts.size(); i++) {
            new PdfTable(layout, parts.get(i)).draw(i == parts.size() - 1 ? keep : 0);
        }
    }

    /** Whether the table fits this width whole, at {@link #READABLE} type or larger. */
    static boolean fitsIn(PdfLayout layout, Table table, float width) throws IOException {
        return table.columnCount() == 0 || new PdfTable(layout, table).fitsIn(width);
    }

    private boolean fitsIn(float width) {
        float total = 0;
        for (int c = 0; c < floors.length; c++) {
            total += readable(c);
        }
        return total <= width;
    }

    /** A column's floor at {@link #READABLE} type. */
    private float readable(int c) {
        return (floors[c] - 2 * PAD) * READABLE / SIZE + 2 * PAD;
    }

    /**
     * The table cut into column subsets that each fit the width: the identifier columns (the leading columns of
     * text, at most {@link #MAX_KEYS}) in every subset, the others in their order, as many to a subset as fit.
     */
    private List<Table> subsets(float width) {
        int keys = 0;
        while (keys < Math.min(MAX_KEYS, numeric.length - 1) && !numeric[keys]) {
            keys++;
        }
        float keyWidth = 0;
        for (int c = 0; c < keys; c++) {
            keyWidth += readable(c);
        }
        List<Table> parts = new ArrayList<>();
        List<Integer> part = new ArrayList<>();
        float used = keyWidth;
        for (int c = keys; c < numeric.length; c++) {
            if (!part.isEmpty() && used + readable(c) > width) {
                parts.add(subset(keys, part));
                part = new ArrayList<>();
                used = keyWidth;
            }
            part.add(c);
            used += readable(c);
        }
        parts.add(subset(keys, part));
        return parts;
    }

    private Table subset(int keys, List<Integer> columns) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < keys; c++) {
            names.add(table.column(c).name());
        }
        columns.forEach(c -> names.add(table.column(c).name()));
        return table.selectColumns(names.toArray(String[]::new));
    }

    private void draw(float keep) throws IOException {
        fit(layout.width());
        List<List<String>> header = cells(c -> table.column(c).name(), true);
        layout.need(height(header) + leading() * 2 + 2 * PAD);
        row(header, null, true, HEADER_FILL);
        for (int r = 0; r < table.rowCount(); r++) {
            int row = r;
            List<String> raw = new ArrayList<>();
            for (int c = 0; c < widths.length; c++) {
                raw.add(table.getString(r, c));
            }
            List<List<String>> cells = cells(c -> shown(table.getString(row, c)), false);
            float below = r == table.rowCount() - 1 ? keep : 0;
            if (!layout.fits(height(cells) + below)) {
                layout.newPage();
                row(header, null, true, HEADER_FILL);
            }
            row(cells, raw, false, r % 2 == 1 ? ZEBRA : null);
        }
        layout.skip(6);
    }

    /** A cell as drawn: a web address by its host (the cell links to the whole address). */
    private static String shown(String cell) {
        java.util.regex.Matcher url = URL.matcher(cell);
        return url.matches() ? url.group(1) + " ↗" : cell;
    }

    private List<List<String>> cells(IntFunction<String> text, boolean bold) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            float max = widths[c] - 2 * PAD;
            List<String> wrapped = layout.wrap(text.apply(c), layout.font(bold), size, max);
            if (wrapped.size() > MAX_LINES) {
                wrapped = new ArrayList<>(wrapped.subList(0, MAX_LINES));
                wrapped.set(MAX_LINES - 1, layout.cut(wrapped.get(MAX_LINES - 1) + " …", bold, size, max));
            }
            lines.add(wrapped);
        }
        return lines;
    }

    private float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * leading() + 2 * PAD;
    }

    private float leading() {
        return size * 1.3f;
    }

    /** A row of cells; a cell whose raw text is a web address links to it. */
    private void row(List<List<String>> cells, List<String> raw, boolean bold, Color fill) throws IOException {
        float h = height(cells);
        float top = layout.y();
        float bottom = top - h;
        float x = layout.left();
        if (fill != null) {
            layout.fill(x, bottom, sum(), h, fill);
        }
        for (int c = 0; c < widths.length; c++) {
            float baseline = top - PAD - size;
            for (String line : cells.get(c)) {
                float offset = numeric[c] && !bold ? widths[c] - PAD - layout.width(line, false, size) : PAD;
                layout.text(x + offset, baseline, line, bold, size, Color.BLACK);
                baseline -= leading();
            }
            if (raw != null && URL.matcher(raw.get(c)).matches()) {
                layout.link(x, bottom, widths[c], h, raw.get(c));
            }
            x += widths[c];
        }
        layout.rule(layout.left(), bottom, layout.left() + sum(), bottom, Color.LIGHT_GRAY, 0.4f);
        layout.skip(h);
    }

    /**
     * Shrinks the widest columns until the table fits; narrow columns keep their natural width, and no column
     * shrinks below its floor, the type being set smaller first when the floors alone are wider than the page (at
     * the smallest size only numbers keep their floor, and words may break). The wide columns give up width in
     * proportion to what they can spare.
     */
    private void fit(float available) {
        float pads = 2 * PAD * widths.length;
        float floorSum = -pads;
        for (float f : floors) {
            floorSum += f;
        }
        if (floorSum > available - pads) { // smaller type, so that every column keeps its words and numbers whole
            float scale = Math.max(MIN_SIZE / SIZE, (available - pads) / floorSum);
            boolean smallest = scale > (available - pads) / floorSum;
            size = SIZE * scale;
            for (int c = 0; c < widths.length; c++) { // the text scales with the type, the padding stays
                widths[c] = (widths[c] - 2 * PAD) * scale + 2 * PAD;
                floors[c] = ((smallest ? numberFloors[c] : floors[c]) - 2 * PAD) * scale + 2 * PAD;
            }
        }
        float excess = sum() - available;
        if (excess <= 0) {
            return;
        }
        float fair = available / widths.length;
        float spare = 0;
        for (int c = 0; c < widths.length; c++) {
            spare += widths[c] > fair ? widths[c] - floors[c] : 0;
        }
        float share = spare <= 0 ? 0 : Math.min(1, excess / spare);
        for (int c = 0; c < widths.length; c++) {
            if (widths[c] > fair) {
                widths[c] -= (widths[c] - floors[c]) * share;
            }
        }
        float total = sum();
        if (total > available) { // the floors alone overflow the page: every column gives way, the page's edge holds
            for (int c = 0; c < widths.length; c++) {
                widths[c] *= available / total;
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
