package org.sanaq.checks.integrity;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.sanaq.checks.Aggregation;
import org.sanaq.checks.AggregationResults;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.ProtocolSchema;

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
 * turnout, the bound also allows for its rounding (half its last decimal of the registered voters).
 */
final class ElectionDayReports {
    private static final String BULLETINS = ProtocolIntegrityCheck.ID + ".election_day.bulletins";
    private static final String FINALS = ProtocolIntegrityCheck.ID + ".election_day.finals";
    private static final int MAX_UNITS = 100_000;
    private static final MathContext MC = MathContext.DECIMAL64;

    private ElectionDayReports() {
    }

    /** One report of the day: when, the printed turnout, the voters so far (either may be missing). */
    record Bulletin(String at, BigDecimal percent, Long voters) {
    }

    /**
     * One unit's comparison. Voters figures are estimated from printed turnout × registered when the report
     * gives no count ({@code estimated}).
     */
    record Comparison(String source, String level, String region, Bulletin last, Bulletin previous,
            long finalBallots, long registered, BigDecimal finalPercent, BigDecimal gapPoints, BigDecimal gapVoters,
            BigDecimal bound, boolean estimated, String file, long line) {

        boolean flagged() {
            return gapVoters.compareTo(bound) > 0;
        }
    }

    static List<Aggregation> aggregations(String election, Conventions conventions) {
        Column ofElection = col(Field.ELECTION.column()).equalTo(election)
                .and(col(Field.LEVEL.column()).isin(Level.REGION.id(), Level.NATIONAL.id()));
        Column bulletinRows = ofElection.and(col(Field.REPORTED_AT.column()).isNotNull());
        // Final protocols include derived sums: for a source that publishes only precincts, they are its final count.
        Column finalRows = ofElection.and(col(Field.REPORTED_AT.column()).isNull());
        List<String> keys = List.of(Field.SOURCE.column(), Field.LEVEL.column(), Field.REGION.column());
        // A unit's reports as one sorted text "at|percent|voters;..." (a few per day, so bounded); ISO times with
        // one offset sort as text.
        Column bulletin = concat_ws("|", col(Field.REPORTED_AT.column()),
                coalesce(col(Field.PUBLISHED_TURNOUT_PCT.column()), lit("")),
                coalesce(ProtocolColumns.ballotsIssued().cast("string"), lit("")));
        return List.of(
                new Aggregation(BULLETINS, ProtocolIntegrityCheck.ID + ":bulletins:" + election, bulletinRows, keys,
                        false, List.of(new Aggregation.Measure("bulletins",
                                array_join(sort_array(collect_list(bulletin)), ";"))), MAX_UNITS),
                new Aggregation(FINALS, ProtocolIntegrityCheck.ID + ":finals:" + election, finalRows, keys, false,
                        List.of(new Aggregation.Measure("registered", max(ProtocolColumns.field(Field.REGISTERED))),
                                new Aggregation.Measure("ballots",
                                        max(ProtocolColumns.turnoutNumerator(conventions))),
                                new Aggregation.Measure("file", min(col(ProtocolSchema.FILE))),
                                new Aggregation.Measure("line", min(col(ProtocolSchema.LINE)))), MAX_UNITS));
    }

    /** Every unit with both reports of the day and a final protocol giving ballots and registered voters. */
    static List<Comparison> compare(AggregationResults results) {
        Map<List<Object>, Map<String, Object>> finals = new HashMap<>();
        for (Map<String, Object> row : results.rows(FINALS)) {
            finals.put(key(row), row);
        }
        List<Comparison> out = new ArrayList<>();
        for (Map<String, Object> row : results.rows(BULLETINS)) {
            Map<String, Object> fin = finals.get(key(row));
            if (fin == null || fin.get("registered") == null || fin.get("ballots") == null
                    || ((Long) fin.get("registered")) <= 0) {
                continue;
            }
            List<Bulletin> bulletins = parse((String) row.get("bulletins"));
            Bulletin last = bulletins.get(bulletins.size() - 1);
            Bulletin previous = bulletins.size() > 1 ? bulletins.get(bulletins.size() - 2) : null;
            long registered = (Long) fin.get("registered");
            long ballots = (Long) fin.get("ballots");
            BigDecimal lastVoters = voters(last, registered);
            if (lastVoters == null) {
                continue;
            }
            BigDecimal previousVoters = previous == null ? null : voters(previous, registered);
            BigDecimal growth = previousVoters == null ? BigDecimal.ZERO
                    : lastVoters.subtract(previousVoters).max(BigDecimal.ZERO);
            if (last.voters() == null) {
                // Voters estimated from a printed turnout are uncertain by half its last printed decimal.
                growth = growth.add(BigDecimal.valueOf(5, last.percent().scale() + 1)
                        .multiply(BigDecimal.valueOf(registered)).movePointLeft(2));
            }
            BigDecimal finalPercent = BigDecimal.valueOf(ballots).movePointRight(2)
                    .divide(BigDecimal.valueOf(registered), MC);
            BigDecimal lastPercent = last.percent() != null ? last.percent()
                    : lastVoters.movePointRight(2).divide(BigDecimal.valueOf(registered), MC);
            out.add(new Comparison((String) row.get(Field.SOURCE.column()), (String) row.get(Field.LEVEL.column()),
                    (String) row.get(Field.REGION.column()), last, previous, ballots, registered, finalPercent,
                    finalPercent.subtract(lastPercent), BigDecimal.valueOf(ballots).subtract(lastVoters), growth,
                    last.voters() == null, (String) fin.get("file"), ((Number) fin.get("line")).longValue()));
        }
        return out;
    }

    private static List<Object> key(Map<String, Object> row) {
        return List.of(row.get(Field.SOURCE.column()), row.get(Field.LEVEL.column()), row.get(Field.REGION.column()));
    }

    /** A report's voters: its count, or its printed turnout × registered / 100 (null when it has neither). */
    private static BigDecimal voters(Bulletin b, long registered) {
        if (b.voters() != null) {
            return BigDecimal.valueOf(b.voters());
        }
        return b.percent() == null ? null : b.percent().multiply(BigDecimal.valueOf(registered)).movePointLeft(2);
    }

    private static List<Bulletin> parse(String text) {
        List<Bulletin> out = new ArrayList<>();
        for (String item : text.split(";")) {
            String[] parts = item.split("\\|", -1);
            out.add(new Bulletin(parts[0], parts[1].isEmpty() ? null : new BigDecimal(parts[1]),
                    parts[2].isEmpty() ? null : Long.valueOf(parts[2])));
        }
        return out;
    }
}
