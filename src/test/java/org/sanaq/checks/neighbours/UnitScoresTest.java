package org.sanaq.checks.neighbours;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sanaq.SparkTestSession;
import org.sanaq.checks.ContentKeys;
import org.sanaq.checks.neighbours.UnitScores.RegionCount;
import org.sanaq.checks.neighbours.UnitScores.ScoreSummary;
import org.sanaq.run.SparkJobCount;

/**
 * {@link UnitScores} in Spark on a hand-made table: a district of seven precincts (the worked example's five, one
 * of G = 900 and one small one of G = 15 of 20, all with the leader at 60 %), a district of four (too small with
 * five neighbours needed) and one precinct without a district. The expected z of the 900 precinct against its six
 * neighbours (20.6194) was computed independently in Python (statistics.median).
 */
class UnitScoresTest {
    private static final StructType SHOWN = new StructType().add("V", DataTypes.LongType).add("G", DataTypes.LongType);
    private static final StructType SCHEMA = new StructType().add("region", DataTypes.StringType)
            .add("unit", DataTypes.StringType).add("key", DataTypes.StringType).add("file", DataTypes.StringType)
            .add("line", DataTypes.LongType).add("y_turnout", DataTypes.DoubleType)
            .add("var_turnout", DataTypes.DoubleType).add("y_share", DataTypes.DoubleType)
            .add("var_share", DataTypes.DoubleType).add("shown", SHOWN);
    private static final UnitScores.Settings SETTINGS = new UnitScores.Settings(4, 5, 5000, 20, 1, 3);

    /** The table in this many partitions; 0: as made, without a shuffle of its own. */
    private static Dataset<Row> rows(int partitions) {
        List<Row> rows = new ArrayList<>();
        long[][] big = {{1000, 500}, {1000, 520}, {1000, 480}, {1000, 510}, {1000, 490}, {1000, 900}, {20, 15}};
        for (long[] p : big) {
            rows.add(row("D1", p[0], p[1], rows.size() + 2));
        }
        for (long g : new long[] {400, 410, 420, 800}) {
            rows.add(row("D2", 1000, g, rows.size() + 2));
        }
        rows.add(row(null, 1000, 500, rows.size() + 2));
        Dataset<Row> table = SparkTestSession.get().createDataFrame(rows, SCHEMA);
        return partitions == 0 ? table : table.repartition(partitions);
    }

    /** A precinct of region A with V voters, G ballots and the leader at 60 % of them. */
    private static Row row(String unit, long v, long g, long line) {
        return RowFactory.create("A", unit, "A/" + line, "protocols.csv", line,
                NeighbourScore.stabilised((double) g / v), NeighbourScore.noise(v), NeighbourScore.stabilised(0.6),
                NeighbourScore.noise(g), RowFactory.create(v, g));
    }

    @Test
    void theRealUnitsFlagThePrecinctFarAboveItsNeighbours() {
        ScoreSummary s = UnitScores.compute(rows(1), SETTINGS, ContentKeys.NONE);
        assertEquals(new RegionCount(0, "A", 7, 1, 1), s.counts().get(0));
        assertEquals(1, s.unitsTested());
        assertEquals(1, s.unitsTooSmall());
        assertEquals(0, s.fallbackUnits());
        assertEquals(12, s.precincts());
        assertEquals(1, s.withoutUnit());
        UnitScores.ScoredPrecinct first = s.top().get(0);
        assertEquals("protocols.csv", first.file());
        assertEquals(7, first.line());
        assertEquals(900L, first.shown().getLong(1));
        // the design's worked example: against the five other precincts of 1,000 voters (the one of 20 voters is
        // no yardstick), median 500 of 1,000, spread 0 beside binomial noise: z = 29.32 (Python: 29.323649522674653)
        assertEquals(29.3236, first.score(), 1e-4);
        assertEquals(29.3236, first.zTurnout(), 1e-4);
        assertEquals(0.0, first.zShare(), 1e-12);
        // its neighbours' median turnout: 500 of 1000, 50 % back from the stabilised scale
        assertEquals(0.5, Math.pow(Math.sin(first.medianTurnout()), 2), 1e-9);
        assertEquals(3, s.top().size());
        assertEquals(Map.of("A", first), s.regionsBest(), "each region's best, kept whatever the list's length");
        // the next: the small precinct at 75 % against all six of 1,000 voters (z 2.2747), then 480 of 1000
        // against the other five (z −1.8977)
        assertEquals(2.2747, s.top().get(1).score(), 1e-4);
        assertEquals(1.8977, s.top().get(2).score(), 1e-4);
        assertEquals(1, s.realScores()[ScoreTally.BINS - 1]);
        assertEquals(7, Arrays.stream(s.realScores()).sum());
    }

    @Test
    void aUnitAboveTheLeaveOneOutSizeIsScoredAgainstItsWholeMedian() {
        ScoreSummary s = UnitScores.compute(rows(1), new UnitScores.Settings(4, 5, 6, 20, 1, 3), ContentKeys.NONE);
        assertEquals(1, s.fallbackUnits());
        // against the whole yardstick, the six of 1,000 voters: median 505 of 1000, the 900 precinct included in
        // the MAD (Python: 20.619430006787482)
        assertEquals(20.6194, s.top().get(0).score(), 1e-4);
    }

    @Test
    void twoSparkJobsWhateverTheGroupings() {
        // not repartitioned: a shuffle in the input's own plan would be a job of its own under adaptive execution
        Dataset<Row> rows = rows(0);
        SparkJobCount.Counting counting = SparkJobCount.on(SparkTestSession.get().sparkContext()).begin();
        UnitScores.compute(rows, SETTINGS, ContentKeys.NONE);
        SparkJobCount.Jobs jobs = counting.end();
        assertTrue(jobs.exact());
        assertEquals(2, jobs.count(), "the sizes' collect and the scores' fold");
    }

    @Test
    void groupingsWithinStrataOfOneDistrictReproduceTheRealUnits() {
        // two strata of median turnout: D2 (400–800 of 1000) below D1, each alone in its stratum, so every random
        // grouping puts each precinct back with its own district's
        ScoreSummary s = UnitScores.compute(rows(2), new UnitScores.Settings(4, 5, 5000, 20, 1, 3, 2),
                ContentKeys.NONE);
        for (int r = 1; r <= 20; r++) {
            assertEquals(new RegionCount(r, "A", 7, 1, 1), s.counts().get(r), "grouping " + r);
        }
        assertEquals(21, s.counts().size());
    }

    @Test
    void partitionsDoNotChangeAnything() {
        ScoreSummary one = UnitScores.compute(rows(1), SETTINGS, ContentKeys.NONE);
        ScoreSummary three = UnitScores.compute(rows(3), SETTINGS, ContentKeys.NONE);
        assertEquals(one.counts(), three.counts());
        assertArrayEquals(one.realScores(), three.realScores());
        assertArrayEquals(one.placeboScores(), three.placeboScores());
        assertEquals(one.top(), three.top());
    }

    @Test
    void theSeedDecidesTheRandomGroupings() {
        List<RegionCount> once = placebo(UnitScores.compute(rows(2), SETTINGS, ContentKeys.NONE));
        List<RegionCount> again = placebo(UnitScores.compute(rows(3), SETTINGS, ContentKeys.NONE));
        UnitScores.Settings other = new UnitScores.Settings(4, 5, 5000, 20, 2, 3);
        List<RegionCount> otherSeed = placebo(UnitScores.compute(rows(2), other, ContentKeys.NONE));
        assertEquals(once, again);
        assertNotEquals(once, otherSeed);
        // the pooled placebo histogram holds every precinct tested in a random group
        ScoreSummary s = UnitScores.compute(rows(1), SETTINGS, ContentKeys.NONE);
        assertEquals(placebo(s).stream().mapToLong(RegionCount::tested).sum(),
                Arrays.stream(s.placeboScores()).sum());
    }

    private static List<RegionCount> placebo(ScoreSummary s) {
        return s.counts().stream().filter(c -> c.grouping() > 0).toList();
    }

}
