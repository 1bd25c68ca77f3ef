package org.sanaq.schema;

import java.util.Locale;

/** The administrative level a protocol reports on, from the polling station up to the nation. */
public enum Level {
    PRECINCT, DISTRICT, REGION, NATIONAL;

    /** The lower-case identifier used in files: {@code precinct}, {@code district}, {@code region}, {@code national}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a level identifier; returns null when the text names no level. */
    public static Level parse(String text) {
        if (text == null) {
            return null;
        }
        for (Level level : values()) {
            if (level.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        return null;
    }
}
