package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.sanaq.SparkTestSession;
import org.sanaq.checks.ContentKeys;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.SpecialStations;
import org.sanaq.run.SharedScan;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.ProtocolSchema;

/**
 * The fold in the shared pass on a small table: other elections, sources, levels and reports left out, special
 * stations counted and left out, the nation as the merge of its regions, results independent of partitions, the
 * report's order and the max_rows guard.
 */
class DigitFoldTest {
    private static final DigitFold.Settings SETTINGS = new DigitFold.Settings("e", "official", "region", 50, 0.95,
            11, 100, DigitConvention.SANAQ, SpecialStations.EXCLUDE, List.of());
    /** The same with random groups of the sizes of North and South (60 precincts not marked special each). */
    private static final DigitFold.Settings GROUPED = new DigitFold.Settings("e", "official", "region", 50, 0.95,
            11, 100, DigitConvention.SANAQ, SpecialStations.EXCLUDE, List.of(60L, 60L));

    private static Row precinct(String region, long line, long registered, long issued, long a, long b,
            String special) {
        return protocol("e", "official", "precinct", region, line, registered, issued, a, b, special);
    }

    private static Row protocol(String election, String source, String level, String region, long line,
            long registered, long issued, long a, long b, String special) {
        Map<String, Object> v = new HashMap<>(Map.of("election", election, "source", source, "level", level,
                "region", region, "precinct", Long.toString(line), "registered", registered, "ballots_issued",
                issued, "valid", a + b, "_input", "p", "_file", "f.csv"));
        v.put("_line", line);
        v.put("special", special);
        // createDataFrame converts a java.util.Map cell itself, under Scala 2.12 and 2.13 alike
        v.put(ProtocolSchema.VOTES, Map.of("A", a, "B", b));
        Object[] values = Arrays.stream(ProtocolSchema.protocols().fields()).map(StructField::name).map(v::get)
                .toArray();
        return RowFactory.create(values);
    }

    private static Dataset<Row> table() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(precinct(i % 2 == 0 ? "North" : "South", i + 2, 1000 + i, 500 + 3 * i, 200 + 2 * i, 250 + i,
                    null));
        }
        rows.add(precinct("North", 500, 800, 700, 600, 50, "hospital"));
        // none of these is a final precinct protocol of election e from the official source
        rows.add(protocol("other", "official", "precinct", "North", 501, 800, 700, 600, 50, null));
        rows.add(protocol("e", "observer:x", "precinct", "North", 502, 800, 700, 600, 50, null));
        rows.add(protocol("e", "official", "region", "North", 503, 800, 700, 600, 50, null));
        return SparkTestSession.get().createDataFrame(rows, ProtocolSchema.protocols());
    }

    /** The fold's finished results over the table in the shared pass. */
    private static Map<UnitRow, RowStatistics.Result> fold(Dataset<Row> table) {
        return fold(table, SETTINGS);
    }

    private static Map<UnitRow, RowStatistics.Result> fold(Dataset<Row> table, DigitFold.Settings settings) {
        Map<UnitRow, RowStatistics.Result> out = new HashMap<>();
        SharedScan.run(table, List.of(new DigitFold(settings, Conventions.DEFAULT, ContentKeys.NONE))).get(0)
                .forEach((key, result) -> out.put((UnitRow) key, (RowStatistics.Result) result));
        return out;
    }

    @Test
    void resultsDoNotDependOnPartitionsAndTheNationSumsItsRegions() {
        Map<UnitRow, RowStatistics.Result> one = fold(table().repartition(1));
        Map<UnitRow, RowStatistics.Result> three = fold(table().repartition(3));
        // every statistic and bootstrap bound equal: draws are seeded per key. Sums of doubles may be added in
        // another order, so compare numbers to 1e-9 (relative) rather than bit for bit
        assertEquals(one.keySet(), three.keySet());
        one.forEach((key, x) -> {
            RowStatistics.Result y = three.get(key);
            assertEquals(x.special(), y.special(), key.toString());
            assertEquals(x.observations(), y.observations(), key.toString());
            assertEquals(x.sizes(), y.sizes(), key.toString());
            assertArrayEquals(x.digits().first(), y.digits().first(), key.toString());
            assertArrayEquals(x.digits().second(), y.digits().second(), key.toString());
            assertArrayEquals(x.digits().last(), y.digits().last(), key.toString());
            assertArrayEquals(x.digits().lastExpected(), y.digits().lastExpected(), 1e-12, key.toString());
            assertClose(x.dip(), y.dip(), key + " dip");
            for (DigitStatistic s : DigitStatistic.values()) {
                RowStatistics.Estimate e = x.estimate(s);
                RowStatistics.Estimate f = y.estimate(s);
                String where = key + " " + s;
                assertClose(e.value(), f.value(), where);
                assertClose(e.ciLow(), f.ciLow(), where);
                assertClose(e.ciHigh(), f.ciHigh(), where);
                assertClose(e.testP(), f.testP(), where);
                assertClose(e.ownExpected(), f.ownExpected(), where);
            }
        });
        assertEquals(9, one.size()); // (North, South, nation) × (turnout, A, B)
        RowStatistics.Result nationalTurnout = one.get(UnitRow.national(UnitRow.TURNOUT));
        assertEquals(120L, nationalTurnout.observations());
        assertEquals(1L, nationalTurnout.special());
        assertEquals(1L, one.get(new UnitRow("North", UnitRow.TURNOUT)).special());
        assertEquals(60L, one.get(new UnitRow("South", "A")).observations());
        assertEquals(120L, one.get(UnitRow.national("A")).size(DigitStatistic.Sample.AT_LEAST_10));
        // the nation's histograms are the sums of its regions'
        long[] north = one.get(new UnitRow("North", "B")).digits().last();
        long[] south = one.get(new UnitRow("South", "B")).digits().last();
        long[] nation = one.get(UnitRow.national("B")).digits().last();
        for (int d = 0; d < 10; d++) {
            assertEquals(north[d] + south[d], nation[d], "last digit " + d);
        }
    }

    /** Equal within 1e-9 (relative above 1); NaN only where NaN is expected. */
    private static void assertClose(double expected, double actual, String message) {
        assertEquals(expected, actual, Double.isNaN(expected) ? 0 : 1e-9 * Math.max(1, Math.abs(expected)), message);
    }

    @Test
    void rowsComeInTheReportsOrderAndMoreThanMaxRowsAreRefused() {
        Map<UnitRow, RowStatistics.Result> results = fold(table());
        assertEquals(List.of(UnitRow.national("turnout"), UnitRow.national("A"), UnitRow.national("B"),
                        new UnitRow("North", "turnout"), new UnitRow("North", "A"), new UnitRow("North", "B"),
                        new UnitRow("South", "turnout"), new UnitRow("South", "A"), new UnitRow("South", "B")),
                DigitTestsCheck.rows(results, 9).stream().map(RowStatistics.Result::key).toList());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DigitTestsCheck.rows(results, 8));
        assertEquals("digit_tests: more than 8 (unit, row) pairs; choose a coarser level", refused.getMessage());
    }

    @Test
    void randomGroupsHoldEveryPrecinctOnceWithTestsAndNoIntervalsAndLeaveTheRealRowsAlone() {
        Map<UnitRow, RowStatistics.Result> plain = fold(table());
        Map<UnitRow, RowStatistics.Result> grouped = fold(table().repartition(3), GROUPED);
        List<UnitRow> groups = grouped.keySet().stream().filter(UnitRow::randomGroup).sorted(UnitRow.ORDER).toList();
        assertEquals(List.of(UnitRow.group(0, "turnout"), UnitRow.group(0, "A"), UnitRow.group(0, "B"),
                UnitRow.group(1, "turnout"), UnitRow.group(1, "A"), UnitRow.group(1, "B")), groups);
        // each of the 120 precincts not marked special is in one group; the special one in none
        assertEquals(120L, grouped.get(UnitRow.group(0, "A")).observations()
                + grouped.get(UnitRow.group(1, "A")).observations());
        assertEquals(0L, grouped.get(UnitRow.group(0, "turnout")).special()
                + grouped.get(UnitRow.group(1, "turnout")).special());
        // 60 precincts of distinct counts leave the smooth null nothing to test; 2BL's test shows a group's tests
        // are computed and its intervals are not
        RowStatistics.Estimate secondDigit = grouped.get(UnitRow.group(0, "A"))
                .estimate(DigitStatistic.SECOND_DIGIT_MEAN);
        assertTrue(Double.isFinite(secondDigit.testP()), "a test p");
        assertTrue(Double.isNaN(secondDigit.ciLow()) && Double.isNaN(secondDigit.ciHigh()), "no bootstrap interval");
        // the groups do not depend on partitions, and the real rows are as without them
        Map<UnitRow, RowStatistics.Result> again = fold(table().repartition(1), GROUPED);
        groups.forEach(g -> assertArrayEquals(grouped.get(g).digits().last(), again.get(g).digits().last()));
        plain.forEach((key, x) -> assertEquals(x.estimate(DigitStatistic.LAST_DIGIT_MEAN),
                grouped.get(key).estimate(DigitStatistic.LAST_DIGIT_MEAN), key.toString()));
        // the groups come after the real rows and do not count against max_rows
        List<RowStatistics.Result> ordered = DigitTestsCheck.rows(grouped, 9);
        assertEquals(UnitRow.group(0, "turnout"), ordered.get(9).key());
    }

    @Test
    void theGroupsSizesAreTheRealUnitsPrecinctsNotMarkedSpecialFromTheElectionsFacts() {
        ElectionFacts facts = ElectionFacts.of(SharedScan.run(table(),
                List.of(ElectionFacts.fold(Conventions.DEFAULT))).get(0));
        // the hospital and the protocols of another election, source or level are not counted
        ElectionFacts.Stations read = facts.of("e", "official").stations(SpecialStations.EXCLUDE);
        assertEquals(Map.of("North", 60L, "South", 60L), read.precinctsPerUnit("region"));
        assertEquals(Map.of("", 120L), read.precinctsPerUnit("district"));
        // a check that includes the stations marked special groups the hospital too
        assertEquals(Map.of("North", 61L, "South", 60L), facts.of("e", "official")
                .stations(SpecialStations.INCLUDE).precinctsPerUnit("region"));
        assertEquals(1, facts.of("e", "official").special());
    }
}
