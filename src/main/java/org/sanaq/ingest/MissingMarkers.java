package org.sanaq.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * The texts a file writes for a figure it does not have ({@code missing: ["NA", "-", ""]}): a cell equal to one of
 * them (white space around it aside) is "not reported". Declared for the whole mapping and overridden per field rule
 * and in {@code candidates:}. Without a declaration nothing is a marker and a blank cell keeps its meaning: a blank
 * field is not reported, a blank candidate cell means the candidate is absent from that protocol; a candidate cell
 * that holds a marker keeps the candidate with an unknown count (a null value in the votes map).
 */
public record MissingMarkers(List<String> markers) implements Serializable {
    /** No marker: every cell is read as a value. */
    public static final MissingMarkers NONE = new MissingMarkers(List.of());

    public MissingMarkers {
        markers = markers.stream().map(String::strip).toList();
    }

    /** The marker {@code cell} holds, or null when the cell is a value (or absent). */
    public String match(String cell) {
        if (cell == null || markers.isEmpty()) {
            return null;
        }
        String s = cell.strip();
        for (String marker : markers) {
            if (marker.equals(s)) {
                return marker;
            }
        }
        return null;
    }

    /** This declaration, or {@code otherwise} when this one is not given (null). */
    static MissingMarkers or(MissingMarkers given, MissingMarkers otherwise) {
        return given != null ? given : otherwise;
    }

    @Override
    public String toString() {
        return markers.stream().map(m -> "'" + m + "'").toList().toString();
    }
}
