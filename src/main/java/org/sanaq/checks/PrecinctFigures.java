package org.sanaq.checks;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_contains_key;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.ProtocolSchema;

/**
 * The precinct figures that the distribution checks (fingerprint, integer peaks) fold, in the notation of
 * METHODS.md: V registered, G the turnout numerator, R the share base (both by the job's conventions), L the
 * leader's votes and O all other candidates' votes, with the region and a stable precinct key. Final precinct
 * protocols of one election and source only, stations marked {@code special} (abroad, hospitals, ...) left out
 * unless the check's {@link SpecialStations} parameter includes them (the {@link ElectionFacts} count them either
 * way), and only those with V, G and R reported.
 *
 * <p>A value of plain settings, so that a fold keeps it in a field and builds its {@link #inputs} where the pass
 * asks for them.
 *
 * @param leader the candidate whose votes are L ({@link ElectionFacts.Stations#leader}); null: L is 0
 * @param specialStations whether the stations marked special are among the precincts
 */
public record PrecinctFigures(String election, String source, Conventions conventions, String leader,
        SpecialStations specialStations) implements Serializable {

    /** The position of every candidate's votes among the {@link #inputs}. */
    private static final int VOTES = 8;
    /** The source whose precinct protocols the figures come from: a parameter of every check built on them. */
    public static final Parameter<String> SOURCE = Parameter.text("source", "official");

    /** One precinct's figures, as a fold reads them ({@link #read}). */
    public record Figures(String key, String region, long v, long g, long r, long l, long o) {
    }

    /** What the run's first pass learnt of the check's election and source (its {@link #SOURCE} parameter). */
    public static ElectionFacts.OfSource facts(CheckContext context, ElectionFacts facts) {
        return facts.of(context.election(), context.parameters().get(SOURCE));
    }

    /** The figures of the check's election, source and special stations, with {@code leader} as L. */
    public static PrecinctFigures of(CheckContext context, String leader) {
        return new PrecinctFigures(context.election(), context.parameters().get(SOURCE), context.conventions(),
                leader, SpecialStations.of(context.parameters()));
    }

    /** True for a station marked special (a non-blank {@code special} field). */
    public static Column isSpecial() {
        return coalesce(trim(col(Field.SPECIAL.column())), lit("")).notEqual("");
    }

    /**
     * The fold inputs of the figures: whether the row is one of the precincts, then its key, region, V, G, R, L and
     * O, then every candidate's votes; {@link #read} reads the figures from the first eight positions of a fold's row
     * and {@link #votes} the ninth (a fold's own columns follow).
     */
    public List<Column> inputs() {
        Column finalPrecinct = col(Field.ELECTION.column()).equalTo(election)
                .and(col(Field.SOURCE.column()).equalTo(source))
                .and(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id()))
                .and(col(Field.REPORTED_AT.column()).isNull());
        Column wanted = specialStations.included() ? finalPrecinct : finalPrecinct.and(isSpecial().unary_$bang());
        // a candidate absent from the protocol has 0 votes there; one present with a null count (given as missing)
        // leaves L unknown, and any null count leaves all the votes, and so O, unknown
        Column leaderVotes = leader == null ? lit(0L) : when(map_contains_key(col(ProtocolSchema.VOTES), leader),
                col(ProtocolSchema.VOTES).getItem(leader)).otherwise(lit(0L));
        Column allVotes = expr("aggregate(map_values(" + ProtocolSchema.VOTES + "), 0L, (a, x) -> a + x)");
        return List.of(wanted, key(), coalesce(col(Field.REGION.column()), lit("")),
                ProtocolColumns.field(Field.REGISTERED), ProtocolColumns.turnoutNumerator(conventions),
                ProtocolColumns.shareBase(conventions), leaderVotes, allVotes.minus(leaderVotes),
                col(ProtocolSchema.VOTES));
    }

    /** Every candidate's votes of a row whose first inputs are {@link #inputs} (a null count: not given). */
    public static Map<String, Long> votes(FoldRow row) {
        return row.isNull(VOTES) ? Map.of() : row.getMap(VOTES);
    }

    /**
     * The figures of a row whose first inputs are {@link #inputs}, or null when it is not one of the precincts or
     * does not report them all (a candidate's count given as missing leaves L or O unknown).
     */
    public static Figures read(FoldRow row) {
        if (!row.isTrue(0) || row.isNull(3) || row.isNull(4) || row.isNull(5) || row.isNull(6) || row.isNull(7)) {
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
}
