package org.sanaq.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks one source column: by its exact header text ({@code column}), by a regular expression that must match
 * exactly one header ({@code pattern}), or by its 1-based position ({@code position}). Header text is compared
 * after trimming white space and a byte-order mark.
 */
public record ColumnSelector(String column, String pattern, Integer position) implements Serializable {
    /** The most characters of a header an error message quotes. */
    static final int QUOTED = 200;

    public static ColumnSelector byName(String name) {
        return new ColumnSelector(name, null, null);
    }

    /** This selector with {@code {key}} replaced by {@code value} in its name and pattern (for unpivoting). */
    ColumnSelector substitute(String key, String value) {
        String token = "{" + key + "}";
        return new ColumnSelector(column == null ? null : column.replace(token, value),
                pattern == null ? null : pattern.replace(token, Pattern.quote(value)), position);
    }

    /** The 0-based index of the selected column in {@code header}. */
    public int resolve(List<String> header, String where) throws MappingException {
        if (position != null) {
            if (position < 1 || position > header.size()) {
                throw new MappingException(where + ": position " + position + " is outside the header's "
                        + header.size() + " columns");
            }
            return position - 1;
        }
        if (column != null) {
            List<Integer> exact = new ArrayList<>();
            String nearly = null;
            for (int i = 0; i < header.size(); i++) {
                String h = clean(header.get(i));
                if (h.equals(column.strip())) {
                    exact.add(i);
                } else if (h.equalsIgnoreCase(column.strip())) {
                    nearly = h;
                }
            }
            if (exact.size() == 1) {
                return exact.get(0);
            }
            if (exact.size() > 1) {
                throw new MappingException(where + ": the column '" + column + "' appears " + exact.size()
                        + " times in the header; remove the copies or pick one by position");
            }
            String hint = nearly == null ? "" : " (there is '" + nearly + "': names are compared exactly, so "
                    + "write it as in the file)";
            throw new MappingException(where + ": no column is named '" + column + "'" + hint + listing(header));
        }
        Pattern regex = Pattern.compile(pattern);
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (regex.matcher(clean(header.get(i))).find()) {
                hits.add(i);
            }
        }
        if (hits.size() != 1) {
            throw new MappingException(where + ": pattern '" + pattern + "' matches " + hits.size()
                    + " columns, it must match exactly one" + listing(header));
        }
        return hits.get(0);
    }

    static String clean(String header) {
        return header.replace("\uFEFF", "").strip();
    }

    /**
     * The header quoted in a message: at most {@link #QUOTED} characters of it, so that an error never echoes more
     * of a file than the start of its header line (a job may name, by mistake or through a link, a file that is
     * not a CSV at all).
     */
    private static String listing(List<String> header) {
        String text = String.join(" | ", header);
        return " (the header has: " + (text.length() > QUOTED ? text.substring(0, QUOTED) + " …" : text) + ")";
    }

    @Override
    public String toString() {
        return position != null ? "position " + position : column != null ? "'" + column + "'" : "/" + pattern + "/";
    }
}
