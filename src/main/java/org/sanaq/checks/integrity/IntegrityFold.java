package org.sanaq.checks.integrity;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.sql.Column;
import org.sanaq.checks.CandidateColumns;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.ProtocolFold;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.ProtocolSchema;

/**
 * The protocol_integrity check's one fold over the protocols: per source and region ({@link Place}), the relations'
 * counts, the published figures by level and the election-day rows ({@link PlaceTally}); per relation
 * ({@link Worst}), its {@code worstCases} worst violations. The relations themselves, the job's list of them
 * ({@link IntegrityRelations}), are the Spark expressions of {@link ControlRelation} and {@link PublishedPercentage},
 * evaluated in the shared pass; the fold counts them.
 *
 * @param election    the election checked
 * @param conventions the job's turnout and share-base conventions
 * @param rounding    how the commission rounded the percentages it printed
 * @param worstCases  how many violations of each relation are kept, worst first
 * @param relations   the relations counted, by index
 */
record IntegrityFold(String election, Conventions conventions, RoundingMode rounding, int worstCases,
        IntegrityRelations relations)
        implements ProtocolFold<IntegrityFold.Key, IntegrityFold.Summary, IntegrityFold.Summary> {

    // Inputs read by protocol and candidate rows alike: where the protocol is, and whether it is a published final one.
    private static final int SOURCE = 0;
    private static final int LEVEL = 1;
    private static final int REGION = 2;
    private static final int DISTRICT = 3;
    private static final int PRECINCT = 4;
    private static final int FILE = 5;
    private static final int LINE = 6;
    private static final int PUBLISHED = 7;
    // Protocol rows: the election-day inputs, the count fields, then each relation's inputs.
    private static final int DAY = 8;
    private static final int IS_REPORT = 9;
    private static final int REPORT = 10;
    private static final int BALLOTS = 11;
    private static final int COUNTS = 12;
    private static final int RELATIONS_AT = COUNTS + LevelFigures.COUNTS.size();
    private static final int REGISTERED = COUNTS + LevelFigures.COUNTS.indexOf(Field.REGISTERED);
    // Candidate rows: the option and its votes, then the share's inputs.
    private static final int CANDIDATE = 8;
    private static final int VOTES = 9;
    private static final int SHARE_AT = 10;

    /** The key of a summary: a place, or a relation's worst cases. */
    sealed interface Key extends Serializable permits Place, Worst {
    }

    /** A source's region: the region named by its rows (a national row's is the country's name). */
    record Place(String source, String region) implements Key, Comparable<Place> {
        private static final Comparator<Place> ORDER = Comparator.comparing(Place::source)
                .thenComparing(Place::region, Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(Place other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * The worst cases of one relation from one source, over its regions: each source keeps its own, so that each
     * source's finding names its worst case even when another source's fill the table.
     */
    record Worst(String relation, String source) implements Key {
    }

    /** A place's tally, or a relation's worst cases, as the key says (the other is null). */
    record Summary(PlaceTally place, WorstCases<Violation> worst) implements Serializable {
    }

    @Override
    public List<Column> inputs() {
        List<Column> out = new ArrayList<>(where());
        out.addAll(List.of(ElectionDayReports.rows(election), ElectionDayReports.isReport(),
                ElectionDayReports.report(), ProtocolColumns.turnoutNumerator(conventions)));
        LevelFigures.COUNTS.forEach(f -> out.add(ProtocolColumns.field(f)));
        for (ControlRelation r : relations.controlRelations()) {
            out.addAll(r.inputs());
        }
        out.addAll(PublishedPercentage.TURNOUT.inputs(conventions, rounding));
        return out;
    }

    @Override
    public List<Column> candidateInputs() {
        List<Column> out = new ArrayList<>(where());
        out.addAll(List.of(col(CandidateColumns.CANDIDATE), col(CandidateColumns.CANDIDATE_VOTES)));
        out.addAll(PublishedPercentage.SHARE.inputs(conventions, rounding));
        return out;
    }

    private List<Column> where() {
        return List.of(col(Field.SOURCE.column()), col(Field.LEVEL.column()), col(Field.REGION.column()),
                col(Field.DISTRICT.column()), col(Field.PRECINCT.column()), col(ProtocolSchema.FILE),
                col(ProtocolSchema.LINE), ProtocolIntegrityCheck.finalRows(election));
    }

    @Override
    public Summary zero(Key key) {
        return key instanceof Place ? new Summary(new PlaceTally(relations.size()), null)
                : new Summary(null, new WorstCases<>(worstCases));
    }

    @Override
    public void add(Summaries<Key, Summary> summaries, FoldRow row) {
        boolean published = row.isTrue(PUBLISHED);
        boolean day = row.isTrue(DAY);
        if (!published && !day) {
            return;
        }
        PlaceTally place = summaries.of(place(row)).place();
        String level = row.getString(LEVEL);
        if (published) {
            place.addProtocol();
            Long[] counts = new Long[LevelFigures.COUNTS.size()];
            Arrays.setAll(counts, i -> row.getLongOrNull(COUNTS + i));
            place.level(level).add(counts, row.getString(FILE), row.getLong(LINE));
            int turnout = relations.turnout();
            for (int r = 0; r < turnout; r++) {
                count(summaries, place, r, row, RELATIONS_AT + r * ControlRelation.INPUTS);
            }
            count(summaries, place, turnout, row, RELATIONS_AT + turnout * ControlRelation.INPUTS);
        }
        if (day && row.isTrue(IS_REPORT)) {
            place.dayUnit(level).addReport(row.getString(REPORT));
        } else if (day) {
            place.dayUnit(level).addFinal(row.getLongOrNull(REGISTERED), row.getLongOrNull(BALLOTS), row.getString(FILE),
                    row.getLong(LINE));
        }
    }

    @Override
    public void addCandidate(Summaries<Key, Summary> summaries, FoldRow row) {
        if (!row.isTrue(PUBLISHED)) {
            return;
        }
        PlaceTally place = summaries.of(place(row)).place();
        place.addCandidateRow();
        place.level(row.getString(LEVEL)).addVotes(row.getString(CANDIDATE), row.getLongOrNull(VOTES));
        count(summaries, place, relations.share(), row, SHARE_AT);
    }

    /** Counts a relation whose inputs start at {@code at}; a broken one is offered to its worst cases. */
    private void count(Summaries<Key, Summary> summaries, PlaceTally place, int relation, FoldRow row, int at) {
        boolean broken = row.isTrue(at + 1);
        place.count(relation, row.isTrue(at), broken);
        if (broken) {
            summaries.of(new Worst(relations.id(relation), row.getString(SOURCE))).worst()
                    .offer(relation < relations.turnout() ? violation(row, at) : percentageViolation(row, at));
        }
    }

    /** A broken control relation, from its inputs ({@link ControlRelation#inputs}). */
    private static Violation violation(FoldRow row, int at) {
        return new Violation(row.getString(SOURCE), row.getString(LEVEL), row.getString(REGION),
                row.getString(DISTRICT), row.getString(PRECINCT), row.getString(at + 2), row.getString(at + 3),
                row.getString(at + 4), row.getString(at + 5), null, row.getString(FILE), row.getLong(LINE),
                row.getDouble(at + 6));
    }

    /** A printed percentage that does not match, from its inputs ({@link PublishedPercentage#inputs}). */
    private static Violation percentageViolation(FoldRow row, int at) {
        return new Violation(row.getString(SOURCE), row.getString(LEVEL), row.getString(REGION),
                row.getString(DISTRICT), row.getString(PRECINCT), row.getString(at + 2), null, null, null,
                new Violation.Printed(row.getString(at + 3), row.getLong(at + 4), row.getLong(at + 5)),
                row.getString(FILE), row.getLong(LINE), row.getDouble(at + 6));
    }

    private static Place place(FoldRow row) {
        return new Place(row.getString(SOURCE), row.getString(REGION));
    }


    @Override
    public Summary merge(Summary left, Summary right) {
        if (left.place() != null) {
            left.place().merge(right.place());
        } else {
            left.worst().merge(right.worst());
        }
        return left;
    }

    @Override
    public Summary finish(Key key, Summary summary) {
        return summary;
    }
}
