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
        int first = text == null ? -1 : firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(int c) {
        return c == 0 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }
}
