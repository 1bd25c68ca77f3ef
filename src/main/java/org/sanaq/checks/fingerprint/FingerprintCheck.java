package org.sanaq.checks.fingerprint;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.JoiningCheck;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.results.CheckOutcome;

/**
 * The election fingerprint, METHODS.md §4: the voter-weighted 2-D histogram of turnout against the leader's share
 * (0.5 % bins, nationally and for the regions with most voters), turnout and share histograms at 1 % and 0.1 %,
 * the voter-weighted correlation of turnout and share, and excess leader votes by Shpilkin's method
 * ({@link ShpilkinExcess}), nationally and per region. All bins are computed in Spark with whole-number
 * arithmetic (bin = ⌊n·G/V⌋), so only bounded grids reach the driver: at most 200 × 200 cells per map, 101 turnout
 * bins per region.
 */
public final class FingerprintCheck implements JoiningCheck {
    public static final String ID = "fingerprint";
    static final String SUMMARY = ID + ".summary";
    static final String BINS = ID + ".bins";
    static final String CELLS = ID + ".cells";
    static final String HISTOGRAMS = ID + ".histograms";
    /** Regions × 101 turnout bins that may reach the driver. */
    private static final int MAX_REGION_BINS = 2_000_000;
    /** The cells of the national map and of the regional maps shown. */
    static final int GRID = 200;

    @Override
    public String id() {
        return ID;
    }

    static final Parameter<Long> REGIONS_SHOWN = Parameter.whole("regions_shown", 6, 0, 100);
    static final Parameter<Double> FLAG_EXCESS_SHARE = Parameter.number("flag_excess_share", 0.1, 0, 1);

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PrecinctFigures.SOURCE, REGIONS_SHOWN, FLAG_EXCESS_SHARE);
    }

    @Override
    public Map<String, List<Map<String, Object>>> compute(Dataset<Row> protocols, CheckContext context) {
        CheckParameters p = context.parameters();
        PrecinctFigures figures = PrecinctFigures.of(protocols, context);
        Map<String, Object> summary = figures.summary();
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put(SUMMARY, List.of(summary));
        if (figures.leader() == null) {
            return out;
        }
        Dataset<Row> rows = figures.rows().filter(col(PrecinctFigures.V).gt(0).and(col(PrecinctFigures.R).gt(0)))
                .withColumn("t", col(PrecinctFigures.G).divide(col(PrecinctFigures.V)))
                .withColumn("s", col(PrecinctFigures.L).divide(col(PrecinctFigures.R)))
                .withColumn("x", bin(PrecinctFigures.G, PrecinctFigures.V, GRID, GRID - 1))
                .withColumn("y", bin(PrecinctFigures.L, PrecinctFigures.R, GRID, GRID - 1))
                // Shpilkin's bin k holds turnout in (k %, k + 1 %]: ⌈100·G/V⌉ − 1, zero turnout in bin 0
                .withColumn("k", expr("least(100, greatest(0, (100 * g + v - 1) div v - 1))"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            out.put(BINS, collect(rows.groupBy(col(PrecinctFigures.REGION), col("k")).agg(count(lit(1)).as("stations"),
                    sum(PrecinctFigures.V).as("v"), sum(PrecinctFigures.G).as("g"), sum(PrecinctFigures.L).as("l"),
                    sum(PrecinctFigures.O).as("o"), sum(col(PrecinctFigures.V)).cast("double").as("w"),
                    sum(weighted("t")).as("wx"), sum(weighted("s")).as("wy"), sum(weighted("t * t")).as("wxx"),
                    sum(weighted("s * s")).as("wyy"), sum(weighted("t * s")).as("wxy")), MAX_REGION_BINS));
            int shown = p.get(REGIONS_SHOWN).intValue();
            List<Object> top = rows.groupBy(PrecinctFigures.REGION).agg(sum(PrecinctFigures.V).as("v"))
                    .orderBy(desc("v"), col(PrecinctFigures.REGION)).limit(shown).collectAsList().stream()
                    .map(r -> (Object) r.getString(0)).toList();
            summary.put("regions_shown", top);
            Dataset<Row> national = rows.groupBy(lit("national").as("scope"), col("x"), col("y"))
                    .agg(sum(PrecinctFigures.V).as("voters"));
            Dataset<Row> regional = rows.filter(col(PrecinctFigures.REGION).isin(top.toArray()))
                    .groupBy(col(PrecinctFigures.REGION).as("scope"), col("x"), col("y"))
                    .agg(sum(PrecinctFigures.V).as("voters"));
            out.put(CELLS, collect(national.unionByName(regional), GRID * GRID * (shown + 1)));
            out.put(HISTOGRAMS, collect(rows.select(col(PrecinctFigures.V), explode(array(
                            histogramBin("turnout", 1, PrecinctFigures.G, PrecinctFigures.V),
                            histogramBin("turnout", 10, PrecinctFigures.G, PrecinctFigures.V),
                            histogramBin("share", 1, PrecinctFigures.L, PrecinctFigures.R),
                            histogramBin("share", 10, PrecinctFigures.L, PrecinctFigures.R))).as("h"))
                    .groupBy(col("h.variable").as("variable"), col("h.per_point").as("per_point"),
                            col("h.bin").as("bin"))
                    .agg(sum(PrecinctFigures.V).as("voters")), 2 * (101 + 1001)));
        } finally {
            rows.unpersist();
        }
        return out;
    }

    @Override
    public CheckOutcome judge(CheckContext context, AggregationResults results) {
        return new FingerprintJudge(context, results).outcome();
    }

    /** ⌊scale·a/b⌋ in whole numbers, capped at {@code max} (turnouts above 100 % land in the top bin). */
    private static Column bin(String a, String b, int scale, int max) {
        return expr("least(" + max + ", (" + scale + " * " + a + ") div " + b + ")");
    }

    /** A histogram entry: 1 / perPoint % bins [k, k + 1) of 100·a/b, with 100 % in a bin of its own. */
    private static Column histogramBin(String variable, int perPoint, String a, String b) {
        return struct(lit(variable).as("variable"), lit(perPoint).as("per_point"),
                bin(a, b, 100 * perPoint, 100 * perPoint).as("bin"));
    }

    private static Column weighted(String expression) {
        return expr("cast(" + PrecinctFigures.V + " as double) * " + expression);
    }

    /** The rows as maps, refusing more than {@code max} (a bound that the grouping guarantees for sane data). */
    private static List<Map<String, Object>> collect(Dataset<Row> grouped, int max) {
        List<Row> rows = grouped.limit(max + 1).collectAsList();
        if (rows.size() > max) {
            throw new IllegalStateException(ID + ": more than " + max + " groups; is the region column precinct-level?");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String name : r.schema().fieldNames()) {
                m.put(name, r.getAs(name));
            }
            out.add(m);
        }
        return out;
    }
}
