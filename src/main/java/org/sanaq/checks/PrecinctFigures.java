package org.sanaq.checks;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.ProtocolSchema;

/**
 * The precinct figures that the distribution checks (fingerprint, integer peaks) read, in the notation of
 * METHODS.md: V registered, G the turnout numerator, R the share base (both by the job's conventions), L the
 * leader's votes and O all other candidates' votes, with the region and a stable precinct key. The leader is the
 * candidate with most votes over the election's precincts. Final precinct protocols of one source only; stations
 * marked {@code special} (abroad, hospitals, ...) are set apart and counted.
 */
public final class PrecinctFigures {
    public static final String KEY = "key";
    public static final String REGION = "region";
    public static final String V = "v";
    public static final String G = "g";
    public static final String R = "r";
    public static final String L = "l";
    public static final String O = "o";

    /** The source whose precinct protocols the figures come from: a parameter of every check built on them. */
    public static final Parameter<String> SOURCE = Parameter.text("source", "official");

    private final Dataset<Row> rows;
    private final String leader;
    private final long special;

    private PrecinctFigures(Dataset<Row> rows, String leader, long special) {
        this.rows = rows;
        this.leader = leader;
        this.special = special;
    }

    /** One precinct's figures, as a fold reads them ({@link #read}). */
    public record Figures(String key, String region, long v, long g, long r, long l, long o) {
    }

    /** True for a station marked special (a non-blank {@code special} field). */
    public static Column isSpecial() {
        return coalesce(trim(col(Field.SPECIAL.column())), lit("")).notEqual("");
    }

    /**
     * The fold inputs of the figures of the election's final precinct protocols from the check's source, with
     * {@code leader} as L (from {@link ElectionFacts}); {@link #read} reads them from the first
     * {@link #INPUTS} positions of a fold's row.
     */
    public static List<Column> inputs(CheckContext context, String leader) {
        String source = context.parameters().get(SOURCE);
        Column wanted = col(Field.ELECTION.column()).equalTo(context.election())
                .and(col(Field.SOURCE.column()).equalTo(source))
                .and(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id()))
                .and(col(Field.REPORTED_AT.column()).isNull())
                .and(isSpecial().unary_$bang());
        Column leaderVotes = leader == null ? lit(0L) : coalesce(col(ProtocolSchema.VOTES).getItem(leader), lit(0L));
        Column allVotes = expr("aggregate(map_values(" + ProtocolSchema.VOTES + "), 0L, (a, x) -> a + coalesce(x, 0L))");
        return List.of(wanted, key(), coalesce(col(Field.REGION.column()), lit("")),
                ProtocolColumns.field(Field.REGISTERED), ProtocolColumns.turnoutNumerator(context.conventions()),
                ProtocolColumns.shareBase(context.conventions()), leaderVotes, allVotes.minus(leaderVotes));
    }

    /** How many of a fold's first inputs {@link #inputs} gives. */
    public static final int INPUTS = 8;

    /** The figures of a row whose first inputs are {@link #inputs}, or null when it is not one of them. */
    public static Figures read(FoldRow row) {
        if (!row.isTrue(0) || row.isNull(3) || row.isNull(4) || row.isNull(5)) {
            return null;
        }
        return new Figures(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4), row.getLong(5),
                row.getLong(6), row.getLong(7));
    }

    /** A stable precinct key: region, district and precinct number, or the file and line without a number. */
    private static Column key() {
        return concat_ws("\u001f", coalesce(col(Field.REGION.column()), lit("")),
                coalesce(col(Field.DISTRICT.column()), lit("")),
                coalesce(col(Field.PRECINCT.column()), concat_ws(":", col(ProtocolSchema.FILE),
                        col(ProtocolSchema.LINE).cast("string"))));
    }

    /**
     * The figures of the election's final precinct protocols from {@code source}: rows with V, G, R all reported,
     * special stations left out. With no precinct votes at all the leader is null and there are no rows.
     */
    public static PrecinctFigures of(Dataset<Row> protocols, CheckContext context) {
        String source = context.parameters().get(SOURCE);
        Dataset<Row> precincts = protocols.filter(col(Field.ELECTION.column()).equalTo(context.election())
                .and(col(Field.SOURCE.column()).equalTo(source))
                .and(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id()))
                .and(col(Field.REPORTED_AT.column()).isNull()));
        Column isSpecial = coalesce(trim(col(Field.SPECIAL.column())), lit("")).notEqual("");
        long special = precincts.filter(isSpecial).count();
        Dataset<Row> regular = precincts.filter(isSpecial.unary_$bang());
        String leader = leader(regular);
        if (leader == null) {
            return new PrecinctFigures(regular.limit(0).select(lit("").as(KEY)), null, special);
        }
        Column leaderVotes = coalesce(col(ProtocolSchema.VOTES).getItem(leader), lit(0L));
        Column allVotes = expr("aggregate(map_values(" + ProtocolSchema.VOTES + "), 0L, (a, x) -> a + coalesce(x, 0L))");
        Column key = concat_ws("\u001f", coalesce(col(Field.REGION.column()), lit("")),
                coalesce(col(Field.DISTRICT.column()), lit("")),
                coalesce(col(Field.PRECINCT.column()), concat_ws(":", col(ProtocolSchema.FILE),
                        col(ProtocolSchema.LINE).cast("string"))));
        Dataset<Row> figures = regular.select(key.as(KEY), coalesce(col(Field.REGION.column()), lit("")).as(REGION),
                        ProtocolColumns.field(Field.REGISTERED).as(V),
                        ProtocolColumns.turnoutNumerator(context.conventions()).as(G),
                        ProtocolColumns.shareBase(context.conventions()).as(R),
                        leaderVotes.as(L), allVotes.minus(leaderVotes).as(O))
                .filter(col(V).isNotNull().and(col(G).isNotNull()).and(col(R).isNotNull()));
        return new PrecinctFigures(figures, leader, special);
    }

    /** The candidate with most votes over these protocols (ties: the first name in order); null without votes. */
    private static String leader(Dataset<Row> precincts) {
        List<Row> top = precincts.select(explode(col(ProtocolSchema.VOTES)).as(new String[] {"candidate", "votes"}))
                .groupBy("candidate").agg(sum("votes").as("votes"))
                .orderBy(desc("votes"), col("candidate")).limit(1).collectAsList();
        return top.isEmpty() ? null : top.get(0).getString(0);
    }

    /** Columns {@link #KEY}, {@link #REGION}, {@link #V}, {@link #G}, {@link #R}, {@link #L}, {@link #O}. */
    public Dataset<Row> rows() {
        return rows;
    }

    public String leader() {
        return leader;
    }

    /** A check's summary row begun with the leader and the special stations left out. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("leader", leader);
        summary.put("special", special);
        return summary;
    }

    /** Precinct protocols left out because they are marked special (abroad, hospital, ...). */
    public long special() {
        return special;
    }
}
