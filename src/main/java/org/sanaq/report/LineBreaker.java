package org.sanaq.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Breaks text into lines no wider than a width, in time linear in the text's length: each character's advance is
 * looked up a bounded number of times (at most twice, plus once for the space), and widths are summed as the
 * text is read rather than measured again for each candidate line. Words are separated by spaces; a word longer
 * than a line is broken between characters. Kerning is not applied, as the PDF's text is not kerned either.
 */
final class LineBreaker {
    /**
     * Widths are sums of per-character floats: a text measured whole as exactly {@code max} wide may sum a hair
     * wider. A thousandth of a unit (a point, in the PDF) is invisible and absorbs that rounding.
     */
    private static final double SLACK = 1e-3;
    private final IntToDoubleFunction advance;

    /** @param advance the width of one code point, in the units of the widths given to the methods */
    LineBreaker(IntToDoubleFunction advance) {
        this.advance = advance;
    }

    /** The lines of {@code text} (a space ends a word), each no wider than {@code max}; at least one line. */
    List<String> wrap(String text, double max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double lineWidth = 0;
        double space = advance.applyAsDouble(' ');
        max += SLACK;
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            double width = width(word);
            if (line.length() > 0 && lineWidth + space + width <= max) {
                line.append(' ').append(word);
                lineWidth += space + width;
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            if (width <= max) {
                line.append(word);
                lineWidth = width;
                continue;
            }
            // a word wider than the line: as many characters per line as fit (at least one), the rest carried on
            for (int i = 0; i < word.length();) {
                int c = word.codePointAt(i);
                double a = advance.applyAsDouble(c);
                if (line.length() > 0 && lineWidth + a > max) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                line.appendCodePoint(c);
                lineWidth += a;
                i += Character.charCount(c);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text cut with "…" so that it is no wider than {@code max}; whole when it fits. */
    String cut(String text, double max) {
        max += SLACK;
        double limit = max - advance.applyAsDouble('…');
        double width = 0;
        int fits = -1; // the end of the longest prefix that fits with the ellipsis
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            width += advance.applyAsDouble(c);
            i += Character.charCount(c);
            if (width <= limit) {
                fits = i;
            } else if (width > max) {
                return text.substring(0, Math.max(0, fits)) + "…";
            }
        }
        return text;
    }

    private double width(String word) {
        double width = 0;
        for (int i = 0; i < word.length();) {
            int c = word.codePointAt(i);
            width += advance.applyAsDouble(c);
            i += Character.charCount(c);
        }
        return width;
    }
}
