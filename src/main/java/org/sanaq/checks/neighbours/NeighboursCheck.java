package org.sanaq.checks.neighbours;

import static org.apache.spark.sql.functions.asin;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.checks.Check;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.Plan;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.checks.SpecialStations;
import org.sanaq.results.CheckOutcome;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

/**
 * Precincts against their neighbours (README "Precincts against their neighbours"): within each district (or
 * region, as the job's {@code unit} says), each precinct's turnout G / V and the leader's share L / R are set against
 * the median and MAD of the unit's other precincts on the variance-stabilised scale asin √p, with the precinct's own
 * binomial noise 1 / (4n) in the denominator ({@link NeighbourScore}); the precincts whose larger |z| reaches
 * {@code threshold} are the outliers, listed with their protocols' file and line. The count of outliers is set
 * against what random groupings of the same precincts within each region give ({@link UnitScores}), so that a flag
 * means more outliers than chance groupings produce, not just some outliers; and their direction is tested (most
 * of them above their neighbours is what stuffing gives, {@link NeighboursJudge}). The precincts are the final precinct
 * protocols of the check's source with V &gt; 0 and R &gt; 0, stations marked special left out unless included
 * ({@link SpecialStations}); the leader comes from the run's first pass ({@link ElectionFacts}).
 */
public final class NeighboursCheck implements Check<NeighboursResults> {
    public static final String ID = "neighbours";

    static final Parameter<String> UNIT = Parameter.choice("unit", "district", List.of("district", "region"));
    static final Parameter<Double> THRESHOLD = Parameter.number("threshold", 4, 2, 20);
    static final Parameter<Long> MIN_NEIGHBOURS = Parameter.whole("min_neighbours", 5, 2, 1000);
    static final Parameter<Long> MAX_UNIT = Parameter.whole("max_unit", 5000, 10, 1_000_000);
    static final Parameter<Long> PLACEBO_GROUPINGS = Parameter.whole("placebo_groupings", 20, 5, 1000);
    /**
     * Strata of a region's units by median turnout within which the random groupings are drawn: with one, pseudo-units
     * mix districts of different turnout and give fewer outliers than real districts on honest data (calibration).
     */
    static final Parameter<Long> PLACEBO_STRATA = Parameter.whole("placebo_strata", 5, 1, 100);
    static final Parameter<Long> SEED = Parameter.whole("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    static final Parameter<Long> LIST = Parameter.whole("list", 50, 1, 1000);
    static final Parameter<Long> MIN_OUTLIERS = Parameter.whole("min_outliers", 10, 1, 1_000_000);
    static final Parameter<Long> MIN_OUTLIERS_REGION = Parameter.whole("min_outliers_region", 3, 1, 1_000_000);
    static final Parameter<Double> ALPHA = Parameter.number("alpha", 0.01, 0, 0.5);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PrecinctFigures.SOURCE, SpecialStations.PARAMETER, UNIT, THRESHOLD, MIN_NEIGHBOURS, MAX_UNIT,
                PLACEBO_GROUPINGS, PLACEBO_STRATA, SEED, LIST, MIN_OUTLIERS, MIN_OUTLIERS_REGION, ALPHA);
    }

    /** The settings of {@link UnitScores} from a job's parameters. */
    static UnitScores.Settings settings(CheckParameters p) {
        return new UnitScores.Settings(p.get(THRESHOLD), p.get(MIN_NEIGHBOURS).intValue(),
                p.get(MAX_UNIT).intValue(), p.get(PLACEBO_GROUPINGS).intValue(), p.get(SEED),
                p.get(LIST).intValue(), p.get(PLACEBO_STRATA).intValue());
    }

    /**
     * The scores, in Spark, unless the first pass shows there is nothing to compare: no precinct with a leader, or
     * districts as units and no precinct naming one (then no Spark work at all).
     */
    @Override
    public Plan<NeighboursResults> plan(CheckContext context, ElectionFacts facts) {
        ElectionFacts.OfSource known = PrecinctFigures.facts(context, facts);
        SpecialStations special = SpecialStations.of(context.parameters());
        ElectionFacts.Stations read = known.stations(special);
        String unit = context.parameters().get(UNIT);
        SpecialStations.Count count = new SpecialStations.Count(special, known.special());
        String leader = read.leader();
        boolean noUnits = unit.equals("district")
                && read.precinctsPerUnit("district").keySet().stream().allMatch(String::isBlank);
        if (leader == null || noUnits) {
            return new Plan.Joined<>(protocols -> new NeighboursResults(leader, count, unit, null));
        }
        PrecinctFigures figures = PrecinctFigures.of(context, leader);
        UnitScores.Settings settings = settings(context.parameters());
        return new Plan.Joined<>(protocols -> new NeighboursResults(leader, count, unit,
                UnitScores.compute(input(protocols, figures, unit), settings, context.contentKeys())));
    }

    /**
     * The input of {@link UnitScores}: the check's precincts with V &gt; 0 and R &gt; 0, their unit, their precinct
     * number (or file:line without one), turnout and the leader's share on the asin √p scale with their noise
     * variances 1 / (4V) and 1 / (4R), and the figures V, G, L, R the ranked list prints.
     */
    static Dataset<Row> input(Dataset<Row> protocols, PrecinctFigures figures, String unit) {
        List<Column> in = figures.inputs();
        Column wanted = in.get(0);
        Column region = in.get(2);
        Column v = in.get(3);
        Column g = in.get(4);
        Column r = in.get(5);
        Column l = in.get(6);
        Column district = coalesce(col(Field.DISTRICT.column()), lit(""));
        Column precinct = coalesce(col(Field.PRECINCT.column()),
                concat_ws(":", col(ProtocolSchema.FILE), col(ProtocolSchema.LINE).cast("string")));
        Dataset<Row> rows = protocols.select(wanted.as("wanted"), region.as("region"),
                (unit.equals("region") ? region : district).as("unit"), precinct.as("key"),
                col(ProtocolSchema.FILE).as("file"), col(ProtocolSchema.LINE).as("line"), v.as("V"), g.as("G"),
                r.as("R"), l.as("L"));
        return rows.where(col("wanted").and(col("V").gt(0)).and(col("R").gt(0)).and(col("G").isNotNull())
                        .and(col("L").isNotNull()))
                .select(col("region"), col("unit"), col("key"), col("file"), col("line"),
                        stabilised(col("G"), col("V")).as("y_turnout"), noise(col("V")).as("var_turnout"),
                        stabilised(col("L"), col("R")).as("y_share"), noise(col("R")).as("var_share"),
                        struct(col("V"), col("G"), col("L"), col("R")).as("shown"));
    }

    /** asin √(k / n), the proportion clamped to [0, 1] (as {@link NeighbourScore#stabilised}). */
    private static Column stabilised(Column k, Column n) {
        return asin(sqrt(least(lit(1.0), greatest(lit(0.0), k.cast("double").divide(n)))));
    }

    /** 1 / (4n) (as {@link NeighbourScore#noise}). */
    private static Column noise(Column n) {
        return lit(1.0).divide(n.cast("double").multiply(4));
    }

    @Override
    public CheckOutcome judge(CheckContext context, NeighboursResults results) {
        return new NeighboursJudge(context, results).outcome();
    }
}
