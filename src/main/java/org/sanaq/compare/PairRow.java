package org.sanaq.compare;

import java.util.List;
import java.util.Map;

import org.sanaq.checks.FoldRow;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

/**
 * A row of the {@link ProtocolPairs} table as the {@link PairFolds} read it: typed getters over the columns of
 * {@link ProtocolPairs#columns()}, in that order. A view: it is pointed at each row in turn and must not be kept.
 */
final class PairRow {
    private static final List<String> COLUMNS = ProtocolPairs.columns();
    private static final int KIND = at(ProtocolPairs.KIND);
    private static final int CLAIM = at(ProtocolPairs.CLAIM);
    private static final int LOWER_BOUND = at(ProtocolPairs.LOWER_BOUND);
    private static final int CHECK_READINGS = at(ProtocolPairs.CHECK_READINGS);
    private static final int MATCHED = at(ProtocolPairs.MATCHED);
    private static final int SUBSTITUTED = at(ProtocolPairs.SUBSTITUTED);
    private static final int LEVEL = at(Field.LEVEL.column());
    private static final int REGION = at(Field.REGION.column());
    private static final int DISTRICT = at(Field.DISTRICT.column());
    private static final int PRECINCT = at(Field.PRECINCT.column());
    private static final int OFFICIAL_REGION = at(ProtocolPairs.O + Field.REGION.column());
    private static final int OFFICIAL_DISTRICT = at(ProtocolPairs.O + Field.DISTRICT.column());
    private static final int DOCUMENT_REF = at(Field.DOCUMENT_REF.column());
    private static final int READING_CONFIDENCE = at(Field.READING_CONFIDENCE.column());
    private static final int COPY_SOURCE = at(ProtocolPairs.COPY_SOURCE);
    private static final int OFFICIAL_ID = at(ProtocolPairs.OFFICIAL_ID);
    private static final int COPY_ID = at(ProtocolPairs.COPY_ID);
    private static final int FILE = at(ProtocolSchema.FILE);
    private static final int LINE = at(ProtocolSchema.LINE);
    private static final int ABS_DIFFERENCE = at(ProtocolPairs.ABS_DIFFERENCE);
    private static final int DIFFERING = at(ProtocolPairs.DIFFERING);
    private static final int DIFFERENCES = at(ProtocolPairs.DIFFERENCES);
    private static final int CONFIDENT = at(ProtocolPairs.CONFIDENT);
    private static final int COPIES = at(ProtocolPairs.COPIES);
    private static final int READINGS = at(ProtocolPairs.READINGS);
    private static final int SOURCES = at(ProtocolPairs.SOURCES);
    private static final int DOCUMENTS = at(ProtocolPairs.DOCUMENTS);
    private static final int OFFICIAL_VOTES = at(ProtocolPairs.O + ProtocolSchema.VOTES);
    private static final int COPY_VOTES = at(ProtocolPairs.C + ProtocolSchema.VOTES);
    private static final int OFFICIAL_LINES = at(ProtocolPairs.O + ProtocolSchema.LINES);
    private static final int COPY_LINES = at(ProtocolPairs.C + ProtocolSchema.LINES);
    private static final int COPY_CONFIDENCE = at(ProtocolPairs.CONFIDENCE_C);
    private static final int VALID = ProtocolPairs.COUNT_FIELDS.indexOf(Field.VALID.column());
    private static final int INVALID = ProtocolPairs.COUNT_FIELDS.indexOf(Field.INVALID.column());
    private static final int CAST = ProtocolPairs.COUNT_FIELDS.indexOf(Field.BALLOTS_CAST.column());
    private static final int PORTABLE = ProtocolPairs.COUNT_FIELDS.indexOf(Field.BALLOTS_IN_PORTABLE_BOXES.column());
    private static final int STATIONARY = ProtocolPairs.COUNT_FIELDS
            .indexOf(Field.BALLOTS_IN_STATIONARY_BOXES.column());

    private FoldRow row;
    /** The row's reading errors once looked for ({@link #readingErrors}); null until looked for, and when there are none. */
    private ReadingErrors.Found readingErrors;
    private boolean lookedForReadingErrors;

    private static int at(String column) {
        return COLUMNS.indexOf(column);
    }

    PairRow at(FoldRow row) {
        this.row = row;
        this.lookedForReadingErrors = false;
        this.readingErrors = null;
        return this;
    }

    /** A copy of known coverage matched to an official protocol: a pair the statistics are drawn from. */
    boolean isPair() {
        return isCopy() && !isClaim() && row.isTrue(MATCHED);
    }

    /** A copy of known coverage that matched no official protocol. */
    boolean isUnmatched() {
        return isCopy() && !isClaim() && !row.isTrue(MATCHED);
    }

    /** A copy from an input of unknown coverage, with the official protocol it matched if any. */
    boolean isClaim() {
        return isCopy() && row.isTrue(CLAIM);
    }

    boolean isOfficialPrecinct() {
        return ProtocolPairs.OFFICIAL.equals(row.getString(KIND));
    }

    boolean isConflict() {
        return ProtocolPairs.CONFLICT.equals(row.getString(KIND));
    }

    boolean lowerBound() {
        return row.isTrue(LOWER_BOUND);
    }

    /** Whether the copy is a reading of a photo, to be checked for reading errors. */
    boolean checkReadings() {
        return row.isTrue(CHECK_READINGS);
    }

    /**
     * The reading errors of a matched copy that is a reading of a photo ({@link ReadingErrors}), or null when it
     * has none or is not such a copy. Found once per row, whichever fold asks first.
     */
    ReadingErrors.Found readingErrors() {
        if (!lookedForReadingErrors) {
            lookedForReadingErrors = true;
            readingErrors = isPair() && checkReadings() ? ReadingErrors.find(officialVotes(), copyVotes(),
                    copy(VALID), copyCast(), copy(INVALID)) : null;
        }
        return readingErrors;
    }

    /** The copy's ballots cast: the total, or portable + stationary boxes; null when it gives neither. */
    private Long copyCast() {
        Long total = copy(CAST);
        if (total != null) {
            return total;
        }
        Long portable = copy(PORTABLE);
        Long stationary = copy(STATIONARY);
        return portable == null || stationary == null ? null : portable + stationary;
    }

    /** The copy that stands for its official precinct protocol in the recount. */
    boolean substituted() {
        return isCopy() && row.isTrue(SUBSTITUTED);
    }

    String level() {
        return row.getString(LEVEL);
    }

    String region() {
        return row.getString(REGION);
    }

    String district() {
        return row.getString(DISTRICT);
    }

    String precinct() {
        return row.getString(PRECINCT);
    }

    /** The district of the official protocol (of a pair, or of an official precinct row). */
    DistrictKey officialDistrict() {
        return new DistrictKey(row.getString(OFFICIAL_REGION), row.getString(OFFICIAL_DISTRICT));
    }

    String documentRef() {
        return row.getString(DOCUMENT_REF);
    }

    Double readingConfidence() {
        return row.isNull(READING_CONFIDENCE) ? null : row.getDouble(READING_CONFIDENCE);
    }

    String copySource() {
        return row.getString(COPY_SOURCE);
    }

    String officialId() {
        return row.getString(OFFICIAL_ID);
    }

    String copyId() {
        return row.getString(COPY_ID);
    }

    String file() {
        return row.getString(FILE);
    }

    long line() {
        return row.getLong(LINE);
    }

    long absDifference() {
        return row.getLong(ABS_DIFFERENCE);
    }

    boolean differing() {
        return row.isTrue(DIFFERING);
    }

    /** The differing figures as text, e.g. {@code valid 512 vs 498; Party A 301 vs 287}. */
    String differences() {
        return row.getString(DIFFERENCES);
    }

    /** False when the copy's reading confidence is below the threshold: a possible misreading. */
    boolean confident() {
        return row.isTrue(CONFIDENT);
    }

    long copies() {
        return row.getLong(COPIES);
    }

    long readings() {
        return row.getLong(READINGS);
    }

    String sources() {
        return row.getString(SOURCES);
    }

    String documents() {
        return row.getString(DOCUMENTS);
    }

    /** A count field of the official protocol, by its index in {@link ProtocolPairs#COUNT_FIELDS}; null if absent. */
    Long official(int field) {
        return nullable(COLUMNS.size() - 2 * ProtocolPairs.COUNT_FIELDS.size() + 2 * field);
    }

    /** A count field of the copy, by its index in {@link ProtocolPairs#COUNT_FIELDS}; null if absent. */
    Long copy(int field) {
        return nullable(COLUMNS.size() - 2 * ProtocolPairs.COUNT_FIELDS.size() + 2 * field + 1);
    }

    /** The official protocol's votes by candidate; empty when there is none. */
    Map<String, Long> officialVotes() {
        return counts(OFFICIAL_VOTES);
    }

    /** The copy's votes by candidate. */
    Map<String, Long> copyVotes() {
        return counts(COPY_VOTES);
    }

    /** The official protocol's further named lines; empty when there is none. */
    Map<String, Long> officialLines() {
        return counts(OFFICIAL_LINES);
    }

    /** The copy's further named lines. */
    Map<String, Long> copyLines() {
        return counts(COPY_LINES);
    }

    /** The copy's reading confidence of single figures, by figure; empty when it gives none. */
    Map<String, Double> copyConfidence() {
        return row.isNull(COPY_CONFIDENCE) ? Map.of() : row.getMap(COPY_CONFIDENCE);
    }

    private boolean isCopy() {
        return ProtocolPairs.COPY.equals(row.getString(KIND));
    }

    private Long nullable(int i) {
        return row.isNull(i) ? null : row.getLong(i);
    }

    private Map<String, Long> counts(int i) {
        return row.isNull(i) ? Map.of() : row.getMap(i);
    }
}
