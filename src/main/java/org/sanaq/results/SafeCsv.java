package org.sanaq.results;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV that is safe to open in a spreadsheet: a text cell that starts with {@code = + - @} (or a
 * tab or carriage return) is prefixed with an apostrophe so that it cannot run as a formula; numbers are left as
 * they are.
 */
public final class SafeCsv {
    private SafeCsv() {
    }

    public static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(defuse(cells.get(i))));
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
        return cell;
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
