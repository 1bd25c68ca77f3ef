package org.sanaq.checks.integrity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.sql.Column;
import org.sanaq.checks.Extremes;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolColumns;

/**
 * Election-day turnout reports against the final protocol (METHODS.md §7), per region and for the nation: the
 * last preliminary report of the day (its voters, or its printed turnout times the final registered voters when
 * it gives no count) against the final protocol's ballots (by the job's turnout convention).
 *
 * <p>The rule for "more than the number of voters who could have voted after it": the last report cannot know
 * the voters still to come, so sanaq bounds them by the growth between the last two reports (the pace at which
 * voters were still arriving). A final count above the last report by more than that growth is flagged; when
 * the last report shows no growth (the polls had closed) the bound is zero. The rule needs no closing time, which
 * the tables rarely give; it is generous when reports are hours apart. When a report gives only a printed
 * turnout, the bound also allows for its rounding (half its last decimal of the registered voters): an allowance
 * for what the printed figure cannot say, kept apart from the voters who came so that no sentence calls it voters.
 */
final class ElectionDayReports {
    /** Sources × levels × regions compared. */
    static final int MAX_UNITS = 100_000;
    private static final MathContext MC = MathContext.DECIMAL64;

    private ElectionDayReports() {
    }

    /** One report of the day: when, the printed turnout, the voters so far (either may be missing). */
    record Bulletin(String at, BigDecimal percent, Long voters) {
    }

    /**
     * One unit's comparison. Voters figures are estimated from printed turnout × registered when the report
     * gives no count ({@code estimated}).
     *
     * @param growth            the voters who came between the last two reports (zero with a single report)
     * @param roundingAllowance the voters the rounding of the last report's printed turnout can hide, when that
     *                          report gives no count (else zero): not voters who came, but an uncertainty
     * @param day               every report of the day, in the order of their times
     */
    record Comparison(String source, String level, String region, Bulletin last, Bulletin previous,
            long finalBallots, long registered, BigDecimal finalPercent, BigDecimal gapPoints, BigDecimal gapVoters,
            BigDecimal growth, BigDecimal roundingAllowance, boolean estimated, String file, long line,
            List<Bulletin> day) {

        /** How far the final count may exceed the last report: voters still coming, and the rounding allowance. */
        BigDecimal bound() {
            return growth.add(roundingAllowance);
        }

        boolean flagged() {
            return gapVoters.compareTo(bound()) > 0;
        }
    }

    /** The rows of the day's comparison: the election's region and national protocols, derived sums included. */
    static Column rows(String election) {
        return col(Field.ELECTION.column()).equalTo(election)
                .and(col(Field.LEVEL.column()).isin(Level.REGION.id(), Level.NATIONAL.id()));
    }

    /** Whether a row is a report of the day (it has a time) rather than a final protocol. */
    static Column isReport() {
        return col(Field.REPORTED_AT.column()).isNotNull();
    }

    /**
     * A report as one text "at|percent|voters": a unit's reports sort as these texts (ISO times with one offset
     * sort as text) and are read back by {@link #parse}.
     */
    static Column report() {
        return concat_ws("|", col(Field.REPORTED_AT.column()),
                coalesce(col(Field.PUBLISHED_TURNOUT_PCT.column()), lit("")),
                coalesce(ProtocolColumns.ballotsIssued().cast("string"), lit("")));
    }

    /**
     * One unit's (a source's region or nation's) rows of the day: its reports, and of its final protocols the
     * largest registered voters and ballots (by the job's turnout convention) and the first file and line.
     */
    static final class Unit implements Serializable {
        private static final long serialVersionUID = 1L;
        private final List<String> reports = new ArrayList<>();
        private boolean finals;
        private Long registered;
        private Long ballots;
        private String file;
        private long line = Long.MAX_VALUE;

        void addReport(String report) {
            reports.add(report);
        }

        void addFinal(Long registered, Long ballots, String file, long line) {
            finals = true;
            this.registered = Extremes.max(this.registered, registered);
            this.ballots = Extremes.max(this.ballots, ballots);
            this.file = Extremes.min(this.file, file);
            this.line = Math.min(this.line, line);
        }

        Unit merge(Unit other) {
            reports.addAll(other.reports);
            if (other.finals) {
                addFinal(other.registered, other.ballots, other.file, other.line);
            }
            return this;
        }
    }

    /**
     * Every unit with both reports of the day and a final protocol giving ballots and registered voters, by
     * source, level and region.
     */
    static List<Comparison> compare(IntegrityResults results) {
        List<Comparison> out = new ArrayList<>();
        results.places().forEach((place, tally) -> tally.day().forEach((level, unit) -> {
            Comparison c = compare(place, level, unit);
            if (c != null) {
                out.add(c);
            }
        }));
        out.sort(Comparator.comparing(Comparison::source).thenComparing(Comparison::level)
                .thenComparing(Comparison::region, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    private static Comparison compare(IntegrityFold.Place place, String level, Unit unit) {
        if (unit.reports.isEmpty() || !unit.finals || unit.registered == null || unit.ballots == null
                || unit.registered <= 0) {
            return null;
        }
        List<String> texts = new ArrayList<>(unit.reports);
        Collections.sort(texts);
        List<Bulletin> bulletins = texts.stream().map(ElectionDayReports::parse).toList();
        Bulletin last = bulletins.get(bulletins.size() - 1);
        Bulletin previous = bulletins.size() > 1 ? bulletins.get(bulletins.size() - 2) : null;
        long registered = unit.registered;
        long ballots = unit.ballots;
        BigDecimal lastVoters = voters(last, registered);
        if (lastVoters == null) {
            return null;
        }
        BigDecimal previousVoters = previous == null ? null : voters(previous, registered);
        BigDecimal growth = previousVoters == null ? BigDecimal.ZERO
                : lastVoters.subtract(previousVoters).max(BigDecimal.ZERO);
        // Voters estimated from a printed turnout are uncertain by half its last printed decimal.
        BigDecimal roundingAllowance = last.voters() != null ? BigDecimal.ZERO
                : BigDecimal.valueOf(5, last.percent().scale() + 1).multiply(BigDecimal.valueOf(registered))
                        .movePointLeft(2);
        BigDecimal finalPercent = BigDecimal.valueOf(ballots).movePointRight(2)
                .divide(BigDecimal.valueOf(registered), MC);
        BigDecimal lastPercent = last.percent() != null ? last.percent()
                : lastVoters.movePointRight(2).divide(BigDecimal.valueOf(registered), MC);
        return new Comparison(place.source(), level, place.region(), last, previous, ballots, registered,
                finalPercent, finalPercent.subtract(lastPercent), BigDecimal.valueOf(ballots).subtract(lastVoters),
                growth, roundingAllowance, last.voters() == null, unit.file, unit.line, bulletins);
    }

    /** A report's voters: its count, or its printed turnout × registered / 100 (null when it has neither). */
    private static BigDecimal voters(Bulletin b, long registered) {
        if (b.voters() != null) {
            return BigDecimal.valueOf(b.voters());
        }
        return b.percent() == null ? null : b.percent().multiply(BigDecimal.valueOf(registered)).movePointLeft(2);
    }

    private static Bulletin parse(String report) {
        String[] parts = report.split("\\|", -1);
        return new Bulletin(parts[0], parts[1].isEmpty() ? null : new BigDecimal(parts[1]),
                parts[2].isEmpty() ? null : Long.valueOf(parts[2]));
    }
}
