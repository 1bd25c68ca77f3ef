package org.sanaq.checks.roundpct;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.spark.sql.Column;
import org.sanaq.checks.CandidateColumns;
import org.sanaq.checks.Extremes;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.ProtocolFold;
import org.sanaq.checks.ReportedTotal;
import org.sanaq.run.LevelTotals;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.ProtocolSchema;

/**
 * The tables above the precinct of one source, folded unit by unit in the shared pass: the final protocols of the
 * election at the region, district and national levels, with their totals, printed percentages and candidates'
 * votes. Sums the job derived itself ({@link LevelTotals}) are only counted: they are not a publication, and
 * nothing in them was rounded by anyone.
 *
 * @param election    the election checked
 * @param source      the source whose tables are read
 * @param conventions the job's turnout and share-base conventions
 */
record UnitFold(String election, String source, Conventions conventions)
        implements ProtocolFold<Unit, UnitFold.Tally, UnitFigures> {

    // The positions of the inputs, in both the protocol and the candidate rows.
    private static final int LEVEL = 0;
    private static final int REGION = 1;
    private static final int DISTRICT = 2;
    private static final int WANTED = 3;
    // Protocol rows only.
    private static final int REGISTERED = 4;
    private static final int TURNOUT = 5;
    private static final int BASE = 6;
    private static final int PUBLISHED_TURNOUT = 7;
    private static final int FILE = 8;
    private static final int LINE = 9;
    // Candidate rows only.
    private static final int CANDIDATE = 4;
    private static final int VOTES = 5;
    private static final int PUBLISHED = 6;

    @Override
    public List<Column> inputs() {
        return List.of(col(Field.LEVEL.column()), col(Field.REGION.column()), col(Field.DISTRICT.column()), wanted(),
                ProtocolColumns.field(Field.REGISTERED), ProtocolColumns.turnoutNumerator(conventions),
                ProtocolColumns.shareBase(conventions), col(Field.PUBLISHED_TURNOUT_PCT.column()),
                col(ProtocolSchema.FILE), col(ProtocolSchema.LINE));
    }

    @Override
    public List<Column> candidateInputs() {
        return List.of(col(Field.LEVEL.column()), col(Field.REGION.column()), col(Field.DISTRICT.column()),
                wanted().and(col(ProtocolSchema.INPUT).notEqual(LevelTotals.DERIVED)), col(CandidateColumns.CANDIDATE), col(CandidateColumns.CANDIDATE_VOTES), col(CandidateColumns.CANDIDATE_PCT));
    }

    /** The source's final protocols of the election above the precinct. */
    private Column wanted() {
        return col(Field.ELECTION.column()).equalTo(election)
                .and(col(Field.SOURCE.column()).equalTo(source))
                .and(col(Field.LEVEL.column()).notEqual(Level.PRECINCT.id()))
                .and(col(Field.REPORTED_AT.column()).isNull());
    }

    @Override
    public Tally zero(Unit key) {
        return new Tally();
    }

    @Override
    public void add(Summaries<Unit, Tally> summaries, FoldRow protocol) {
        if (protocol.isTrue(WANTED)) {
            summaries.of(unit(protocol)).add(protocol);
        }
    }

    @Override
    public void addCandidate(Summaries<Unit, Tally> summaries, FoldRow candidate) {
        if (candidate.isTrue(WANTED)) {
            summaries.of(unit(candidate)).candidates.computeIfAbsent(candidate.getString(CANDIDATE),
                    c -> new CandidateTally()).add(candidate);
        }
    }

    private static Unit unit(FoldRow row) {
        return new Unit(row.getString(LEVEL), row.getString(REGION), row.getString(DISTRICT));
    }

    @Override
    public Tally merge(Tally left, Tally right) {
        return left.merge(right);
    }

    @Override
    public UnitFigures finish(Unit key, Tally tally) {
        TreeMap<String, UnitFigures.Candidate> candidates = new TreeMap<>();
        tally.candidates.forEach((name, c) -> candidates.put(name,
                new UnitFigures.Candidate(c.votes.value(), c.printed.single())));
        return new UnitFigures(tally.protocols, tally.derived, tally.registered.value(), tally.turnout.value(), tally.base.value(),
                tally.printedTurnout.single(), tally.file, tally.line, candidates);
    }

    /** One unit's protocols so far. */
    static final class Tally implements Serializable {
        private static final long serialVersionUID = 1L;
        private long protocols;
        private long derived;
        private final ReportedTotal registered = new ReportedTotal();
        private final ReportedTotal turnout = new ReportedTotal();
        private final ReportedTotal base = new ReportedTotal();
        private final Printed printedTurnout = new Printed();
        private String file;
        private long line = Long.MAX_VALUE;
        private final Map<String, CandidateTally> candidates = new HashMap<>();

        private void add(FoldRow row) {
            if (LevelTotals.DERIVED.equals(row.getString(FILE))) {
                derived++;
                return;
            }
            protocols++;
            registered.add(row.getLongOrNull(REGISTERED));
            turnout.add(row.getLongOrNull(TURNOUT));
            base.add(row.getLongOrNull(BASE));
            printedTurnout.add(row.getString(PUBLISHED_TURNOUT));
            file = Extremes.min(file, row.getString(FILE));
            line = Math.min(line, row.getLong(LINE));
        }

        private Tally merge(Tally other) {
            protocols += other.protocols;
            derived += other.derived;
            registered.merge(other.registered);
            turnout.merge(other.turnout);
            base.merge(other.base);
            printedTurnout.merge(other.printedTurnout);
            file = Extremes.min(file, other.file);
            line = Math.min(line, other.line);
            other.candidates.forEach((name, c) -> candidates.merge(name, c, CandidateTally::merge));
            return this;
        }
    }

    /** One candidate's votes in a unit so far. */
    static final class CandidateTally implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ReportedTotal votes = new ReportedTotal();
        private final Printed printed = new Printed();

        private void add(FoldRow row) {
            votes.add(row.getLongOrNull(VOTES));
            printed.add(row.getString(PUBLISHED));
        }

        private CandidateTally merge(CandidateTally other) {
            votes.merge(other.votes);
            printed.merge(other.printed);
            return this;
        }
    }

    /** The smallest and largest printed percentage of a unit's copies: one figure when they agree. */
    static final class Printed implements Serializable {
        private static final long serialVersionUID = 1L;
        private String min;
        private String max;

        private void add(String printed) {
            min = Extremes.min(min, printed);
            max = Extremes.max(max, printed);
        }

        private void merge(Printed other) {
            add(other.min);
            add(other.max);
        }

        /** The printed figure, or null when none was printed or the copies print different ones. */
        private String single() {
            return Objects.equals(min, max) ? min : null;
        }
    }

}
