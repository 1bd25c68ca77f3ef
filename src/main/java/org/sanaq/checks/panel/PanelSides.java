package org.sanaq.checks.panel;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.checks.SpecialStations;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

/**
 * The matching of the same precincts in two elections, in Spark (DESIGN19 §3.2): each election's final precinct
 * protocols of one source with registered voters and a share base above 0 (the stations marked special left out
 * unless the check includes them) are keyed by the job's identifiers ({@code match_on}: region, district, precinct,
 * as normalised at ingest, so {@code УИК №554} is {@code 554}), the earlier election's regions renamed by
 * {@code region_aliases} first. A key held by two rows of one election is ambiguous and left out; the two elections'
 * keys are then joined (full outer join), and each key gets one {@link #STATUS}: matched, a size mismatch (the
 * registered voters differ by more than {@code max_size_change} of the larger: the same number, another precinct),
 * ambiguous, or found in one election only.
 */
final class PanelSides implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KEY = "key";
    static final String STATUS = "status";
    /** The region of a key: the later election's, or the earlier's (aliased) for a key found only there. */
    static final String REGION = "key_region";
    /** How many rows each election has under the key (null: none). */
    static final String ROWS_BEFORE = "rows_before";
    static final String ROWS_AFTER = "rows_after";
    static final String BEFORE = "b";
    static final String AFTER = "a";

    /** The statuses of a key, in the order tables list them. */
    enum Status {
        MATCHED, SIZE_MISMATCH, AMBIGUOUS, ONLY_BEFORE, ONLY_AFTER;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The two elections and how their precincts are matched.
     *
     * @param matchOn the identifiers a key is made of, a subset of region, district, precinct
     * @param aliases the earlier election's region names to the later's
     * @param maxSizeChange a matched pair whose registered voters differ by more than this share of the larger is
     *     set aside
     */
    record Rules(String before, String after, String source, SpecialStations specialStations,
            Conventions conventions, List<String> matchOn, Map<String, String> aliases, double maxSizeChange)
            implements Serializable {
    }

    private final Rules rules;

    PanelSides(Rules rules) {
        this.rules = rules;
    }

    /**
     * One row per key of either election: {@link #KEY}, {@link #REGION}, {@link #STATUS}, the row counts and, per
     * election (prefix {@code b_} and {@code a_}), the region, district, precinct, V, G, R, L, file and line of the
     * key's protocol (of the first of an ambiguous key's).
     */
    Dataset<Row> joined(Dataset<Row> protocols, String leaderBefore, String leaderAfter) {
        Dataset<Row> before = side(protocols, rules.before(), leaderBefore, true).as(BEFORE);
        Dataset<Row> after = side(protocols, rules.after(), leaderAfter, false).as(AFTER);
        Dataset<Row> joined = before.join(after, col(BEFORE + "." + KEY).equalTo(col(AFTER + "." + KEY)), "full_outer");
        Column b = col(BEFORE + "." + ROWS_BEFORE);
        Column a = col(AFTER + "." + ROWS_AFTER);
        Column vBefore = col(BEFORE + ".p.v");
        Column vAfter = col(AFTER + ".p.v");
        Column larger = when(vBefore.geq(vAfter), vBefore).otherwise(vAfter);
        Column status = when(b.gt(1).or(a.gt(1)), lit(Status.AMBIGUOUS.id()))
                .when(a.isNull(), lit(Status.ONLY_BEFORE.id()))
                .when(b.isNull(), lit(Status.ONLY_AFTER.id()))
                .when(vBefore.minus(vAfter).cast("double").divide(larger).between(-rules.maxSizeChange(),
                        rules.maxSizeChange()), lit(Status.MATCHED.id()))
                .otherwise(lit(Status.SIZE_MISMATCH.id()));
        List<Column> out = new ArrayList<>(List.of(coalesce(col(AFTER + "." + KEY), col(BEFORE + "." + KEY)).as(KEY),
                coalesce(col(AFTER + ".p.region"), col(BEFORE + ".p.region")).as(REGION), status.as(STATUS), b, a));
        for (String side : List.of(BEFORE, AFTER)) {
            for (String field : List.of("region", "district", "precinct", "v", "g", "r", "l", "file", "line")) {
                out.add(col(side + ".p." + field).as(side + "_" + field));
            }
        }
        return joined.select(out.toArray(Column[]::new));
    }

    /**
     * One election's precincts by key: the key, its row count and the smallest row (in field order, so the same row
     * whatever the partitions) as the struct {@code p}.
     */
    private Dataset<Row> side(Dataset<Row> protocols, String election, String leader, boolean earlier) {
        List<Column> in = new PrecinctFigures(election, rules.source(), rules.conventions(), leader,
                rules.specialStations()).inputs();
        Column region = coalesce(col(Field.REGION.column()), lit(""));
        if (earlier) {
            Column aliased = region;
            for (Map.Entry<String, String> alias : rules.aliases().entrySet()) {
                aliased = when(region.equalTo(alias.getKey()), lit(alias.getValue())).otherwise(aliased);
            }
            region = aliased;
        }
        Column district = coalesce(col(Field.DISTRICT.column()), lit(""));
        Column precinct = col(Field.PRECINCT.column());
        List<Column> keyParts = new ArrayList<>();
        for (String part : rules.matchOn()) {
            keyParts.add(switch (part) {
                case "region" -> region;
                case "district" -> district;
                case "precinct" -> precinct;
                default -> throw new IllegalArgumentException("no identifier " + part);
            });
        }
        // the figures read: V, G, R and L reported, V and R above 0, the precinct numbered
        Column read = in.get(0).and(in.get(3).gt(0)).and(in.get(4).isNotNull()).and(in.get(5).gt(0))
                .and(in.get(6).isNotNull()).and(precinct.isNotNull());
        String rows = earlier ? ROWS_BEFORE : ROWS_AFTER;
        return protocols.where(read)
                .select(concat_ws("\u001f", keyParts.toArray(Column[]::new)).as(KEY), struct(region.as("region"),
                        district.as("district"), precinct.as("precinct"), in.get(3).as("v"), in.get(4).as("g"),
                        in.get(5).as("r"), in.get(6).as("l"), col(ProtocolSchema.FILE).as("file"),
                        col(ProtocolSchema.LINE).as("line")).as("p"))
                .groupBy(KEY).agg(count(lit(1)).as(rows), min("p").as("p"));
    }
}
