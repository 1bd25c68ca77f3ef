package org.sanaq.compare;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolSchema;

/**
 * The Spark side of the official-vs-observer comparison: from {@link ProtocolPairs}, the bounded results the
 * judge needs. Per source: pairs matched, identical, differing (with and without low-confidence readings), per
 * field; per source and candidate: totals, gains and losses; per district and candidate: official and
 * substituted votes; per district: coverage; and capped lists (largest discrepancies, unmatched copies,
 * disagreeing copies, scatter points, claims), each with its full count. Nothing per precinct reaches the driver
 * uncapped.
 */
public final class PairStatistics {
    public static final String SOURCES = "sources";
    public static final String CANDIDATES = "candidates";
    public static final String DISTRICT_VOTES = "district_votes";
    public static final String COVERAGE = "coverage";
    public static final String LARGEST = "largest";
    public static final String UNMATCHED = "unmatched";
    public static final String CONFLICTS = "conflicts";
    public static final String POINTS = "points";
    public static final String CLAIMS = "claims";
    /** Lists are capped; the full count of each is in the row {@code <name>_count}. */
    public static final String COUNT_SUFFIX = "_count";
    /** More districts × candidates than this means the data are not what the check expects. */
    private static final int MAX_UNIT_ROWS = 2_000_000;
    private static final String VOTES_O = ProtocolPairs.OFFICIAL + ProtocolSchema.VOTES;
    private static final String VOTES_C = ProtocolPairs.COPY + ProtocolSchema.VOTES;
    private static final String KEYS = "array_union(map_keys(" + VOTES_O + "), map_keys(" + VOTES_C + "))";

    private PairStatistics() {
    }

    /** Every bounded result, by name. */
    public static Map<String, List<Map<String, Object>>> compute(ProtocolPairs matching, double lowConfidence,
            int largest, int listCap, int scatterCap) {
        Dataset<Row> pairs = withDifferences(matching.pairs(), lowConfidence);
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put(SOURCES, collect(perSource(pairs), MAX_UNIT_ROWS));
        Dataset<Row> cells = candidateCells(pairs);
        out.put(CANDIDATES, collect(cells.groupBy(col(ProtocolPairs.COPY_SOURCE), col(ProtocolPairs.LOWER_BOUND),
                col("candidate")).agg(
                        count(lit(1)).as("pairs"),
                        sum(col("official")).as("official_total"),
                        sum(col("observer")).as("observer_total"),
                        sum(when(col("official").gt(col("observer")), 1).otherwise(0)).as("gained"),
                        sum(when(col("official").lt(col("observer")), 1).otherwise(0)).as("lost"),
                        sum(when(col("official").gt(col("observer")).and(col("confident")), 1).otherwise(0))
                                .as("gained_confident"),
                        sum(when(col("official").lt(col("observer")).and(col("confident")), 1).otherwise(0))
                                .as("lost_confident")), MAX_UNIT_ROWS));
        out.put(DISTRICT_VOTES, collect(districtVotes(matching.official(), pairs), MAX_UNIT_ROWS));
        out.put(COVERAGE, collect(coverage(matching.official(), pairs), MAX_UNIT_ROWS));
        // a lower-bound source differs by design; its flag is observer > official, listed by the judge
        Dataset<Row> differing = pairs.filter(col("differing").and(col(ProtocolPairs.LOWER_BOUND).unary_$bang()));
        capped(out, LARGEST, differing.orderBy(col("abs_difference").desc(), col(ProtocolPairs.OFFICIAL_ID),
                col(ProtocolPairs.COPY_ID)).select(listed(pairs)), largest);
        Dataset<Row> unmatched = matching.unmatched();
        capped(out, UNMATCHED, unmatched.orderBy(col(Field.SOURCE.column()), col(Field.REGION.column()),
                col(Field.DISTRICT.column()), col(Field.PRECINCT.column()), col(ProtocolSchema.LINE))
                .select(col(Field.SOURCE.column()), col(Field.LEVEL.column()), col(Field.REGION.column()),
                        col(Field.DISTRICT.column()), col(Field.PRECINCT.column()), col(Field.DOCUMENT_REF.column()),
                        col(ProtocolSchema.FILE), col(ProtocolSchema.LINE)), listCap);
        capped(out, CONFLICTS, matching.conflicts().orderBy(col(Field.REGION.column()), col(Field.DISTRICT.column()),
                col(Field.PRECINCT.column())), listCap);
        capped(out, POINTS, cells.filter(col(ProtocolPairs.LOWER_BOUND).unary_$bang())
                .orderBy(abs(col("official").minus(col("observer"))).desc(), col(ProtocolPairs.OFFICIAL_ID),
                        col("candidate"))
                .select(col("candidate"), col("official"), col("observer")), scatterCap);
        Dataset<Row> claims = matching.claimPairs()
                .select(col(Field.LEVEL.column()), col(Field.REGION.column()), col(Field.DISTRICT.column()),
                        col(ProtocolPairs.COPY_SOURCE), col(Field.DOCUMENT_REF.column()), col(VOTES_O),
                        explode(col(VOTES_C)).as(new String[] {"candidate", "claimed"}))
                // apply, not getItem: Spark 3.5's getItem takes a literal key only, not a column
                .withColumn("official", col(VOTES_O).apply(col("candidate")))
                .drop(VOTES_O)
                .orderBy(col(Field.REGION.column()), col(Field.DISTRICT.column()), col(ProtocolPairs.COPY_SOURCE),
                        col("candidate"));
        capped(out, CLAIMS, claims, listCap);
        return out;
    }

    /** Adds {@code differences} (text), {@code abs_difference}, {@code differing} and {@code confident}. */
    static Dataset<Row> withDifferences(Dataset<Row> pairs, double lowConfidence) {
        Column total = expr("aggregate(" + KEYS + ", 0L, (acc, k) -> acc + coalesce(abs(" + VOTES_O + "[k] - "
                + VOTES_C + "[k]), 0L))");
        List<String> parts = new ArrayList<>();
        for (String f : ProtocolPairs.COUNT_FIELDS) {
            String o = ProtocolPairs.OFFICIAL + f;
            String c = ProtocolPairs.COPY + f;
            total = total.plus(coalesce(abs(col(o).minus(col(c))), lit(0L)));
            parts.add("CASE WHEN " + o + " != " + c + " THEN concat('" + f + " ', " + o + ", ' vs ', " + c
                    + ") END");
        }
        parts.add("concat_ws('; ', transform(" + KEYS + ", k -> CASE WHEN " + VOTES_O + "[k] != " + VOTES_C
                + "[k] THEN concat(k, ' ', " + VOTES_O + "[k], ' vs ', " + VOTES_C + "[k]) END))");
        return pairs.withColumn("abs_difference", total)
                .withColumn("differing", col("abs_difference").gt(0))
                .withColumn("differences", expr("concat_ws('; ', " + String.join(", ", parts) + ")"))
                .withColumn("confident", coalesce(col(Field.READING_CONFIDENCE.column()).geq(lowConfidence),
                        lit(true)));
    }

    private static Dataset<Row> perSource(Dataset<Row> pairs) {
        List<Column> measures = new ArrayList<>(List.of(
                count(lit(1)).as("pairs"),
                sum(when(col("differing"), 0).otherwise(1)).as("identical"),
                sum(when(col("differing"), 1).otherwise(0)).as("differing"),
                sum(when(col("differing").and(col("confident").unary_$bang()), 1).otherwise(0))
                        .as("differing_low_confidence")));
        for (String f : ProtocolPairs.COUNT_FIELDS) {
            Column o = col(ProtocolPairs.OFFICIAL + f);
            Column c = col(ProtocolPairs.COPY + f);
            measures.add(count(o.minus(c)).as(f + "__compared"));
            measures.add(sum(when(o.notEqual(c), 1).otherwise(0)).as(f + "__differing"));
            measures.add(sum(o.minus(c)).as(f + "__difference"));
        }
        return pairs.groupBy(col(ProtocolPairs.COPY_SOURCE), col(ProtocolPairs.LOWER_BOUND))
                .agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new));
    }

    /** One row per pair and candidate reported on both sides: official, observer, confident. */
    private static Dataset<Row> candidateCells(Dataset<Row> pairs) {
        return pairs.select(col(ProtocolPairs.COPY_SOURCE), col(ProtocolPairs.LOWER_BOUND),
                        col(ProtocolPairs.OFFICIAL_ID), col("confident"), col(VOTES_O), col(VOTES_C),
                        explode(expr(KEYS)).as("candidate"))
                .withColumn("official", col(VOTES_O).apply(col("candidate")))
                .withColumn("observer", col(VOTES_C).apply(col("candidate")))
                .filter(col("official").isNotNull().and(col("observer").isNotNull()))
                .drop(VOTES_O, VOTES_C);
    }

    /**
     * Per district and candidate: official votes over the official precinct protocols, and the same with the
     * observer figure substituted where a copy exists (one copy per precinct, the first by source and file
     * line; lower-bound copies are not counts of everyone and are never substituted).
     */
    private static Dataset<Row> districtVotes(Dataset<Row> official, Dataset<Row> pairs) {
        Dataset<Row> chosen = pairs.filter(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id())
                        .and(col(ProtocolPairs.LOWER_BOUND).unary_$bang()))
                .withColumn("_n", row_number().over(Window.partitionBy(col(ProtocolPairs.OFFICIAL_ID))
                        .orderBy(col(ProtocolPairs.COPY_SOURCE), col(ProtocolPairs.COPY_ID))))
                .filter(col("_n").equalTo(1))
                .select(col(ProtocolPairs.OFFICIAL_ID), col(VOTES_C));
        return precincts(official)
                .join(chosen, ProtocolPairs.OFFICIAL_ID, "left")
                .select(col(Field.REGION.column()), col(Field.DISTRICT.column()), col(VOTES_C),
                        explode(col(ProtocolSchema.VOTES)).as(new String[] {"candidate", "official"}))
                .withColumn("substituted", coalesce(col(VOTES_C).apply(col("candidate")), col("official")))
                .groupBy(col(Field.REGION.column()), col(Field.DISTRICT.column()), col("candidate"))
                .agg(sum(col("official")).as("official"), sum(col("substituted")).as("substituted"));
    }

    /** Per district: precincts and registered voters, in all and with a full copy (not a lower bound). */
    private static Dataset<Row> coverage(Dataset<Row> official, Dataset<Row> pairs) {
        Dataset<Row> covered = pairs.filter(col(ProtocolPairs.LOWER_BOUND).unary_$bang())
                .select(col(ProtocolPairs.OFFICIAL_ID)).distinct()
                .withColumn("_covered", lit(true));
        return precincts(official).join(covered, ProtocolPairs.OFFICIAL_ID, "left")
                .groupBy(col(Field.REGION.column()), col(Field.DISTRICT.column()))
                .agg(count(lit(1)).as("precincts"),
                        sum(col(Field.REGISTERED.column())).as("registered"),
                        count(col("_covered")).as("precincts_with_copy"),
                        sum(when(col("_covered"), col(Field.REGISTERED.column()))).as("registered_with_copy"));
    }

    private static Dataset<Row> precincts(Dataset<Row> official) {
        return official.filter(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id()))
                .withColumn(ProtocolPairs.OFFICIAL_ID, org.apache.spark.sql.functions.concat_ws(":",
                        col(ProtocolSchema.INPUT), col(ProtocolSchema.FILE), col(ProtocolSchema.LINE).cast("string")));
    }

    private static Column[] listed(Dataset<Row> pairs) {
        return new Column[] {col(ProtocolPairs.COPY_SOURCE), col(Field.LEVEL.column()), col(Field.REGION.column()),
            col(Field.DISTRICT.column()), col(Field.PRECINCT.column()), col(Field.DOCUMENT_REF.column()),
            col(Field.READING_CONFIDENCE.column()), col("confident"), col(ProtocolPairs.LOWER_BOUND),
            col("abs_difference"), col("differences")};
    }

    private static void capped(Map<String, List<Map<String, Object>>> out, String name, Dataset<Row> rows,
            int cap) {
        out.put(name, maps(rows.limit(cap).collectAsList()));
        out.put(name + COUNT_SUFFIX, List.of(Map.of("count", rows.count())));
    }

    /** Collects grouped rows, refusing more than {@code limit}: they must stay in Spark. */
    private static List<Map<String, Object>> collect(Dataset<Row> rows, int limit) {
        List<Row> collected = rows.limit(limit + 1).collectAsList();
        if (collected.size() > limit) {
            throw new IllegalStateException("more than " + limit + " groups; they must be computed in Spark");
        }
        return maps(collected);
    }

    private static List<Map<String, Object>> maps(List<Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            StructField[] fields = r.schema().fields();
            for (int i = 0; i < fields.length; i++) {
                m.put(fields[i].name(), r.get(i));
            }
            out.add(m);
        }
        return out;
    }
}
