package org.sanaq.ingest;

import java.util.regex.Pattern;

/**
 * The invisible characters that a name must not carry into the analysis: NUL, which would make "North" and
 * "North\0" two regions, and the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C),
 * which reorder how a name, and the text around it, is displayed in a report.
 */
final class ControlCharacters {
    private static final Pattern CONTROLS = Pattern.compile("[\\x{0}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}"
            + "\\x{200E}\\x{200F}\\x{061C}]");

    private ControlCharacters() {
    }

    /** The text without those characters; the same string when it has none (the common case costs one scan). */
    static String strip(String text) {
        if (text == null || !CONTROLS.matcher(text).find()) {
            return text;
        }
        return CONTROLS.matcher(text).replaceAll("");
    }
}
