package org.sanaq.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.sanaq.checks.Aggregation;
import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.Selection;
import org.sanaq.schema.ProtocolSchema;

/**
 * Computes the aggregations of all checks together: aggregations with the same rows, grouping and candidate
 * flag become one Spark {@code agg} (one job), whose result row is sliced back to each aggregation by the
 * measures' names, as Deequ does with its analyzers.
 */
public final class FusedAggregations {
    private static final String SEPARATOR = "__";

    private FusedAggregations() {
    }

    /** Runs every aggregation; the result maps each aggregation's name to its groups. */
    public static AggregationResults run(Dataset<Row> protocols, List<Aggregation> aggregations) {
        Map<String, List<Aggregation>> fused = new LinkedHashMap<>();
        Map<String, Aggregation> byName = new HashMap<>();
        for (Aggregation a : aggregations) {
            if (byName.put(a.name(), a) != null) {
                throw new IllegalArgumentException("two aggregations are named " + a.name());
            }
            fused.computeIfAbsent(a.rowsKey() + "|" + a.groupBy() + "|" + a.perCandidate(), k -> new ArrayList<>())
                    .add(a);
        }
        Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
        for (List<Aggregation> group : fused.values()) {
            results.putAll(runGroup(protocols, group));
        }
        return new AggregationResults(results);
    }

    /**
     * The passes over the protocols {@link #run} takes: one per distinct rows, grouping and candidate flag of the
     * aggregations, and one per candidate flag of the selections.
     */
    public static int passes(List<Aggregation> aggregations, List<Selection> selections) {
        return (int) (aggregations.stream().map(a -> a.rowsKey() + "|" + a.groupBy() + "|" + a.perCandidate())
                .distinct().count() + selections.stream().map(Selection::perCandidate).distinct().count());
    }

    /**
     * Runs every aggregation and every selection; the result maps each one's name to its groups or rows. Selections
     * name rare rows (broken protocols, say): one pass keeps the rows any of them may name, and each selection then
     * sorts only those, instead of scanning every protocol once per selection.
     */
    public static AggregationResults run(Dataset<Row> protocols, List<Aggregation> aggregations,
            List<Selection> selections) {
        Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>(run(protocols, aggregations).byName());
        for (boolean perCandidate : new boolean[] {false, true}) {
            List<Selection> group = selections.stream().filter(s -> s.perCandidate() == perCandidate).toList();
            if (group.isEmpty()) {
                continue;
            }
            // A selection's filter may name a candidate's columns, so it applies after the rows are exploded.
            Column any = group.stream().map(Selection::rows).reduce(Column::or).orElseThrow();
            Dataset<Row> named = rows(protocols, lit(true), perCandidate).filter(any)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                for (Selection s : group) {
                    if (results.put(s.name(), select(named, s)) != null) {
                        throw new IllegalArgumentException("an aggregation and a selection are both named "
                                + s.name());
                    }
                }
            } finally {
                named.unpersist();
            }
        }
        return new AggregationResults(results);
    }

    private static List<Map<String, Object>> select(Dataset<Row> named, Selection s) {
        Dataset<Row> rows = named.filter(s.rows()).orderBy(s.order().toArray(Column[]::new))
                .select(s.columns().toArray(Column[]::new))
                .limit(s.limit());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row row : rows.collectAsList()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String column : row.schema().fieldNames()) {
                values.put(column, row.getAs(column));
            }
            out.add(values);
        }
        return out;
    }

    /** The protocols a filter keeps; with {@code perCandidate}, one row per protocol and candidate. */
    private static Dataset<Row> rows(Dataset<Row> protocols, Column filter, boolean perCandidate) {
        Dataset<Row> rows = protocols.filter(filter);
        if (perCandidate) {
            rows = rows.select(col("*"), explode(col(ProtocolSchema.VOTES))
                            .as(new String[] {Aggregation.CANDIDATE, Aggregation.CANDIDATE_VOTES}))
                    // apply, not getItem: Spark 3.5's getItem takes a literal key only, not a column
                    .withColumn(Aggregation.CANDIDATE_PCT,
                            col(ProtocolSchema.PUBLISHED_PCT).apply(col(Aggregation.CANDIDATE)));
        }
        return rows;
    }

    private static Map<String, List<Map<String, Object>>> runGroup(Dataset<Row> protocols, List<Aggregation> group) {
        Aggregation first = group.get(0);
        Dataset<Row> rows = rows(protocols, first.rows(), first.perCandidate());
        List<Column> measures = new ArrayList<>();
        for (Aggregation a : group) {
            for (Aggregation.Measure m : a.measures()) {
                measures.add(m.expression().as(a.name() + SEPARATOR + m.name()));
            }
        }
        int limit = group.stream().mapToInt(Aggregation::maxGroups).min().orElseThrow();
        Column[] keys = first.groupBy().stream().map(k -> col(k)).toArray(Column[]::new);
        List<Row> collected = rows.groupBy(keys)
                .agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new))
                .limit(limit + 1)
                .collectAsList();
        if (collected.size() > limit) {
            throw new IllegalStateException("the aggregation '" + first.name() + "' by " + first.groupBy()
                    + " has more than " + limit + " groups; it must be computed in Spark, not on the driver");
        }
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Aggregation a : group) {
            List<Map<String, Object>> slices = new ArrayList<>();
            for (Row row : collected) {
                Map<String, Object> slice = new LinkedHashMap<>();
                for (String key : a.groupBy()) {
                    slice.put(key, row.getAs(key));
                }
                for (Aggregation.Measure m : a.measures()) {
                    slice.put(m.name(), row.getAs(a.name() + SEPARATOR + m.name()));
                }
                slices.add(slice);
            }
            out.put(a.name(), slices);
        }
        return out;
    }
}
