package org.sanaq.checks.roundpct;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.sanaq.checks.Aggregation;
import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.AggregatingCheck;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.PublishedRounding;
import org.sanaq.results.CheckOutcome;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.ProtocolSchema;

/**
 * The round-percentage ("repeating decimals") check of METHODS.md §6, after Kireev's observation on the 2023
 * Kazakh results: in every table above the precinct, how many figures are the integer nearest to base × a round
 * percentage, against the number honest counting gives (an exact Poisson-binomial tail), at 0, 1 and 2 decimals
 * of a percent. Whether each published percentage matches its own counts is marked per cell; the finding is
 * the protocol_integrity check's.
 */
public final class RoundPercentageCheck implements AggregatingCheck {
    public static final String ID = "round_percentages";
    static final String UNITS = ID + ".units";
    static final String CANDIDATES = ID + ".candidates";
    private static final List<String> UNIT_KEYS = List.of(Field.LEVEL.column(), Field.REGION.column(),
            Field.DISTRICT.column());
    /** Tables above the precinct hold at most this many units; more means precinct data was mislabelled. */
    private static final int MAX_UNITS = 200_000;
    /** Units × candidates that may reach the driver: a district table of a large country with many parties. */
    private static final int MAX_CELLS = 2_000_000;

    @Override
    public String id() {
        return ID;
    }

    static final Parameter<List<Integer>> PRECISIONS = Parameter.integers("precisions", List.of(0, 1, 2), 0, 2);
    static final Parameter<Double> MAX_CELL_PROBABILITY = Parameter.number("max_cell_probability", 0.2, 0, 1);
    static final Parameter<Double> ALPHA = Parameter.number("alpha", 0.01, 0, 0.5);
    static final Parameter<String> SOURCE = Parameter.text("source", "official");

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PRECISIONS, MAX_CELL_PROBABILITY, ALPHA, SOURCE, PublishedRounding.PARAMETER);
    }

    @Override
    public List<Aggregation> aggregations(CheckContext context) {
        String source = context.parameters().get(SOURCE);
        Column rows = col(Field.ELECTION.column()).equalTo(context.election())
                .and(col(Field.SOURCE.column()).equalTo(source))
                .and(col(Field.LEVEL.column()).notEqual(Level.PRECINCT.id()))
                .and(col(Field.REPORTED_AT.column()).isNull());
        String rowsKey = ID + ":" + context.election() + ":" + source;
        List<Aggregation.Measure> unit = List.of(
                new Aggregation.Measure("protocols", count(lit(1))),
                new Aggregation.Measure("registered", Aggregation.total(ProtocolColumns.field(Field.REGISTERED))),
                new Aggregation.Measure("turnout",
                        Aggregation.total(ProtocolColumns.turnoutNumerator(context.conventions()))),
                new Aggregation.Measure("base", Aggregation.total(ProtocolColumns.shareBase(context.conventions()))),
                new Aggregation.Measure("published_turnout_min", min(col(Field.PUBLISHED_TURNOUT_PCT.column()))),
                new Aggregation.Measure("published_turnout_max", max(col(Field.PUBLISHED_TURNOUT_PCT.column()))),
                new Aggregation.Measure("file", min(col(ProtocolSchema.FILE))),
                new Aggregation.Measure("line", min(col(ProtocolSchema.LINE))));
        List<String> candidateKeys = new ArrayList<>(UNIT_KEYS);
        candidateKeys.add(Aggregation.CANDIDATE);
        List<Aggregation.Measure> candidate = List.of(
                new Aggregation.Measure("votes", Aggregation.total(col(Aggregation.CANDIDATE_VOTES))),
                new Aggregation.Measure("published_min", min(col(Aggregation.CANDIDATE_PCT))),
                new Aggregation.Measure("published_max", max(col(Aggregation.CANDIDATE_PCT))));
        return List.of(new Aggregation(UNITS, rowsKey, rows, UNIT_KEYS, false, unit, MAX_UNITS),
                new Aggregation(CANDIDATES, rowsKey, rows, candidateKeys, true, candidate, MAX_CELLS));
    }

    @Override
    public CheckOutcome judge(CheckContext context, AggregationResults results) {
        List<String> skipped = new ArrayList<>();
        List<Cell> cells = CellReader.cells(results.rows(UNITS), results.rows(CANDIDATES), skipped);
        return new RoundPercentageJudge(context.parameters(), context.messages(), cells, skipped).outcome();
    }
}
