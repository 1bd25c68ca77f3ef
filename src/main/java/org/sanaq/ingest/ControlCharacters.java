package org.sanaq.ingest;

/**
 * The invisible characters that a name must not carry into the analysis: NUL, which would make "North" and
 * "North\0" two regions, and the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C),
 * which reorder how a name, and the text around it, is displayed in a report.
 */
final class ControlCharacters {
    private ControlCharacters() {
    }

    /** The text without those characters; the same string when it has none (every text cell of every row). */
    static String strip(String text) {
        if (text == null || text.chars().noneMatch(ControlCharacters::isControl)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().filter(c -> !isControl(c)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static boolean isControl(int c) {
        return c == 0 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }
}
