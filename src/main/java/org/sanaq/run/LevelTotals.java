package org.sanaq.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolSchema;

/**
 * Derives district, region and national protocols as sums of precinct protocols, for sources that publish only
 * precincts (the Russian CEC files). A derived total is null when any precinct did not report the line. Derived
 * rows have input {@code derived} and say in {@code document_ref} how many precincts they sum.
 */
public final class LevelTotals {
    public static final String DERIVED = "derived";

    private LevelTotals() {
    }

    /**
     * The derived rows for each level (one per unit, so few; the caller may cache them). Preliminary reports
     * are not summed.
     */
    public static Dataset<Row> derived(Dataset<Row> protocols, List<Level> levels, String country) {
        Dataset<Row> precincts = protocols.filter(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id())
                .and(col(Field.REPORTED_AT.column()).isNull()));
        Dataset<Row> out = null;
        for (Level level : levels) {
            Dataset<Row> rows = derive(precincts, level, country);
            out = out == null ? rows : out.unionByName(rows);
        }
        return out;
    }

    private static Dataset<Row> derive(Dataset<Row> precincts, Level level, String country) {
        List<Column> keys = new ArrayList<>(List.of(col(Field.ELECTION.column()), col(Field.SOURCE.column())));
        if (level != Level.NATIONAL) {
            keys.add(col(Field.REGION.column()));
        }
        if (level == Level.DISTRICT) {
            keys.add(col(Field.DISTRICT.column()));
        }
        Column[] keyArray = keys.toArray(Column[]::new);
        List<Column> sums = new ArrayList<>();
        for (Field f : Field.values()) {
            if (f.kind() == Field.Kind.COUNT) {
                sums.add(total(col(f.column())).as(f.column()));
            }
        }
        sums.add(count(lit(1)).as("_precincts"));
        Dataset<Row> totals = precincts.groupBy(keyArray).agg(sums.get(0), sums.subList(1, sums.size())
                .toArray(Column[]::new));
        Dataset<Row> votes = precincts
                .select(col(Field.ELECTION.column()), col(Field.SOURCE.column()), col(Field.REGION.column()),
                        col(Field.DISTRICT.column()), explode(col(ProtocolSchema.VOTES)).as(new String[] {"k", "v"}))
                .groupBy(append(keys, col("k")))
                .agg(total(col("v")).as("v"))
                .groupBy(keyArray)
                .agg(map_from_entries(collect_list(struct(col("k"), col("v")))).as(ProtocolSchema.VOTES));
        String[] joinKeys = keys.stream().map(Column::toString).toArray(String[]::new);
        Dataset<Row> joined = totals.join(votes, joinKeys);
        if (level == Level.NATIONAL) {
            joined = joined.withColumn(Field.REGION.column(), lit(country));
        }
        if (level != Level.DISTRICT) {
            joined = joined.withColumn(Field.DISTRICT.column(), lit(null).cast("string"));
        }
        return joined
                .withColumn(Field.LEVEL.column(), lit(level.id()))
                .withColumn(Field.DOCUMENT_REF.column(),
                        concat(lit("sum of "), col("_precincts").cast("string"), lit(" precinct protocols")))
                .withColumn(ProtocolSchema.PUBLISHED_PCT, map().cast("map<string,string>"))
                .withColumn(ProtocolSchema.LINES, map().cast("map<string,bigint>"))
                .withColumn(ProtocolSchema.CONFIDENCE, map().cast("map<string,double>"))
                .withColumn(ProtocolSchema.INPUT, lit(DERIVED))
                .withColumn(ProtocolSchema.FILE, lit(DERIVED))
                .withColumn(ProtocolSchema.LINE, lit(0L))
                .select(canonicalColumns(joined.columns()));
    }

    private static Column[] append(List<Column> keys, Column extra) {
        List<Column> all = new ArrayList<>(keys);
        all.add(extra);
        return all.toArray(Column[]::new);
    }

    /** The canonical columns in order; those a derived row has no value for (precinct, special, ...) are null. */
    private static Column[] canonicalColumns(String[] present) {
        List<String> have = new ArrayList<>(List.of(present));
        have.addAll(List.of(Field.LEVEL.column(), Field.DOCUMENT_REF.column(), ProtocolSchema.PUBLISHED_PCT,
                ProtocolSchema.LINES, ProtocolSchema.CONFIDENCE, ProtocolSchema.INPUT, ProtocolSchema.FILE,
                ProtocolSchema.LINE, Field.REGION.column(), Field.DISTRICT.column()));
        List<Column> cols = new ArrayList<>();
        for (StructField f : ProtocolSchema.protocols().fields()) {
            cols.add(have.contains(f.name()) ? col(f.name()) : lit(null).cast(f.dataType()).as(f.name()));
        }
        return cols.toArray(Column[]::new);
    }

    /** A sum that is null ("not reported") when any protocol in the group did not report the value. */
    private static Column total(Column value) {
        return when(count(value).equalTo(count(lit(1))), sum(value));
    }
}
