package org.sanaq.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's typefaces, DejaVu Sans and DejaVu Sans Bold, shipped inside the build (see
 * {@code fonts/LICENSE-DejaVu.txt}) and loaded from the classpath, never from the machine. They cover Latin, Cyrillic
 * and the Kazakh letters ә ғ қ ң ө ұ ү һ і. The AWT fonts are registered with the local graphics environment so that
 * JFreeChart measures text with the same font the PDF embeds.
 */
final class ReportFonts {
    private static final String REGULAR_FILE = "fonts/DejaVuSans.ttf";
    private static final String BOLD_FILE = "fonts/DejaVuSans-Bold.ttf";
    private static final byte[] REGULAR_BYTES = read(REGULAR_FILE);
    private static final byte[] BOLD_BYTES = read(BOLD_FILE);
    private static final Font REGULAR = awt(REGULAR_BYTES);
    private static final Font BOLD = awt(BOLD_BYTES);

    private ReportFonts() {
    }

    /** The AWT font at a size, regular or bold. */
    static Font awt(boolean bold, float size) {
        return (bold ? BOLD : REGULAR).deriveFont(size);
    }

    /**
     * The font embedded (as a subset) in a PDF document. Glyph substitution is off so that "ffi" stays three
     * letters that a reader can search and copy, not a ligature.
     */
    static PDType0Font pdf(PDDocument document, boolean bold) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bold ? BOLD_BYTES : REGULAR_BYTES));
        font.setEnableGsub(false);
        document.registerTrueTypeFontForClosing(font);
        return PDType0Font.load(document, font, true);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the build: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font awt(byte[] bytes) {
        try {
            Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load the report font", e);
        }
    }
}
