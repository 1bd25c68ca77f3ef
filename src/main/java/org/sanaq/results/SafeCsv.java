package org.sanaq.results;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV that is safe to open in a spreadsheet: a text cell that starts with {@code = + - @} (or a
 * tab or carriage return) is prefixed with an apostrophe so that it cannot run as a formula; numbers are left as
 * they are. A NUL is written as ␀.
 */
public final class SafeCsv {
    private SafeCsv() {
    }

    public static void writeRow(Writer out, List<String> cells) throws IOException {
        if (cells.size() == 1 && (cells.get(0) == null || cells.get(0).isEmpty())) {
            // a row of one empty cell written bare would be a blank line, which readers skip
            out.write("\"\"\r\n");
            return;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(visibleNul(defuse(cells.get(i)))));
        }
        out.write("\r\n");
    }

    static String defuse(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (risky && !cell.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return "'" + cell;
        }
        // A cell that already starts with apostrophes before such a character gets one more, so that reading back
        // (which removes one) gives the cell as it was.
        if (escaped(cell)) {
            return "'" + cell;
        }
        return cell;
    }

    /** Whether a cell is apostrophes followed by a character that would start a formula. */
    static boolean escaped(String cell) {
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i > 0 && i < cell.length() && "=+-@\t\r".indexOf(cell.charAt(i)) >= 0;
    }

    /** The cell as it was before {@link #defuse}: one leading apostrophe removed where defuse added one. */
    public static String undefuse(String cell) {
        return escaped(cell) ? cell.substring(1) : cell;
    }

    /** A NUL written as ␀ (U+2400): a raw NUL ends the text in many readers and hides what follows it. */
    private static String visibleNul(String cell) {
        return cell.indexOf('\u0000') < 0 ? cell : cell.replace('\u0000', '\u2400');
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
