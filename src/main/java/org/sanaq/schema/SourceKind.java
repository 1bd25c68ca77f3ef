package org.sanaq.schema;

import java.util.Locale;

/**
 * What kind of second source a protocol row comes from, named by the prefix of its {@code source}
 * ({@code <kind>:<who>}; the commission's own rows are {@code official}). The kind decides how the row is compared
 * with the official protocol (METHODS.md §2, README "Second sources"):
 * <ul>
 *   <li>{@link #OBSERVER}: a copy of the signed protocol; a difference is a difference between two documents;</li>
 *   <li>{@link #OCR}: figures read by a machine from a photo of the protocol, with per-field confidence where the
 *   data give it; reading errors are found and set aside before any bias is tested;</li>
 *   <li>{@link #PLATFORM}: a count of a platform's own users (a lower bound): only a count above the official one
 *   is evidence;</li>
 *   <li>{@link #CLAIM}: totals over an unknown set of precincts, shown beside the official figures, never tested.</li>
 * </ul>
 */
public enum SourceKind {
    OBSERVER, OCR, PLATFORM, CLAIM;

    /** The kind's name as sources and messages write it: {@code observer}, {@code ocr}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The prefix of a source of this kind, e.g. {@code ocr:}. */
    public String prefix() {
        return id() + ":";
    }

    /** Whether the source counts only some voters, so that only a count above the official one is evidence. */
    public boolean lowerBound() {
        return this == PLATFORM;
    }

    /** Whether the source's figures are totals over an unknown set of precincts (shown, never tested). */
    public boolean coverageUnknown() {
        return this == CLAIM;
    }

    /** Whether the source's figures are machine readings, checked for reading errors before any test. */
    public boolean readByMachine() {
        return this == OCR;
    }

    /** The kind of a second source's name, or null for {@code official} and for a name of no known kind. */
    public static SourceKind of(String source) {
        if (source == null) {
            return null;
        }
        for (SourceKind kind : values()) {
            if (source.startsWith(kind.prefix()) && source.length() > kind.prefix().length()) {
                return kind;
            }
        }
        return null;
    }
}
