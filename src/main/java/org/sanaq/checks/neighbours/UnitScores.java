package org.sanaq.checks.neighbours;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.checks.ContentKeys;
import org.sanaq.checks.ProtocolUniform;
import org.sanaq.checks.RandomGroupings;

import scala.Tuple2;

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
     * @param strata the random groupings keep a precinct among the units of its region whose median turnout is in
     *     the same of this many strata ({@link UnitSizes}); 1: among all the region's units
     * @param referenceVoters a precinct of fewer voters is scored against its unit but is no yardstick of the others
     *     ({@link UnitScoring})
     */
    public record Settings(double threshold, int minNeighbours, int maxUnit, int groupings, long seed, int list,
            int strata, double referenceVoters) implements Serializable {
        /** A precinct of fewer voters than this is scored but is no yardstick for others (ships, hospitals). */
        public static final double REFERENCE_VOTERS = 100;

        /** Groupings among all the units of a region (one stratum). */
        public Settings(double threshold, int minNeighbours, int maxUnit, int groupings, long seed, int list) {
            this(threshold, minNeighbours, maxUnit, groupings, seed, list, 1);
        }

        /** Groupings within this many strata, the default yardstick size. */
        public Settings(double threshold, int minNeighbours, int maxUnit, int groupings, long seed, int list,
                int strata) {
            this(threshold, minNeighbours, maxUnit, groupings, seed, list, strata, REFERENCE_VOTERS);
        }

        /**
         * The largest noise variance of a yardstick precinct: that of a proportion of {@code referenceVoters}
         * (1 / 4n on the stabilised scale); a change between two elections, whose variance is the sum of two,
         * needs about twice as many voters in each.
         */
        double maxReferenceNoise() {
            return 1 / (4 * referenceVoters);
        }
    }

    /**
     * Scores the rows in their units and in {@code settings.groupings()} random groupings within each region, in
     * exactly two Spark jobs: (1) the precincts and median turnout of each (region, unit) are computed and collected
     * (as many rows as units), and the driver draws each region's random groupings over those sizes, within strata
     * of median turnout ({@link UnitSizes}); (2) each row with a unit is copied into its real unit (grouping 0) and into its random
     * group of each grouping r = 1..R, whose group comes from the row's own uniform ({@link ProtocolUniform} of the
     * seed, its file's content key, its line and {@link #GROUPING_STREAM} + r), so it does not depend on partitions;
     * the copies are grouped by (grouping, region, group), each group is scored ({@link UnitScoring}), each
     * partition's scores are tallied ({@link ScoreTally}) and the tallies are merged into one, whatever their
     * number. No cache: the second job reads the input again.
     */
    public static ScoreSummary compute(Dataset<Row> rows, Settings settings, ContentKeys keys) {
        JavaRDD<Member> members = rows.select(COLUMNS.stream().map(Column::new).toArray(Column[]::new)).javaRDD()
                .map(Member::of);
        List<UnitSizes.Sized> sized = members.mapToPair(m -> new Tuple2<>(new Tuple2<>(m.region(), m.unit()),
                        m.yTurnout()))
                .groupByKey()
                .map(t -> sized(t._1()._1(), t._1()._2(), t._2()))
                .collect();
        UnitSizes sizes = new UnitSizes(sized, settings.strata());
        ScoreTally tally = members.filter(m -> !m.unit().isBlank())
                .flatMapToPair(m -> copies(m, sizes, settings, keys))
                .groupByKey()
                .mapPartitions(groups -> tally(groups, settings))
                .fold(new ScoreTally(settings.threshold(), settings.list()), ScoreTally::merge);
        return tally.summary(sizes.precincts(), sizes.withoutUnit());
    }

    /** The subject of a precinct's uniform for its group in random grouping r: this followed by r. */
    public static final String GROUPING_STREAM = "\u0000neighbours ";

    /** A unit's precincts and median turnout, from its precincts' turnouts. */
    private static UnitSizes.Sized sized(String region, String unit, Iterable<Double> turnouts) {
        List<Double> values = new ArrayList<>();
        turnouts.forEach(values::add);
        return new UnitSizes.Sized(region, unit, values.size(),
                LeaveOneOut.median(values.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** The group of a member in one random grouping of its region, by its own uniform. */
    private static int groupOf(Member m, RandomGroupings groupings, int grouping, long seed, ContentKeys keys) {
        return groupings.groupOf(ProtocolUniform.of(seed, keys.of(m.file()), m.line(), GROUPING_STREAM + grouping));
    }

    /** A member in its real unit and in its group of every random grouping of its region's stratum. */
    private static Iterator<Tuple2<GroupKey, Member>> copies(Member m, UnitSizes sizes, Settings settings,
            ContentKeys keys) {
        List<Tuple2<GroupKey, Member>> out = new ArrayList<>(settings.groupings() + 1);
        out.add(new Tuple2<>(new GroupKey(0, m.region(), m.unit()), m));
        int stratum = sizes.stratum(m.region(), m.unit());
        RandomGroupings groupings = sizes.of(m.region(), stratum);
        Member copy = m.placeboCopy();
        for (int r = 1; r <= settings.groupings(); r++) {
            int group = groupOf(m, groupings, r, settings.seed(), keys);
            out.add(new Tuple2<>(new GroupKey(r, m.region(), stratum + "/" + group), copy));
        }
        return out.iterator();
    }

    /** One partition's groups, scored and tallied into one tally. */
    private static Iterator<ScoreTally> tally(Iterator<Tuple2<GroupKey, Iterable<Member>>> groups,
            Settings settings) {
        ScoreTally tally = new ScoreTally(settings.threshold(), settings.list());
        groups.forEachRemaining(g -> {
            List<Member> members = new ArrayList<>();
            g._2().forEach(members::add);
            tally.add(g._1().grouping(), members, settings.minNeighbours(), settings.maxUnit(),
                    settings.maxReferenceNoise());
        });
        return List.of(tally).iterator();
    }

    /** Where a copy of a precinct is scored: its grouping (0 real), its region and its unit or random group. */
    private record GroupKey(int grouping, String region, String group) implements Serializable {
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
     * @param precincts the input's rows
     * @param withoutUnit of them, those without a unit (blank), neither scored nor grouped
     * @param regionsBest each region's highest real score (a region whose best is not among {@code top} still has
     *     its own to name)
     */
    public record ScoreSummary(List<RegionCount> counts, long unitsTested, long unitsTooSmall, long fallbackUnits,
            long[] realScores, long[] placeboScores, List<ScoredPrecinct> top, long precincts, long withoutUnit,
            Map<String, ScoredPrecinct> regionsBest) implements Serializable {

        /** A summary without regions' own best scores (made by hand in tests). */
        public ScoreSummary(List<RegionCount> counts, long unitsTested, long unitsTooSmall, long fallbackUnits,
                long[] realScores, long[] placeboScores, List<ScoredPrecinct> top, long precincts, long withoutUnit) {
            this(counts, unitsTested, unitsTooSmall, fallbackUnits, realScores, placeboScores, top, precincts,
                    withoutUnit, Map.of());
        }
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
