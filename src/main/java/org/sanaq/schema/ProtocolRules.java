package org.sanaq.schema;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The row-level contract of the canonical table (FORMATS.md): which fields a protocol must have to be used.
 * A protocol that breaks it is quarantined with the reason this class gives.
 */
public final class ProtocolRules {
    public static final String OFFICIAL = "official";
    private static final Pattern SOURCE = Pattern.compile("(" + Arrays.stream(SourceKind.values())
            .map(SourceKind::id).collect(Collectors.joining("|")) + "):[\\p{L}\\p{N}_.-]+");

    private ProtocolRules() {
    }

    /**
     * Whether a source names the commission ({@code official}) or a second source of a known {@link SourceKind}
     * ({@code observer:<who>}, {@code ocr:<who>}, {@code platform:<who>}, {@code claim:<who>}).
     */
    public static boolean isSource(String source) {
        // "official" first: it is the source of nearly every row, and needs no regular expression
        return source != null && (source.equals(OFFICIAL) || SOURCE.matcher(source).matches());
    }

    /** Why the protocol cannot be used, in words, or null when it can. */
    public static String whyUnusable(ProtocolRecord p) {
        for (Field required : new Field[] {Field.ELECTION, Field.SOURCE, Field.LEVEL, Field.REGION}) {
            if (p.get(required) == null) {
                return "missing " + required.column();
            }
        }
        if (!isSource(p.text(Field.SOURCE))) {
            return "source '" + p.text(Field.SOURCE) + "' is neither 'official' nor '<kind>:<who>' with kind observer, "
                    + "ocr, platform or claim";
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
        // candidates); checks that need registered voters skip such rows. An official precinct protocol must have
        // it; a second source need not (a platform counts its users, an observer may copy only the votes).
        if (level == Level.PRECINCT && !preliminary && p.get(Field.REGISTERED) == null
                && OFFICIAL.equals(p.text(Field.SOURCE))) {
            return "missing registered";
        }
        if (!preliminary && p.votes().isEmpty()) {
            return "no votes for any candidate";
        }
        return null;
    }
}
