package org.sanaq.compare;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.sanaq.run.LevelTotals;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolSchema;
import org.sanaq.schema.SourceKind;

/**
 * Official × second-source matching in Spark (METHODS.md §2), as one table for {@link PairFolds} to fold. Official
 * protocols are the final rows of the official source; copies are final rows of the second sources of every
 * {@link SourceKind} ({@code observer:*}, {@code ocr:*}, {@code platform:*}, {@code claim:*}) read from job inputs
 * (not sums sanaq derived). A copy matches the official protocol of the same election and level whose
 * identifiers agree on its input's {@link MatchRule} keys (identifiers were normalised at ingest, e.g.
 * {@code УИК №0554} → {@code 554}): one left join of the copies with the official protocols, each official row
 * keyed once per match rule of the job so that every copy is joined on its own rule's keys.
 *
 * <p>The table has three {@link #KIND kinds} of rows: every copy with the official protocol it matched (one row
 * per match; official columns null when none matched), every official precinct protocol (the base of coverage and
 * recounted results), and every precinct whose copies disagree with each other (grouped by precinct).
 */
public final class ProtocolPairs {
    public static final String KIND = "kind";
    public static final String COPY = "copy";
    public static final String OFFICIAL = "official";
    public static final String CONFLICT = "conflict";
    /** Prefixes of the official protocol's and the copy's figures in a copy row. */
    public static final String O = "o_";
    public static final String C = "c_";
    public static final String CLAIM = "claim";
    public static final String LOWER_BOUND = "lower_bound";
    /** The copy is a reading of a photo (an {@code ocr} source or a transcribed input): checked for reading errors. */
    public static final String CHECK_READINGS = "check_readings";
    public static final String MATCHED = "matched";
    /** The copy substituted for its official precinct protocol: the first by source and copy id. */
    public static final String SUBSTITUTED = "substituted";
    public static final String OFFICIAL_ID = "official_id";
    public static final String COPY_ID = "copy_id";
    public static final String COPY_SOURCE = "copy_source";
    public static final String ABS_DIFFERENCE = "abs_difference";
    public static final String DIFFERING = "differing";
    public static final String DIFFERENCES = "differences";
    public static final String CONFIDENT = "confident";
    public static final String COPIES = "copies";
    public static final String READINGS = "readings";
    public static final String SOURCES = "sources";
    public static final String DOCUMENTS = "documents";

    /** The canonical count fields a pair compares (registered voters, ballot lines, valid, invalid). */
    public static final List<String> COUNT_FIELDS = Arrays.stream(Field.values())
            .filter(f -> f.kind() == Field.Kind.COUNT).map(Field::column).toList();
    private static final List<String> UNIT = List.of(Field.ELECTION.column(), Field.LEVEL.column(),
            Field.REGION.column(), Field.DISTRICT.column(), Field.PRECINCT.column());
    private static final String RULE = "_rule";
    private static final String KEY = "_key_";
    private static final String VOTES_O = O + ProtocolSchema.VOTES;
    private static final String VOTES_C = C + ProtocolSchema.VOTES;
    private static final String LINES_O = O + ProtocolSchema.LINES;
    private static final String LINES_C = C + ProtocolSchema.LINES;
    /** The copy's reading confidence of single figures. */
    public static final String CONFIDENCE_C = C + ProtocolSchema.CONFIDENCE;

    private ProtocolPairs() {
    }

    /**
     * The table of {@code election}'s copies, official precincts and conflicts; {@code lowConfidence} is the
     * reading confidence below which a copy's reading is a possible misreading (not {@link #CONFIDENT}).
     */
    public static Dataset<Row> table(Dataset<Row> protocols, String election, String officialSource,
            ObserverInputs inputs, double lowConfidence) {
        Dataset<Row> final_ = protocols.filter(col(Field.ELECTION.column()).equalTo(election)
                .and(col(Field.REPORTED_AT.column()).isNull()));
        Dataset<Row> official = final_.filter(col(Field.SOURCE.column()).equalTo(officialSource));
        Column secondSource = lit(false);
        for (SourceKind kind : SourceKind.values()) {
            secondSource = secondSource.or(col(Field.SOURCE.column()).startsWith(kind.prefix()));
        }
        Dataset<Row> copies = final_.filter(secondSource
                .and(col(ProtocolSchema.INPUT).notEqual(LevelTotals.DERIVED)));
        Column claim = col(Field.SOURCE.column()).startsWith(SourceKind.CLAIM.prefix());
        return pairs(official, copies.withColumn(CLAIM, claim), inputs, lowConfidence)
                .unionByName(officialPrecincts(official), true)
                .unionByName(conflicts(copies.filter(claim.unary_$bang())), true);
    }

    /** The columns of the table that the folds read. */
    public static List<String> columns() {
        List<String> out = new ArrayList<>(List.of(KIND, CLAIM, LOWER_BOUND, CHECK_READINGS, MATCHED, SUBSTITUTED,
                Field.LEVEL.column(), Field.REGION.column(), Field.DISTRICT.column(), Field.PRECINCT.column(),
                O + Field.REGION.column(), O + Field.DISTRICT.column(), Field.DOCUMENT_REF.column(),
                Field.READING_CONFIDENCE.column(), COPY_SOURCE, OFFICIAL_ID, COPY_ID, ProtocolSchema.FILE,
                ProtocolSchema.LINE, ABS_DIFFERENCE, DIFFERING, DIFFERENCES, CONFIDENT, COPIES, READINGS, SOURCES,
                DOCUMENTS, VOTES_O, VOTES_C, LINES_O, LINES_C, CONFIDENCE_C));
        for (String f : COUNT_FIELDS) {
            out.add(O + f);
            out.add(C + f);
        }
        return out;
    }

    /**
     * Every copy with the official protocol it matched on its rule's keys (left join: a copy that matches none
     * keeps one row with null official columns), its differences and whether it is the substituted copy.
     */
    private static Dataset<Row> pairs(Dataset<Row> official, Dataset<Row> copies, ObserverInputs inputs,
            double lowConfidence) {
        List<MatchRule> rules = rules(inputs);
        Column rule = lit(rules.indexOf(MatchRule.DEFAULT));
        for (var named : inputs.named().entrySet()) {
            Column mine = col(ProtocolSchema.INPUT).equalTo(named.getKey());
            rule = when(mine, lit(rules.indexOf(named.getValue()))).otherwise(rule);
        }
        Column source = col(Field.SOURCE.column());
        Column lowerBound = source.startsWith(SourceKind.PLATFORM.prefix());
        Column checkReadings = source.startsWith(SourceKind.OCR.prefix());
        if (!inputs.transcribedInputs().isEmpty()) {
            checkReadings = checkReadings.or(col(ProtocolSchema.INPUT).isin(inputs.transcribedInputs().toArray()));
        }
        Column[] everyRule = new Column[rules.size()];
        Arrays.setAll(everyRule, i -> lit(i));
        Dataset<Row> c = keyed(copies.withColumn(RULE, rule).withColumn(LOWER_BOUND, lowerBound)
                .withColumn(CHECK_READINGS, checkReadings), rules).alias("c");
        Dataset<Row> o = keyed(official.withColumn(RULE, explode(array(everyRule))), rules).alias("o");
        Column on = col("c." + RULE).equalTo(col("o." + RULE))
                .and(col("c." + Field.ELECTION.column()).equalTo(col("o." + Field.ELECTION.column())))
                .and(col("c." + Field.LEVEL.column()).equalTo(col("o." + Field.LEVEL.column())));
        for (String key : MatchRule.KEYS) {
            on = on.and(col("c." + KEY + key).eqNullSafe(col("o." + KEY + key)));
        }
        Column matched = col("o." + RULE).isNotNull();
        List<Column> columns = new ArrayList<>(List.of(lit(COPY).as(KIND), col("c." + CLAIM).as(CLAIM),
                col("c." + LOWER_BOUND).as(LOWER_BOUND), col("c." + CHECK_READINGS).as(CHECK_READINGS),
                matched.as(MATCHED)));
        for (String k : UNIT) {
            // identifiers as the official protocol has them; the copy's where no official one matched
            columns.add(coalesce(col("o." + k), col("c." + k)).as(k));
        }
        columns.add(col("o." + Field.REGION.column()).as(O + Field.REGION.column()));
        columns.add(col("o." + Field.DISTRICT.column()).as(O + Field.DISTRICT.column()));
        for (String f : COUNT_FIELDS) {
            columns.add(col("o." + f).as(O + f));
            columns.add(col("c." + f).as(C + f));
        }
        columns.add(col("o." + ProtocolSchema.VOTES).as(VOTES_O));
        columns.add(col("c." + ProtocolSchema.VOTES).as(VOTES_C));
        columns.add(col("o." + ProtocolSchema.LINES).as(LINES_O));
        columns.add(col("c." + ProtocolSchema.LINES).as(LINES_C));
        columns.add(col("c." + ProtocolSchema.CONFIDENCE).as(CONFIDENCE_C));
        columns.add(col("c." + Field.SOURCE.column()).as(COPY_SOURCE));
        columns.add(col("c." + Field.READING_CONFIDENCE.column()).as(Field.READING_CONFIDENCE.column()));
        columns.add(coalesce(col("c." + Field.DOCUMENT_REF.column()), col("o." + Field.DOCUMENT_REF.column()))
                .as(Field.DOCUMENT_REF.column()));
        columns.add(when(matched, id("o")).as(OFFICIAL_ID));
        columns.add(id("c").as(COPY_ID));
        columns.add(col("c." + ProtocolSchema.FILE).as(ProtocolSchema.FILE));
        columns.add(col("c." + ProtocolSchema.LINE).as(ProtocolSchema.LINE));
        Dataset<Row> joined = c.join(o, on, "left").select(columns.toArray(Column[]::new));
        // the copy whose figures stand for an official precinct in the recount: one per precinct, the first by
        // source and file line; lower-bound copies are not counts of everyone and are never substituted
        Column substitutable = col(MATCHED).and(col(CLAIM).unary_$bang()).and(col(LOWER_BOUND).unary_$bang())
                .and(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id()));
        return withDifferences(joined, lowConfidence)
                .withColumn(SUBSTITUTED, substitutable.and(row_number().over(Window
                        .partitionBy(col(OFFICIAL_ID), substitutable)
                        .orderBy(col(COPY_SOURCE), col(COPY_ID))).equalTo(1)));
    }

    /** The job's match rules, each once: the named inputs' and the default (for inputs not named). */
    private static List<MatchRule> rules(ObserverInputs inputs) {
        LinkedHashSet<MatchRule> out = new LinkedHashSet<>(inputs.named().values());
        out.add(MatchRule.DEFAULT);
        return List.copyOf(out);
    }

    /** Adds the join keys of a row under its rule ({@link #RULE}): an identifier its rule does not match on is null. */
    private static Dataset<Row> keyed(Dataset<Row> rows, List<MatchRule> rules) {
        Dataset<Row> out = rows;
        for (String key : MatchRule.KEYS) {
            Column value = lit(null).cast("string");
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).matchOn().contains(key)) {
                    value = when(col(RULE).equalTo(i), col(key)).otherwise(value);
                }
            }
            out = out.withColumn(KEY + key, value);
        }
        return out;
    }

    /**
     * Adds {@code differences} (text), {@code abs_difference}, {@code differing} and {@code confident}: over the
     * count fields, the candidates and the further protocol lines that both sides give. A copy is not confident
     * when it differs on a figure read with a confidence below {@code lowConfidence}: the figure's own confidence
     * ({@link ProtocolSchema#CONFIDENCE}), else the protocol's {@code reading_confidence}; a figure with neither has
     * no confidence to excuse its difference.
     */
    private static Dataset<Row> withDifferences(Dataset<Row> pairs, double lowConfidence) {
        Column total = mapDifference(VOTES_O, VOTES_C).plus(mapDifference(LINES_O, LINES_C));
        List<String> parts = new ArrayList<>();
        for (String f : COUNT_FIELDS) {
            String o = O + f;
            String c = C + f;
            total = total.plus(coalesce(abs(col(o).minus(col(c))), lit(0L)));
            parts.add("CASE WHEN " + o + " != " + c + " THEN concat('" + f + " ', " + o + ", ' vs ', " + c
                    + ") END");
        }
        parts.add(mapDifferences(LINES_O, LINES_C));
        parts.add(mapDifferences(VOTES_O, VOTES_C));
        return pairs.withColumn(ABS_DIFFERENCE, total)
                .withColumn(DIFFERING, col(ABS_DIFFERENCE).gt(0))
                .withColumn(DIFFERENCES, expr("concat_ws('; ', " + String.join(", ", parts) + ")"))
                .withColumn(CONFIDENT, coalesce(misreadable(lowConfidence), lit(false)).unary_$bang());
    }

    /** Whether the pair differs on a figure the copy read with a confidence below {@code lowConfidence}. */
    private static Column misreadable(double lowConfidence) {
        String whole = Field.READING_CONFIDENCE.column();
        Column low = mapDifference(VOTES_O, VOTES_C).gt(0).and(col(whole).lt(lowConfidence));
        for (String f : COUNT_FIELDS) {
            Column confidence = coalesce(col(CONFIDENCE_C).getItem(f), col(whole));
            low = low.or(col(O + f).notEqual(col(C + f)).and(confidence.lt(lowConfidence)));
        }
        return low.or(expr("exists(map_keys(" + LINES_C + "), k -> " + LINES_O + "[k] != " + LINES_C + "[k] AND "
                + "coalesce(" + CONFIDENCE_C + "[k], " + whole + ") < " + lowConfidence + ")"));
    }

    /** The keys of either side's map. */
    private static String keys(String official, String copy) {
        return "array_union(map_keys(" + official + "), map_keys(" + copy + "))";
    }

    /**
     * The sum of |official − copy| over the keys both maps give a figure for, and of the copy's figure for a key
     * the official map does not have at all (votes in a column the official protocol lacks). A key the copy lacks,
     * or gives as missing, is not compared.
     */
    private static Column mapDifference(String official, String copy) {
        return expr("aggregate(" + keys(official, copy) + ", 0L, (acc, k) -> acc + coalesce(abs(" + official
                + "[k] - " + copy + "[k]), " + onlyInCopy(official, copy, "abs(" + copy + "[k])") + ", 0L))");
    }

    /**
     * The keys whose figures differ, as text: {@code name official vs copy; ...} ({@code none} for no such key);
     * null when none differs, so that the pair's text has no empty part.
     */
    private static String mapDifferences(String official, String copy) {
        return "nullif(concat_ws('; ', transform(" + keys(official, copy) + ", k -> CASE WHEN " + official + "[k] != "
                + copy + "[k] THEN concat(k, ' ', " + official + "[k], ' vs ', " + copy + "[k]) ELSE "
                + onlyInCopy(official, copy, "concat(k, ' none vs ', " + copy + "[k])") + " END)), '')";
    }

    /** {@code value} where the copy gives a non-zero figure for a key the official map does not have, else null. */
    private static String onlyInCopy(String official, String copy, String value) {
        return "CASE WHEN NOT map_contains_key(" + official + ", k) AND " + copy + "[k] != 0 THEN " + value + " END";
    }

    /** Official precinct protocols: where they are, their registered voters and votes. */
    private static Dataset<Row> officialPrecincts(Dataset<Row> official) {
        return official.filter(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id()))
                .select(lit(OFFICIAL).as(KIND), col(Field.REGION.column()).as(O + Field.REGION.column()),
                        col(Field.DISTRICT.column()).as(O + Field.DISTRICT.column()),
                        col(Field.REGISTERED.column()).as(O + Field.REGISTERED.column()),
                        col(ProtocolSchema.VOTES).as(VOTES_O));
    }

    /**
     * Precincts with two or more copies whose figures are not all the same: one row per precinct with the number
     * of copies, of distinct readings, and the sources and document references.
     */
    private static Dataset<Row> conflicts(Dataset<Row> copies) {
        List<Column> content = new ArrayList<>();
        for (String f : COUNT_FIELDS) {
            content.add(col(f));
        }
        content.add(array_sort(map_entries(col(ProtocolSchema.VOTES))).as("votes"));
        content.add(array_sort(map_entries(col(ProtocolSchema.LINES))).as("lines"));
        Column[] unit = UNIT.stream().map(c -> col(c)).toArray(Column[]::new);
        return copies.filter(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id()))
                .withColumn("_content", to_json(struct(content.toArray(Column[]::new))))
                .groupBy(unit)
                // the size of a set of readings, not count_distinct, which would take a second shuffle
                .agg(count(lit(1)).as(COPIES), size(collect_set(col("_content"))).cast("long").as(READINGS),
                        concat_ws("; ", array_sort(collect_set(col(Field.SOURCE.column())))).as(SOURCES),
                        concat_ws("; ", array_sort(collect_set(col(Field.DOCUMENT_REF.column())))).as(DOCUMENTS))
                .filter(col(READINGS).gt(1))
                .select(lit(CONFLICT).as(KIND), col(Field.REGION.column()), col(Field.DISTRICT.column()),
                        col(Field.PRECINCT.column()), col(COPIES), col(READINGS), col(SOURCES), col(DOCUMENTS));
    }

    private static Column id(String side) {
        return concat_ws(":", col(side + "." + ProtocolSchema.INPUT), col(side + "." + ProtocolSchema.FILE),
                col(side + "." + ProtocolSchema.LINE).cast("string"));
    }
}
