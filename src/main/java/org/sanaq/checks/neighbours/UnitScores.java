package org.sanaq.checks.neighbours;

import java.io.Serializable;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.checks.ContentKeys;

/**
 * Scores of precincts against the other precincts of their unit, and the same scores within random groupings of
 * the same precincts (the placebo), computed in Spark with bounded results for the driver. Shared by the neighbour
 * comparison (a precinct's turnout and leader's share) and the panel (its changes between two elections).
 *
 * <p>The input has the columns {@link #COLUMNS}: region and unit (strings), a precinct key (string), file and line
 * of the protocol (string, long), two variables on the variance-stabilised scale with their binomial noise
 * variances (doubles: {@code y_turnout}, {@code var_turnout}, {@code y_share}, {@code var_share}), and {@code shown},
 * a struct of the figures a ranked list prints, passed through untouched.
 */
public final class UnitScores {
    /** The input's columns, in this order. */
    public static final List<String> COLUMNS = List.of("region", "unit", "key", "file", "line", "y_turnout",
            "var_turnout", "y_share", "var_share", "shown");

    private UnitScores() {
    }

    /**
     * How precincts are scored and how many groupings and listed precincts are kept.
     *
     * @param threshold an outlier's score (largest |z| of the two variables) is at least this
     * @param minNeighbours units with fewer other precincts than this are not tested
     * @param maxUnit units above this many precincts use the whole unit's median and MAD (no leave-one-out)
     * @param groupings random groupings of the placebo
     * @param seed the job's seed, mixed with each protocol's file content key and line
     * @param list how many of the highest real scores are kept with their rows
     */
    public record Settings(double threshold, int minNeighbours, int maxUnit, int groupings, long seed, int list)
            implements Serializable {
    }

    /**
     * Scores the rows in their units and in {@code settings.groupings()} random groupings within each region.
     * Helper B of issue 19 builds this (one shuffle, a bounded {@link ScoreSummary} per partition, reduced).
     */
    public static ScoreSummary compute(Dataset<Row> rows, Settings settings, ContentKeys keys) {
        throw new UnsupportedOperationException("UnitScores.compute: not built yet (issue 19, helper B)");
    }

    /**
     * What the driver receives. Grouping 0 is the real units, 1..R the random groupings.
     *
     * @param counts tested precincts, outliers and upward outliers per grouping and region
     * @param unitsTested real units with enough precincts to be tested
     * @param unitsTooSmall real units with too few
     * @param fallbackUnits real units too large for leave-one-out
     * @param realScores histogram of real scores (0.5-wide bins from 0 to 20, then one overflow bin)
     * @param placeboScores the same, pooled over the random groupings
     * @param top the highest real scores, highest first
     */
    public record ScoreSummary(List<RegionCount> counts, long unitsTested, long unitsTooSmall, long fallbackUnits,
            long[] realScores, long[] placeboScores, List<ScoredPrecinct> top) implements Serializable {
    }

    /** Tested precincts and outliers of one grouping (0 real) in one region. */
    public record RegionCount(int grouping, String region, long tested, long outliers, long outliersUp)
            implements Serializable {
    }

    /**
     * A real precinct's scores: its row's identity and shown figures, its unit's leave-one-out medians of the two
     * variables (on the input's scale), and its z of each.
     */
    public record ScoredPrecinct(String region, String unit, String key, String file, long line, Row shown,
            double medianTurnout, double medianShare, double zTurnout, double zShare, double score)
            implements Serializable {
    }
}
