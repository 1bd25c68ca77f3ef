package org.sanaq.checks.panel;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.sanaq.checks.ContentKeys;
import org.sanaq.checks.neighbours.UnitScores;

/**
 * The panel's Spark work (DESIGN19 §3.3): the two elections' precincts matched ({@link PanelSides}), then from the
 * joined keys, kept on disk and in memory while read: the match counts and median changes per region with the
 * nation's (one rollup), the turnout × turnout map and the histogram of turnout changes (one collect of bounded
 * cells), and the matched precincts' changes scored against those of their unit in the later election, with the
 * random-groupings placebo ({@link UnitScores}). Only bounded values reach the driver.
 */
final class PanelStatistics {
    /** The accuracy of the medians' {@code percentile_approx}: a relative rank error of 1 / 10,000. */
    private static final int MEDIAN_ACCURACY = 10_000;

    /**
     * The figures a ranked jump prints, in this order (read by position in {@link PanelFigures.Jump}): the later
     * election's precinct and district, the earlier's V, G, R, L, file and line, the later's V, G, R, L, and the
     * changes in points.
     */
    static final List<String> SHOWN = List.of("a_precinct", "a_district", "b_v", "b_g", "b_r", "b_l", "b_file",
            "b_line", "a_v", "a_g", "a_r", "a_l", "d_turnout_points", "d_share_points");

    /** What is computed besides the matching rules. */
    record Settings(String leaderBefore, String leaderAfter, boolean unitIsRegion, List<String> regionsShown,
            UnitScores.Settings scores) {
    }

    private PanelStatistics() {
    }

    static PanelResults compute(Dataset<Row> protocols, PanelSides.Rules rules, Settings settings, ContentKeys keys) {
        Dataset<Row> joined = new PanelSides(rules).joined(protocols, settings.leaderBefore(), settings.leaderAfter())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> matched = withChanges(joined.where(col(PanelSides.STATUS)
                    .equalTo(PanelSides.Status.MATCHED.id())));
            SortedMap<String, MatchCounts> regions = new TreeMap<>();
            MatchCounts nation = counts(joined, regions);
            List<PanelResults.MapCell> map = new ArrayList<>();
            long[] changes = new long[PanelResults.CHANGE_BINS];
            cells(matched, settings.regionsShown(), map, changes);
            UnitScores.ScoreSummary scores = nation.matched() == 0 ? null
                    : UnitScores.compute(scoreRows(matched, settings.unitIsRegion()), settings.scores(), keys);
            return new PanelResults(List.of(rules.before(), rules.after()), List.of(), nation, regions, map, changes,
                    scores);
        } finally {
            joined.unpersist();
        }
    }

    /** The matched keys with their changes: in points, on the stabilised scale with noise, and turnout bins. */
    static Dataset<Row> withChanges(Dataset<Row> matched) {
        Column v1 = col("b_v");
        Column v2 = col("a_v");
        Column r1 = col("b_r");
        Column r2 = col("a_r");
        return matched
                .withColumn("d_turnout_points", PanelChange.points(col("b_g"), v1, col("a_g"), v2))
                .withColumn("d_share_points", PanelChange.points(col("b_l"), r1, col("a_l"), r2))
                .withColumn("y_turnout", PanelChange.change(col("b_g"), v1, col("a_g"), v2))
                .withColumn("var_turnout", PanelChange.noise(v1, v2))
                .withColumn("y_share", PanelChange.change(col("b_l"), r1, col("a_l"), r2))
                .withColumn("var_share", PanelChange.noise(r1, r2))
                .withColumn("bin_before", percentBin(col("b_g"), v1))
                .withColumn("bin_after", percentBin(col("a_g"), v2));
    }

    /** The 1 % bin of a turnout, 0 to 100 (a turnout above 100 % in the last). */
    private static Column percentBin(Column g, Column v) {
        return least(lit(100), floor(lit(100.0).multiply(g).divide(v)).cast("int"));
    }

    /** The counts of every region, put in {@code regions}, and of the nation, returned: one rollup of the keys. */
    static MatchCounts counts(Dataset<Row> joined, SortedMap<String, MatchCounts> regions) {
        Column status = col(PanelSides.STATUS);
        List<Column> aggregates = new ArrayList<>(List.of(coalesce(sum(PanelSides.ROWS_BEFORE), lit(0L)),
                coalesce(sum(PanelSides.ROWS_AFTER), lit(0L))));
        for (PanelSides.Status s : PanelSides.Status.values()) {
            aggregates.add(count(when(status.equalTo(s.id()), lit(1))));
        }
        Column isMatched = status.equalTo(PanelSides.Status.MATCHED.id());
        Dataset<Row> withPoints = joined.withColumn("d_turnout_points", when(isMatched,
                        PanelChange.points(col("b_g"), col("b_v"), col("a_g"), col("a_v"))))
                .withColumn("d_share_points", when(isMatched,
                        PanelChange.points(col("b_l"), col("b_r"), col("a_l"), col("a_r"))));
        aggregates.add(percentile_approx(col("d_turnout_points"), lit(0.5), lit(MEDIAN_ACCURACY)));
        aggregates.add(percentile_approx(col("d_share_points"), lit(0.5), lit(MEDIAN_ACCURACY)));
        MatchCounts nation = null;
        for (Row r : withPoints.rollup(col(PanelSides.REGION))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .collectAsList()) {
            MatchCounts c = new MatchCounts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                    r.getLong(6), r.getLong(7), r.isNullAt(8) ? Double.NaN : r.getDouble(8),
                    r.isNullAt(9) ? Double.NaN : r.getDouble(9));
            if (r.isNullAt(0)) {
                nation = c;
            } else {
                regions.put(r.getString(0), c);
            }
        }
        return nation == null ? new MatchCounts(0, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN) : nation;
    }

    /**
     * The voter-weighted turnout map (nationally and in each region shown) and the turnout changes' histogram, in
     * one collect: rows (kind, scope, first bin, second bin, value).
     */
    private static void cells(Dataset<Row> matched, List<String> regionsShown, List<PanelResults.MapCell> map,
            long[] changes) {
        Column region = col("a_region");
        Column shown = regionsShown.isEmpty() ? lit(null).cast("string")
                : when(region.isin(regionsShown.toArray()), region);
        Dataset<Row> mapCells = matched.select(explode(array(lit("national"), shown)).as("scope"),
                        col("bin_before"), col("bin_after"), col("a_v"))
                .where(col("scope").isNotNull())
                .groupBy("scope", "bin_before", "bin_after").agg(sum("a_v").as("value"))
                .select(lit("map").as("kind"), col("scope"), col("bin_before").as("x"), col("bin_after").as("y"),
                        col("value"));
        Column changeBin = greatest(lit(-100), least(lit(99), floor(col("d_turnout_points")).cast("int")));
        Dataset<Row> histogram = matched.groupBy(changeBin.as("x")).agg(count(lit(1)).as("value"))
                .select(lit("changes").as("kind"), lit("national").as("scope"), col("x"), lit(0).as("y"),
                        col("value"));
        for (Row r : mapCells.unionByName(histogram).collectAsList()) {
            if (r.getString(0).equals("map")) {
                String scope = r.getString(1);
                map.add(new PanelResults.MapCell(scope, scope.equals("national") ? "" : scope, r.getInt(2),
                        r.getInt(3), r.getLong(4)));
            } else {
                changes[r.getInt(2) + 100] = r.getLong(4);
            }
        }
        // the nation first, then the regions in name order
        map.sort(Comparator.comparing((PanelResults.MapCell c) -> !c.scope().equals("national"))
                .thenComparing(PanelResults.MapCell::scope).thenComparingInt(PanelResults.MapCell::turnoutBefore)
                .thenComparingInt(PanelResults.MapCell::turnoutAfter));
    }

    /** The rows {@link UnitScores} scores: the later election's region and unit, the changes and what a list shows. */
    private static Dataset<Row> scoreRows(Dataset<Row> matched, boolean unitIsRegion) {
        Column shown = struct(SHOWN.stream().map(c -> col(c)).toArray(Column[]::new));
        return matched.select(col("a_region").as("region"), (unitIsRegion ? col("a_region") : col("a_district"))
                        .as("unit"), col(PanelSides.KEY).as("key"), col("a_file").as("file"),
                col("a_line").as("line"), col("y_turnout"), col("var_turnout"), col("y_share"), col("var_share"),
                shown.as("shown"));
    }
}
