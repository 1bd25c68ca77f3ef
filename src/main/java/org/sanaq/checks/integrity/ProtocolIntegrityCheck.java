package org.sanaq.checks.integrity;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.sanaq.checks.Aggregation;
import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.AggregatingCheck;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.PublishedRounding;
import org.sanaq.checks.Selection;
import org.sanaq.results.CheckOutcome;
import org.sanaq.run.LevelTotals;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

/**
 * Protocol integrity (METHODS.md §1 and §7): do the protocols add up? Every final protocol of the election, of
 * every level and source, against the control relations ({@link ControlRelation}); every printed percentage
 * against its counts ({@link PublishedPercentage}); published units against the sum of the units below
 * ({@link LevelSum}); and election-day turnout reports against the final protocol ({@link ElectionDayReports}).
 * Derived sums (input {@code derived}) are not publications and are left out, except as the final count of §7.
 * Violations are found in Spark; only counts per region and the worst cases of each relation reach the driver.
 */
public final class ProtocolIntegrityCheck implements AggregatingCheck {
    public static final String ID = "protocol_integrity";
    static final String BY_REGION = ID + ".by_region";
    static final String SHARES_BY_REGION = ID + ".shares_by_region";
    static final String WORST = ID + ".worst.";
    static final String CHECKED = "_checked";
    static final String BROKEN = "_broken";
    private static final List<String> REGION_KEYS = List.of(Field.SOURCE.column(), Field.REGION.column());
    /** Sources × regions. */
    private static final int MAX_REGIONS = 100_000;

    @Override
    public String id() {
        return ID;
    }

    static final Parameter<Long> WORST_CASES = Parameter.whole("worst_cases", 1000, 1, 100_000);

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PublishedRounding.PARAMETER, WORST_CASES);
    }

    /** Final protocols of the election as published: no preliminary reports, no derived sums. */
    static Column finalRows(String election) {
        return col(Field.ELECTION.column()).equalTo(election)
                .and(col(Field.REPORTED_AT.column()).isNull())
                .and(col(ProtocolSchema.INPUT).notEqual(LevelTotals.DERIVED));
    }

    @Override
    public List<Aggregation> aggregations(CheckContext context) {
        Column rows = finalRows(context.election());
        String rowsKey = ID + ":" + context.election();
        RoundingMode rounding = PublishedRounding.of(context.parameters());
        List<Aggregation.Measure> perProtocol = new ArrayList<>();
        for (ControlRelation r : ControlRelation.values()) {
            perProtocol.add(new Aggregation.Measure(r.id() + CHECKED, count(when(r.applies(), lit(1)))));
            perProtocol.add(new Aggregation.Measure(r.id() + BROKEN, count(when(r.broken(), lit(1)))));
        }
        PublishedPercentage t = PublishedPercentage.TURNOUT;
        PublishedPercentage s = PublishedPercentage.SHARE;
        perProtocol.add(new Aggregation.Measure(t.id() + CHECKED, count(when(t.applies(context.conventions()), lit(1)))));
        perProtocol.add(new Aggregation.Measure(t.id() + BROKEN,
                count(when(t.broken(context.conventions(), rounding), lit(1)))));
        List<Aggregation> out = new ArrayList<>(List.of(
                new Aggregation(BY_REGION, rowsKey, rows, REGION_KEYS, false, perProtocol, MAX_REGIONS),
                new Aggregation(SHARES_BY_REGION, rowsKey, rows, REGION_KEYS, true, List.of(
                        new Aggregation.Measure(s.id() + CHECKED, count(when(s.applies(context.conventions()), lit(1)))),
                        new Aggregation.Measure(s.id() + BROKEN,
                                count(when(s.broken(context.conventions(), rounding), lit(1))))), MAX_REGIONS)));
        for (LevelSum sum : LevelSum.values()) {
            out.addAll(sum.aggregations(rows, rowsKey));
        }
        out.addAll(ElectionDayReports.aggregations(context.election(), context.conventions()));
        return out;
    }

    @Override
    public List<Selection> selections(CheckContext context) {
        Column rows = finalRows(context.election());
        int limit = context.parameters().get(WORST_CASES).intValue();
        RoundingMode rounding = PublishedRounding.of(context.parameters());
        List<Selection> out = new ArrayList<>();
        for (ControlRelation r : ControlRelation.values()) {
            List<Column> columns = new ArrayList<>(where());
            columns.addAll(List.of(r.subject().as("subject"), r.left().cast("string").as("left"),
                    r.right().cast("string").as("right"), r.difference().cast("string").as("difference")));
            out.add(new Selection(WORST + r.id(), rows.and(r.broken()), false, columns,
                    worstFirst(abs(r.difference())), limit));
        }
        for (PublishedPercentage p : PublishedPercentage.values()) {
            List<Column> columns = new ArrayList<>(where());
            columns.addAll(List.of(p.subject().as("subject"), p.published().as("published"),
                    p.count(context.conventions()).as("count"), p.base(context.conventions()).as("base")));
            out.add(new Selection(WORST + p.id(), rows.and(p.broken(context.conventions(), rounding)),
                    p.perCandidate(), columns, worstFirst(p.gap(context.conventions())), limit));
        }
        return out;
    }

    /** Largest gap first; ties in file and line order, so that the list does not depend on partitioning. */
    private static List<Column> worstFirst(Column gap) {
        return List.of(gap.desc(), col(ProtocolSchema.FILE).asc(), col(ProtocolSchema.LINE).asc());
    }

    private static List<Column> where() {
        List<Column> columns = new ArrayList<>();
        for (Field f : List.of(Field.SOURCE, Field.LEVEL, Field.REGION, Field.DISTRICT, Field.PRECINCT)) {
            columns.add(col(f.column()));
        }
        columns.add(col(ProtocolSchema.FILE).as("file"));
        columns.add(col(ProtocolSchema.LINE).as("line"));
        return columns;
    }

    @Override
    public CheckOutcome judge(CheckContext context, AggregationResults results) {
        return new IntegrityJudge(context, results).outcome();
    }
}
