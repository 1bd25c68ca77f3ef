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
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
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
    private static final PDRectangle LANDSCAPE = new PDRectangle(PAGE.getHeight(), PAGE.getWidth());
    /** A section starts on a new page when less than this share of a page is left on the current one. */
    private static final float SECTION_ROOM = 0.4f;

    private final PDDocument document;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PdfBoxGraphics2DFontTextDrawer chartText = new PdfBoxGraphics2DFontTextDrawer();
    private PDPageContentStream stream;
    private PDPage page;
    private float y;
    private final PdfOutline outline = new PdfOutline();
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
        return page.getMediaBox().getWidth() - 2 * MARGIN;
    }

    /** The text width of a portrait page. */
    static float portraitWidth() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    /** The text width of a landscape page. */
    static float landscapeWidth() {
        return LANDSCAPE.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    PDType0Font font(boolean isBold) {
        return isBold ? bold : regular;
    }

    /** Starts a new page of the current page's orientation (a landscape table runs on onto landscape pages). */
    void newPage() throws IOException {
        newPage(page == null || !landscaped() ? PAGE : LANDSCAPE);
    }

    private void newPage(PDRectangle size) throws IOException {
        if (stream != null) {
            stream.close();
        }
        page = new PDPage(size);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = size.getHeight() - MARGIN;
    }

    /** Goes on in landscape: a new landscape page unless this one is landscape already. */
    void landscape() throws IOException {
        if (!landscaped()) {
            newPage(LANDSCAPE);
        }
    }

    private boolean landscaped() {
        return page.getMediaBox().getWidth() > page.getMediaBox().getHeight();
    }

    /** Whether nothing has been set on this page yet. */
    private boolean empty() {
        return y >= page.getMediaBox().getHeight() - MARGIN;
    }

    /**
     * Starts a section (a check's, a region's): on this page below a rule when at least {@link #SECTION_ROOM} of a
     * portrait page is left, so that small sections share a page, else on a new portrait page.
     */
    void section() throws IOException {
        if (landscaped() || !empty() && !fits(PAGE.getHeight() * SECTION_ROOM)) {
            newPage(PAGE);
        } else if (!empty()) {
            skip(14);
            rule(MARGIN, y, MARGIN + width(), y, Color.GRAY, 0.6f);
            skip(10);
        }
    }

    /** An entry of the document's outline pointing at this page where the cursor is, at a level (0 the top). */
    void bookmark(String title, int level) {
        outline.add(title, page, y + 20, level);
    }

    /** A top-level entry of the outline pointing at the top of a page already set. */
    void bookmark(String title, PDPage at) {
        outline.add(title, at, at.getMediaBox().getHeight(), 0);
    }

    /**
     * A link over a box of this page: a web address, or a file of the run folder named relative to it
     * ({@code tables/x.csv}), which a reader's viewer opens beside the PDF.
     */
    void link(float x, float bottom, float w, float h, String uri) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(x, bottom, w, h));
        PDBorderStyleDictionary none = new PDBorderStyleDictionary();
        none.setWidth(0);
        link.setBorderStyle(none);
        PDActionURI action = new PDActionURI();
        action.setURI(uri);
        link.setAction(action);
        page.getAnnotations().add(link);
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
        paragraph(text, size, isBold, color, indent, Map.of());
    }

    /**
     * A wrapped paragraph whose words given as keys of {@code links} link to their values (where a word is broken
     * across lines, its part on each line links).
     */
    void paragraph(String text, float size, boolean isBold, Color color, float indent, Map<String, String> links)
            throws IOException {
        float leading = size * 1.35f;
        for (String line : wrap(text, font(isBold), size, width() - indent)) {
            need(leading);
            y -= leading;
            float x = left() + indent;
            text(x, y + size * 0.28f, line, isBold, size, color);
            for (Map.Entry<String, String> link : links.entrySet()) {
                int at = line.indexOf(link.getKey());
                if (at >= 0) {
                    float from = width(line.substring(0, at), isBold, size);
                    link(x + from, y, width(link.getKey(), isBold, size), leading, link.getValue());
                }
            }
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

    /** Writes the outline (the bookmarks) into the document. */
    void outline() {
        outline.write(document);
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
                float pageWidth = document.getPage(i).getMediaBox().getWidth();
                footer.lineTo(pageWidth - MARGIN, MARGIN + 12);
                footer.stroke();
                footer.beginText();
                footer.setFont(regular, size);
                footer.setNonStrokingColor(Color.DARK_GRAY);
                footer.newLineAtOffset(MARGIN, MARGIN);
                footer.showText(cut(title, false, size, pageWidth - 2 * MARGIN - labelWidth - 20));
                footer.newLineAtOffset(pageWidth - 2 * MARGIN - labelWidth, 0);
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
