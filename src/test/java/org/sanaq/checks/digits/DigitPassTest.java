package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.sanaq.SparkTestSession;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.ProtocolSchema;

/** The Spark pass on a small table: special stations left out, the nation as the sum of regions, partitions. */
class DigitPassTest {
    private static final DigitPass.Settings SETTINGS = new DigitPass.Settings("e", "official", "region", 50, 0.95,
            11, 1_000, 100);

    private static Row precinct(String region, long line, long registered, long issued, long a, long b,
            String special) {
        Map<String, Object> v = new HashMap<>(Map.of("election", "e", "source", "official", "level", "precinct",
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
        return SparkTestSession.get().createDataFrame(rows, ProtocolSchema.protocols());
    }

    /** The results keyed by unit and subject, histograms as lists so that maps compare by value. */
    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(r -> r.get(RowStatistics.UNIT) + "/" + r.get(RowStatistics.SUBJECT)))
                .forEach(r -> {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    r.forEach((k, x) -> copy.put(k, x instanceof long[] a ? Arrays.toString(a)
                            : x instanceof double[] d ? Arrays.toString(d) : x));
                    out.put(r.get(RowStatistics.UNIT) + "/" + r.get(RowStatistics.SUBJECT), copy);
                });
        return out;
    }

    @Test
    void resultsDoNotDependOnPartitionsAndTheNationSumsItsRegions() {
        Map<String, Map<String, Object>> one = byKey(DigitPass.run(table().repartition(1), Conventions.DEFAULT,
                SETTINGS));
        Map<String, Map<String, Object>> three = byKey(DigitPass.run(table().repartition(3), Conventions.DEFAULT,
                SETTINGS));
        // every statistic and bootstrap bound equal: weights are seeded per precinct and replicate. Sums of
        // doubles may be added in another order, so compare numbers to 1e-9 (relative) rather than bit for bit
        assertEquals(one.keySet(), three.keySet());
        one.forEach((key, row) -> row.forEach((k, x) -> {
            Object y = three.get(key).get(k);
            if (x instanceof Double d) {
                assertEquals(d, (Double) y, 1e-9 * Math.max(1, Math.abs(d)), key + " " + k);
            } else {
                assertEquals(x, y, key + " " + k);
            }
        }));
        assertEquals(9, one.size()); // (North, South, nation) × (turnout, A, B)
        assertEquals(120L, one.get("null/turnout").get(RowStatistics.OBS));
        assertEquals(1L, one.get("null/turnout").get(RowStatistics.SPECIAL));
        assertEquals(1L, one.get("North/turnout").get(RowStatistics.SPECIAL));
        assertEquals(60L, one.get("South/A").get(RowStatistics.OBS));
        assertEquals(120L, one.get("null/A").get(DigitStatistic.Sample.AT_LEAST_10.key));
    }
}
