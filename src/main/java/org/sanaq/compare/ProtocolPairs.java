package org.sanaq.compare;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.run.LevelTotals;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolSchema;

/**
 * Official × observer matching in Spark (METHODS.md §2). Official protocols are the rows of the official source;
 * copies are rows of {@code observer:*} sources read from job inputs (not sums sanaq derived). A copy matches the
 * official protocol of the same election and level whose identifiers agree on its input's {@link MatchRule}
 * keys (identifiers were normalised at ingest, e.g. {@code УИК №0554} → {@code 554}). A pair row carries both
 * sides: official fields prefixed {@value #OFFICIAL}, the copy's prefixed {@value #COPY}.
 */
public final class ProtocolPairs {
    public static final String OFFICIAL = "o_";
    public static final String COPY = "c_";
    public static final String OFFICIAL_ID = "official_id";
    public static final String COPY_ID = "copy_id";
    public static final String COPY_SOURCE = "copy_source";
    public static final String LOWER_BOUND = "lower_bound";
    /** The canonical count fields a pair compares (registered voters, ballot lines, valid, invalid). */
    public static final List<String> COUNT_FIELDS = java.util.Arrays.stream(Field.values())
            .filter(f -> f.kind() == Field.Kind.COUNT).map(Field::column).toList();
    private static final List<String> UNIT = List.of(Field.ELECTION.column(), Field.LEVEL.column(),
            Field.REGION.column(), Field.DISTRICT.column(), Field.PRECINCT.column());

    private final Dataset<Row> official;
    private final Dataset<Row> copies;
    private final ObserverInputs inputs;

    public ProtocolPairs(Dataset<Row> protocols, String election, String officialSource, ObserverInputs inputs) {
        Dataset<Row> final_ = protocols.filter(col(Field.ELECTION.column()).equalTo(election)
                .and(col(Field.REPORTED_AT.column()).isNull()));
        this.official = final_.filter(col(Field.SOURCE.column()).equalTo(officialSource));
        Dataset<Row> observed = final_.filter(col(Field.SOURCE.column()).startsWith("observer:")
                .and(col(ProtocolSchema.INPUT).notEqual(LevelTotals.DERIVED)));
        // A job without observer copies: an empty relation lets Spark drop every join with them from the plans,
        // instead of scanning the official protocols for each (one pass here instead of one per table).
        this.copies = observed.isEmpty() ? observed.limit(0) : observed;
        this.inputs = inputs;
    }

    /** Official protocols of the election (precinct and above). */
    public Dataset<Row> official() {
        return official;
    }

    /** Copies whose coverage is known (precinct copies and the like), the ones statistics are drawn from. */
    public Dataset<Row> copies() {
        List<String> claims = inputs.claimInputs();
        return claims.isEmpty() ? copies : copies.filter(col(ProtocolSchema.INPUT).isin(claims.toArray()).unary_$bang());
    }

    /** Copies from inputs marked {@code coverage: unknown}. */
    public Dataset<Row> claims() {
        return copies.filter(col(ProtocolSchema.INPUT).isin(inputs.claimInputs().toArray()));
    }

    /** Every matched (official, copy) pair of copies with known coverage. */
    public Dataset<Row> pairs() {
        return matched(copies(), false);
    }

    /** Claims joined to the official protocol of their unit (official columns null where there is none). */
    public Dataset<Row> claimPairs() {
        return matched(claims(), true);
    }

    /** Copies with known coverage that match no official protocol; never dropped, listed. */
    public Dataset<Row> unmatched() {
        Dataset<Row> out = null;
        for (Map.Entry<MatchRule, Column> group : groups(copies()).entrySet()) {
            Dataset<Row> c = copies().filter(group.getValue()).alias("c");
            Dataset<Row> rows = c.join(official.alias("o"), condition(group.getKey()), "left_anti");
            out = out == null ? rows : out.unionByName(rows);
        }
        return out;
    }

    /**
     * Precincts with two or more copies whose figures are not all the same: one row per precinct with the number
     * of copies, of distinct readings, and the sources and document references.
     */
    public Dataset<Row> conflicts() {
        List<Column> content = new ArrayList<>();
        for (String f : COUNT_FIELDS) {
            content.add(col(f));
        }
        content.add(array_sort(map_entries(col(ProtocolSchema.VOTES))).as("votes"));
        Column[] unit = UNIT.stream().map(c -> col(c)).toArray(Column[]::new);
        return copies().filter(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id()))
                .withColumn("_content", to_json(struct(content.toArray(Column[]::new))))
                .groupBy(unit)
                .agg(count(lit(1)).as("copies"), count_distinct(col("_content")).as("readings"),
                        concat_ws("; ", array_sort(collect_set(col(Field.SOURCE.column())))).as("sources"),
                        concat_ws("; ", array_sort(collect_set(col(Field.DOCUMENT_REF.column())))).as("documents"))
                .filter(col("readings").gt(1));
    }

    private Dataset<Row> matched(Dataset<Row> someCopies, boolean keepUnmatched) {
        Dataset<Row> out = null;
        for (Map.Entry<MatchRule, Column> group : groups(someCopies).entrySet()) {
            MatchRule rule = group.getKey();
            Dataset<Row> c = someCopies.filter(group.getValue()).alias("c");
            Dataset<Row> joined = c.join(official.alias("o"), condition(rule), keepUnmatched ? "left" : "inner");
            List<Column> columns = new ArrayList<>();
            for (String k : UNIT) {
                // identifiers as the official protocol has them; the copy's where no official one matched
                columns.add(org.apache.spark.sql.functions.coalesce(col("o." + k), col("c." + k)).as(k));
            }
            for (String f : COUNT_FIELDS) {
                columns.add(col("o." + f).as(OFFICIAL + f));
                columns.add(col("c." + f).as(COPY + f));
            }
            columns.add(col("o." + ProtocolSchema.VOTES).as(OFFICIAL + ProtocolSchema.VOTES));
            columns.add(col("c." + ProtocolSchema.VOTES).as(COPY + ProtocolSchema.VOTES));
            columns.add(col("c." + Field.SOURCE.column()).as(COPY_SOURCE));
            columns.add(col("c." + Field.READING_CONFIDENCE.column()).as(Field.READING_CONFIDENCE.column()));
            columns.add(org.apache.spark.sql.functions.coalesce(col("c." + Field.DOCUMENT_REF.column()),
                    col("o." + Field.DOCUMENT_REF.column())).as(Field.DOCUMENT_REF.column()));
            columns.add(id("o").as(OFFICIAL_ID));
            columns.add(id("c").as(COPY_ID));
            columns.add(lit(rule.lowerBound()).as(LOWER_BOUND));
            Dataset<Row> rows = joined.select(columns.toArray(Column[]::new));
            out = out == null ? rows : out.unionByName(rows);
        }
        return out;
    }

    /** The copies' rows split by match rule: each named input's rule, and the default for inputs not named. */
    private Map<MatchRule, Column> groups(Dataset<Row> someCopies) {
        Map<MatchRule, Column> out = new java.util.LinkedHashMap<>();
        Column named = lit(false);
        for (Map.Entry<String, MatchRule> e : inputs.named().entrySet()) {
            Column mine = col(ProtocolSchema.INPUT).equalTo(e.getKey());
            out.merge(e.getValue(), mine, Column::or);
            named = named.or(mine);
        }
        out.merge(MatchRule.DEFAULT, named.unary_$bang(), Column::or);
        return out;
    }

    private static Column condition(MatchRule rule) {
        Column on = col("c." + Field.ELECTION.column()).equalTo(col("o." + Field.ELECTION.column()))
                .and(col("c." + Field.LEVEL.column()).equalTo(col("o." + Field.LEVEL.column())));
        for (String key : rule.matchOn()) {
            on = on.and(col("c." + key).eqNullSafe(col("o." + key)));
        }
        return on;
    }

    private static Column id(String side) {
        return concat_ws(":", col(side + "." + ProtocolSchema.INPUT), col(side + "." + ProtocolSchema.FILE),
                col(side + "." + ProtocolSchema.LINE).cast("string"));
    }
}
