package org.sanaq.checks.digits;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.sanaq.checks.ContentKeys;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.ProtocolFold;
import org.sanaq.checks.ProtocolUniform;
import org.sanaq.checks.RandomGroupings;
import org.sanaq.checks.SpecialStations;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.ProtocolSchema;

/**
 * The digit tests' part of the run's shared pass: every final precinct protocol of the election and source is added
 * to a {@link UnitSummary} per (unit, row) ({@link UnitRow}: turnout and each candidate) and to the nation's
 * summary of the same row, so that the nation is the merge of its units; stations marked special are counted, on
 * the turnout row, and left out unless the job includes them ({@link SpecialStations}). Each merged summary is
 * {@linkplain #finish finished} into its {@link RowStatistics.Result} (statistics and bootstrap intervals) on the
 * executor that merged it; the driver receives one result per unit and row, never a precinct.
 *
 * <p>For the placebo, every precinct is also added to the summaries of its random group ({@link RandomGroupings}),
 * which are finished without bootstrap intervals ({@link RowStatistics#withoutIntervals}): the placebo needs their
 * tests' p-values only.
 */
final class DigitFold implements ProtocolFold<UnitRow, UnitSummary, RowStatistics.Result> {
    private static final long serialVersionUID = 1L;
    private static final int WANTED = 0;
    private static final int UNIT = 1;
    private static final int FILE = 2;
    private static final int LINE = 3;
    private static final int SPECIAL = 4;
    private static final int REGISTERED = 5;
    private static final int BALLOTS = 6;
    private static final int SHARE_BASE = 7;
    private static final int VOTES = 8;

    /**
     * The run's choices shipped to the executors: which protocols, which unit column, the bootstrap, the convention,
     * whether stations marked special are read, and the sizes of the real units (precincts per unit in unit name
     * order) that the random groups take; none, no groups.
     */
    record Settings(String election, String source, String unitColumn, int replicates, double confidence, long seed,
            int minPercentBase, DigitConvention convention, SpecialStations specialStations, List<Long> unitPrecincts)
            implements Serializable {
    }

    private final Settings settings;
    private final Conventions conventions;
    private final ContentKeys contentKeys;
    private final RandomGroupings groupings;

    DigitFold(Settings settings, Conventions conventions, ContentKeys contentKeys) {
        this.settings = settings;
        this.conventions = conventions;
        this.contentKeys = contentKeys;
        this.groupings = new RandomGroupings(settings.unitPrecincts());
    }

    @Override
    public List<Column> inputs() {
        Column wanted = col(Field.ELECTION.column()).equalTo(lit(settings.election()))
                .and(col(Field.SOURCE.column()).equalTo(lit(settings.source())))
                .and(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id()))
                .and(col(Field.REPORTED_AT.column()).isNull());
        return List.of(wanted, col(settings.unitColumn()), col(ProtocolSchema.FILE), col(ProtocolSchema.LINE),
                col(Field.SPECIAL.column()), ProtocolColumns.field(Field.REGISTERED),
                ProtocolColumns.turnoutNumerator(conventions), ProtocolColumns.shareBase(conventions),
                col(ProtocolSchema.VOTES));
    }

    @Override
    public UnitSummary zero(UnitRow key) {
        return new UnitSummary(settings.minPercentBase(), !key.turnout());
    }

    @Override
    public void add(Summaries<UnitRow, UnitSummary> summaries, FoldRow precinct) {
        if (!precinct.isTrue(WANTED)) {
            return;
        }
        String unit = precinct.isNull(UNIT) ? "" : precinct.getString(UNIT);
        if (!precinct.isNull(SPECIAL) && !precinct.getString(SPECIAL).isBlank()) {
            for (UnitSummary s : into(summaries, unit, RandomGroupings.NONE, UnitRow.TURNOUT)) {
                s.special++;
            }
            if (!settings.specialStations().included()) {
                return;
            }
        }
        long file = contentKeys.of(precinct.getString(FILE));
        long line = precinct.getLong(LINE);
        int group = groupings.count() == 0 ? RandomGroupings.NONE
                : groupings.groupOf(ProtocolUniform.of(settings.seed(), file, line, RandomGroupings.STREAM));
        UnitSummary[] turnout = into(summaries, unit, group, UnitRow.TURNOUT);
        Double t = ratio(precinct, BALLOTS, REGISTERED);
        double u = t == null ? Double.NaN : ProtocolUniform.of(settings.seed(), file, line, UnitRow.TURNOUT);
        for (UnitSummary s : turnout) {
            if (!precinct.isNull(BALLOTS)) {
                s.addCount(precinct.getLong(BALLOTS));
            }
            if (t != null) {
                s.addProportion(precinct.getLong(BALLOTS), precinct.getLong(REGISTERED), t, u);
            }
        }
        if (precinct.isNull(VOTES)) {
            return;
        }
        // shares enter with the precinct's turnout, which Sobyanin's slope needs
        boolean shares = t != null && !precinct.isNull(SHARE_BASE) && precinct.getLong(SHARE_BASE) > 0;
        for (Map.Entry<String, Long> vote : precinct.<String, Long>getMap(VOTES).entrySet()) {
            if (vote.getValue() == null) {
                continue;
            }
            double share = shares ? ProtocolUniform.of(settings.seed(), file, line, vote.getKey()) : Double.NaN;
            for (UnitSummary s : into(summaries, unit, group, vote.getKey())) {
                s.addCount(vote.getValue());
                if (shares) {
                    s.addProportion(vote.getValue(), precinct.getLong(SHARE_BASE), t, share);
                }
            }
        }
    }

    /** The summaries of a row in the precinct's unit, in the nation and in its random group (if it has one). */
    private static UnitSummary[] into(Summaries<UnitRow, UnitSummary> summaries, String unit, int group,
            String subject) {
        UnitSummary real = summaries.of(new UnitRow(unit, subject));
        UnitSummary nation = summaries.of(UnitRow.national(subject));
        return group == RandomGroupings.NONE ? new UnitSummary[] {real, nation}
                : new UnitSummary[] {real, nation, summaries.of(UnitRow.group(group, subject))};
    }

    @Override
    public UnitSummary merge(UnitSummary left, UnitSummary right) {
        return left.merge(right);
    }

    @Override
    public RowStatistics.Result finish(UnitRow key, UnitSummary summary) {
        return key.randomGroup() ? RowStatistics.withoutIntervals(key, summary, settings.seed(), settings.convention())
                : RowStatistics.of(key, summary, settings.replicates(), settings.confidence(), settings.seed(),
                        settings.convention());
    }

    /** numerator / denominator of the row's columns, or null when either is missing or the denominator is 0. */
    private static Double ratio(FoldRow r, int numerator, int denominator) {
        if (r.isNull(numerator) || r.isNull(denominator) || r.getLong(denominator) <= 0) {
            return null;
        }
        return r.getLong(numerator) / (double) r.getLong(denominator);
    }
}
