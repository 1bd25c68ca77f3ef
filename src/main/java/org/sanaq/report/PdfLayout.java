package org.sanaq.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

/**
 * A cursor that flows text, rules and charts down A4 pages of one PDF document, starting a new page when the next
 * block does not fit. Text is set in DejaVu Sans (embedded as a subset), wrapped to the width available; characters
 * the font lacks become '?'. Charts are drawn through PdfBoxGraphics2D, so their text stays text in the same fonts.
 */
final class PdfLayout implements AutoCloseable {
    static final float MARGIN = 50;
    static final float FOOTER = 36;
    private static final PDRectangle PAGE = PDRectangle.A4;

    private final PDDocument document;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PdfBoxGraphics2DFontTextDrawer chartText = new PdfBoxGraphics2DFontTextDrawer();
    private PDPageContentStream stream;
    private float y;
    /** Glyph widths (per 1,000 units of size) by font and code point, filled as text is laid out. */
    private final Map<PDType0Font, Map<Integer, Float>> glyphWidths = new HashMap<>();

    PdfLayout(PDDocument document) throws IOException {
        this.document = document;
        this.regular = ReportFonts.pdf(document, false);
        this.bold = ReportFonts.pdf(document, true);
        chartText.registerFont(ReportFonts.awt(false, 10f).getFontName(), regular);
        chartText.registerFont(ReportFonts.awt(true, 10f).getFontName(), bold);
        newPage();
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    PDType0Font font(boolean isBold) {
        return isBold ? bold : regular;
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Whether a block of this height fits above the footer. */
    boolean fits(float height) {
        return y - height >= MARGIN + FOOTER;
    }

    /** Starts a new page unless a block of this height fits on this one. */
    void need(float height) throws IOException {
        if (!fits(height)) {
            newPage();
        }
    }

    void skip(float height) {
        y -= height;
    }

    /** A heading, kept on the page with at least a few lines that follow it. */
    void heading(String text, float size) throws IOException {
        need(size * 1.4f + 60);
        skip(size * 0.6f);
        paragraph(text, size, true, Color.BLACK, 0);
        skip(size * 0.3f);
    }

    /** A wrapped paragraph, indented from the left margin. */
    void paragraph(String text, float size, boolean isBold, Color color, float indent) throws IOException {
        float leading = size * 1.35f;
        for (String line : wrap(text, font(isBold), size, width() - indent)) {
            need(leading);
            y -= leading;
            text(left() + indent, y + size * 0.28f, line, isBold, size, color);
        }
    }

    /** The height {@link #paragraph} gives this text. */
    float height(String text, float size, boolean isBold, float indent) throws IOException {
        return wrap(text, font(isBold), size, width() - indent).size() * size * 1.35f;
    }

    /** Text whose line breaks and indentation are kept, each line wrapped (a job spec, for example). */
    void lines(String text, float size) throws IOException {
        for (String line : text.split("\r?\n", -1)) {
            String shown = line.replace("\t", "    ").stripTrailing();
            if (shown.isEmpty()) {
                skip(size * 1.35f);
            } else {
                String body = shown.stripLeading();
                float indent = width(" ".repeat(shown.length() - body.length()), false, size);
                paragraph(body, size, false, Color.BLACK, Math.min(indent, width() / 2));
            }
        }
    }

    /** One line of text at a baseline position; the text is not wrapped. */
    void text(float x, float baseline, String text, boolean isBold, float size, Color color) throws IOException {
        stream.beginText();
        stream.setFont(font(isBold), size);
        stream.setNonStrokingColor(color);
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable(text));
        stream.endText();
    }

    void fill(float x, float bottom, float w, float h, Color color) throws IOException {
        stream.setNonStrokingColor(color);
        stream.addRect(x, bottom, w, h);
        stream.fill();
    }

    void rule(float x1, float y1, float x2, float y2, Color color, float lineWidth) throws IOException {
        stream.setStrokingColor(color);
        stream.setLineWidth(lineWidth);
        stream.moveTo(x1, y1);
        stream.lineTo(x2, y2);
        stream.stroke();
    }

    /** Draws a chart at full text width as vector graphics, on a new page if it does not fit. */
    void chart(JFreeChart chart, int w, int h) throws IOException {
        float scale = Math.min(1f, width() / w);
        need(h * scale + 6);
        draw(chart, w, h, scale);
    }

    /**
     * Draws a chart shrunk to the room left on this page, if that room holds it at least {@code minHeight} points
     * high; returns whether it was drawn (the first page's chart, which must not start a page of its own).
     */
    boolean chartInRoomLeft(JFreeChart chart, int w, int h, float minHeight) throws IOException {
        float room = y - (MARGIN + FOOTER) - 6;
        float scale = Math.min(Math.min(1f, width() / w), room / h);
        if (h * scale < minHeight) {
            return false;
        }
        draw(chart, w, h, scale);
        return true;
    }

    private void draw(JFreeChart chart, int w, int h, float scale) throws IOException {
        PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(document, w, h);
        graphics.setFontTextDrawer(chartText);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, w, h));
        graphics.dispose();
        PDFormXObject form = graphics.getXFormObject();
        y -= h * scale + 6;
        stream.saveGraphicsState();
        stream.transform(new Matrix(scale, 0, 0, scale, left(), y));
        stream.drawForm(form);
        stream.restoreGraphicsState();
    }

    /** Width of text in points. */
    float width(String text, boolean isBold, float size) throws IOException {
        return font(isBold).getStringWidth(printable(text)) / 1000f * size;
    }

    /**
     * Breaks text into lines no wider than {@code max}; words longer than a line are broken between letters. Linear
     * in the text's length ({@link LineBreaker}), so a name of thousands of characters costs no more than its size.
     */
    List<String> wrap(String text, PDType0Font font, float size, float max) throws IOException {
        return breaker(font, size).wrap(printable(text), max);
    }

    /** A line breaker measuring in points with this font at this size; each glyph's width is looked up once. */
    private LineBreaker breaker(PDType0Font font, float size) {
        Map<Integer, Float> widths = glyphWidths.computeIfAbsent(font, f -> new HashMap<>());
        return new LineBreaker(c -> widths.computeIfAbsent(c, code -> {
            try {
                return font.getStringWidth(new String(Character.toChars(code))) / 1000f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }) * size);
    }

    /** Text the font can show: control characters become spaces, characters it lacks become '?'. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        Font font = ReportFonts.awt(false, 10f);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (font.canDisplay(c)) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Numbers every page in the footer: the title, and the page label for page n of N ("Page n of N"). */
    void footers(String title, java.util.function.BiFunction<Integer, Integer, String> pageLabel)
            throws IOException {
        stream.close();
        stream = null;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String label = pageLabel.apply(i + 1, pages);
                float size = 8;
                float labelWidth = regular.getStringWidth(label) / 1000f * size;
                footer.setStrokingColor(Color.LIGHT_GRAY);
                footer.setLineWidth(0.5f);
                footer.moveTo(MARGIN, MARGIN + 12);
                footer.lineTo(PAGE.getWidth() - MARGIN, MARGIN + 12);
                footer.stroke();
                footer.beginText();
                footer.setFont(regular, size);
                footer.setNonStrokingColor(Color.DARK_GRAY);
                footer.newLineAtOffset(MARGIN, MARGIN);
                footer.showText(cut(title, false, size, width() - labelWidth - 20));
                footer.newLineAtOffset(width() - labelWidth, 0);
                footer.showText(label);
                footer.endText();
            }
        }
    }

    /** The text cut with "…" so that it is no wider than {@code max}; linear in its length. */
    String cut(String text, boolean isBold, float size, float max) {
        return breaker(font(isBold), size).cut(printable(text), max);
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }
}
