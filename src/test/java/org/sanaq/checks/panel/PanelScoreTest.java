package org.sanaq.checks.panel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sanaq.checks.ContentKeys;
import org.sanaq.checks.PrecinctRows;
import org.sanaq.checks.SpecialStations;
import org.sanaq.checks.neighbours.OutlierCounts;
import org.sanaq.checks.neighbours.UnitScores;
import org.sanaq.schema.Conventions;

/**
 * The worked example of DESIGN19 §3.7: four other matched precincts, V = 1000 in both years, G 500 → 500, 510, 490,
 * 520, and a precinct 600 → 900, all in one district with the leader's share 60 % throughout.
 */
class PanelScoreTest {
    private static final long[][] TURNOUTS = {{500, 500}, {500, 510}, {500, 490}, {500, 520}, {600, 900}};

    private static Dataset<Row> protocols() {
        PrecinctRows before = new PrecinctRows();
        PrecinctRows after = new PrecinctRows();
        for (int i = 0; i < TURNOUTS.length; i++) {
            for (int e = 0; e < 2; e++) {
                long g = TURNOUTS[i][e];
                (e == 0 ? before : after).add("North", Integer.toString(i + 1), 1000, g, g, 0,
                        Map.of("A", g * 3 / 5, "B", g * 2 / 5), null);
            }
        }
        return before.dataset().withColumn("election", lit("b"))
                .unionByName(after.dataset().withColumn("election", lit("e")))
                .withColumn("district", lit("D1"));
    }

    private static PanelSides.Rules rules() {
        return new PanelSides.Rules("b", "e", "official", SpecialStations.EXCLUDE, Conventions.DEFAULT,
                List.of("region", "precinct"), Map.of(), 0.5);
    }

    @Test
    void changesAndTheirNoiseAreOnTheStabilisedScale() {
        List<Row> rows = PanelStatistics.withChanges(new PanelSides(rules()).joined(protocols(), "A", "A")
                        .where(col(PanelSides.STATUS).equalTo("matched")))
                .orderBy(col("a_precinct")).select("y_turnout", "var_turnout", "y_share", "d_turnout_points")
                .collectAsList();
        double[] expected = {0, 0.0100007, -0.0100007, 0.0200053, 1.249046 - 0.886077};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], rows.get(i).getDouble(0), 5e-7, "d of precinct " + (i + 1));
            assertEquals(0.0005, rows.get(i).getDouble(1), 1e-15, "1/4000 + 1/4000");
            assertEquals(0, rows.get(i).getDouble(2), 1e-12, "the share stays 60 %");
        }
        assertEquals(30.0, rows.get(4).getDouble(3), 1e-9, "60 % → 90 %");
    }

    @Test
    void theJumpScoresSixteenSpreadsAgainstItsDistrict() {
        UnitScores.Settings settings = new UnitScores.Settings(4, 4, 5000, 5, 1, 10);
        PanelResults results = PanelStatistics.compute(protocols(), rules(), new PanelStatistics.Settings("A", "A",
                false, List.of("North"), settings), ContentKeys.NONE);
        UnitScores.ScoredPrecinct top = results.scores().top().get(0);
        // m = 0.0050003, MAD = 0.0100007, (1.4826 MAD)² = 0.00021984 < 0.0005: spread² = 0
        assertEquals((0.362969 - 0.005000) / Math.sqrt(0.0005), top.zTurnout(), 2e-4);
        assertEquals(16.01, top.score(), 0.005);
        assertEquals("5", PanelFigures.Jump.of(top).precinct());
        assertEquals(90.0, PanelFigures.Jump.of(top).turnoutAfter(), 1e-12);
        assertEquals(1, new OutlierCounts(results.scores(), 5).nation().outliers());
        assertEquals(5, results.nation().matched());
    }
}
