package org.sanaq.schema;

import java.util.Locale;

/**
 * The scalar columns of the canonical protocol table (FORMATS.md, "In: the canonical protocol table").
 * Candidate votes and published candidate percentages are not fields: they are the maps
 * {@link ProtocolSchema#VOTES} and {@link ProtocolSchema#PUBLISHED_PCT}, keyed by the option's name.
 */
public enum Field {
    ELECTION(Kind.TEXT),
    SOURCE(Kind.TEXT),
    LEVEL(Kind.TEXT),
    REGION(Kind.TEXT),
    DISTRICT(Kind.TEXT),
    PRECINCT(Kind.TEXT),
    REGISTERED(Kind.COUNT),
    BALLOTS_RECEIVED(Kind.COUNT),
    BALLOTS_ISSUED_EARLY(Kind.COUNT),
    BALLOTS_ISSUED_IN_STATION(Kind.COUNT),
    BALLOTS_ISSUED_OUTSIDE(Kind.COUNT),
    BALLOTS_CANCELLED(Kind.COUNT),
    BALLOTS_IN_PORTABLE_BOXES(Kind.COUNT),
    BALLOTS_IN_STATIONARY_BOXES(Kind.COUNT),
    BALLOTS_LOST(Kind.COUNT),
    BALLOTS_UNACCOUNTED(Kind.COUNT),
    BALLOTS_ISSUED(Kind.COUNT),
    BALLOTS_CAST(Kind.COUNT),
    INVALID(Kind.COUNT),
    VALID(Kind.COUNT),
    PUBLISHED_TURNOUT_PCT(Kind.PERCENT),
    REPORTED_AT(Kind.TIMESTAMP),
    DOCUMENT_REF(Kind.TEXT),
    SPECIAL(Kind.TEXT),
    /** How sure a machine reading (OCR) of the protocol was, 0 to 1; sanaq's addition to the canonical table. */
    READING_CONFIDENCE(Kind.FRACTION);

    /** How a field's text is parsed and stored. */
    public enum Kind {
        /** Free text, trimmed. */
        TEXT,
        /** A whole, non-negative number of voters or ballots; stored as a long. */
        COUNT,
        /** A percentage kept exactly as printed (its decimals matter), validated as a number. */
        PERCENT,
        /** An ISO 8601 date-time, kept as text. */
        TIMESTAMP,
        /** A number from 0 to 1; stored as a double. */
        FRACTION
    }

    private final Kind kind;

    Field(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The column name in canonical files and in Spark: the lower-case enum name. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Finds a field by its canonical column name; null when there is none. */
    public static Field byColumn(String column) {
        for (Field field : values()) {
            if (field.column().equals(column)) {
                return field;
            }
        }
        return null;
    }
}
