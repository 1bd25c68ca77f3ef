package org.sanaq.schema;

import java.util.regex.Pattern;

/**
 * The row-level contract of the canonical table (FORMATS.md): which fields a protocol must have to be used.
 * A protocol that breaks it is quarantined with the reason this class gives.
 */
public final class ProtocolRules {
    private static final Pattern SOURCE = Pattern.compile("official|observer:[\\p{L}\\p{N}_.-]+");

    private ProtocolRules() {
    }

    /** Whether a source names the commission ({@code official}) or an observer ({@code observer:<who>}). */
    public static boolean isSource(String source) {
        // "official" first: it is the source of nearly every row, and needs no regular expression
        return source != null && (source.equals("official") || SOURCE.matcher(source).matches());
    }

    /** Why the protocol cannot be used, in words, or null when it can. */
    public static String whyUnusable(ProtocolRecord p) {
        for (Field required : new Field[] {Field.ELECTION, Field.SOURCE, Field.LEVEL, Field.REGION}) {
            if (p.get(required) == null) {
                return "missing " + required.column();
            }
        }
        if (!isSource(p.text(Field.SOURCE))) {
            return "source '" + p.text(Field.SOURCE) + "' is neither 'official' nor 'observer:<who>'";
        }
        Level level = Level.parse(p.text(Field.LEVEL));
        if (level == null) {
            return "level '" + p.text(Field.LEVEL) + "' is not precinct, district, region or national";
        }
        if (level == Level.PRECINCT && p.get(Field.PRECINCT) == null) {
            return "missing precinct (required at level precinct)";
        }
        boolean preliminary = p.get(Field.REPORTED_AT) != null;
        // Published tables above the precinct are often partial (a constituency table with only the top two
        // candidates); checks that need registered voters skip such rows. A precinct protocol must have it.
        if (level == Level.PRECINCT && !preliminary && p.get(Field.REGISTERED) == null) {
            return "missing registered";
        }
        if (!preliminary && p.votes().isEmpty()) {
            return "no votes for any candidate";
        }
        return null;
    }
}
