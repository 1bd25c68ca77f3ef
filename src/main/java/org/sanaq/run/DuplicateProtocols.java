package org.sanaq.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.sanaq.results.CheckDescription;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Effect;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;
import org.sanaq.text.Messages;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

/**
 * The rule for a protocol that appears twice (the same election, source, level, unit and report time): copies
 * with identical figures are used once; copies whose figures differ are all kept out of the checks and reported,
 * because nothing says which one is right. Computed in one Spark window over the ingested table.
 */
public final class DuplicateProtocols {
    public static final String ID = "duplicate_protocols";
    /** Ingest-side column: null for a protocol to use, {@link #COPY} or {@link #CONFLICT} otherwise. */
    public static final String STATUS = "_duplicate";
    public static final String COPY = "identical copy";
    public static final String CONFLICT = "conflicting copies";
    private static final List<Field> IDENTITY = List.of(Field.ELECTION, Field.SOURCE, Field.LEVEL, Field.REGION,
            Field.DISTRICT, Field.PRECINCT, Field.REPORTED_AT);
    /** Conflicting protocols listed one by one in the detail table; the total is always given. */
    private static final int LISTED = 1_000;

    /** What the report says about this step, in English (the report asks for its own language). */
    public static final CheckDescription DESCRIPTION = CheckDescription.of(ID, Messages.of(Messages.FALLBACK));

    private DuplicateProtocols() {
    }

    /** The ingested table with {@link #STATUS} set for every usable row. */
    public static Dataset<Row> mark(Dataset<Row> ingested) {
        Column usable = col(ProtocolSchema.REASON).isNull();
        List<Column> keys = new ArrayList<>();
        for (Field f : IDENTITY) {
            keys.add(col(f.column()));
        }
        // Rows naming different candidates are parts of a long table (one row per candidate), not copies.
        keys.add(map_keys(col(ProtocolSchema.VOTES)));
        // Quarantined rows get a key of their own, so that they never form one huge window partition.
        keys.add(when(col(ProtocolSchema.REASON).isNotNull(), col(ProtocolSchema.FILE)));
        keys.add(when(col(ProtocolSchema.REASON).isNotNull(), col(ProtocolSchema.LINE)));
        // One ordering for the three window functions, so that Spark sorts the rows once, not once per spec.
        WindowSpec ordered = Window.partitionBy(keys.toArray(Column[]::new))
                .orderBy(col(ProtocolSchema.FILE), col(ProtocolSchema.LINE));
        WindowSpec group = ordered.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
        Column copies = count(lit(1)).over(group);
        Column versions = size(collect_set(col("_figures")).over(group));
        Column order = row_number().over(ordered);
        return ingested.withColumn("_figures", figures())
                .withColumn(STATUS, when(usable.and(copies.gt(1)),
                        when(versions.gt(1), lit(CONFLICT)).when(order.gt(1), lit(COPY))))
                .drop("_figures");
    }

    /**
     * Everything a protocol reports as one value that two copies share exactly when their figures agree: ingest
     * writes the candidates in name order ({@code ProtocolRecord#toRow}), so the map entries compare as they are,
     * with no sorting, text form or digest per row (which cost more than the window itself).
     */
    private static Column figures() {
        List<Column> parts = new ArrayList<>();
        for (Field f : Field.values()) {
            if (!IDENTITY.contains(f)) {
                parts.add(col(f.column()));
            }
        }
        parts.add(map_entries(col(ProtocolSchema.VOTES)).as("votes"));
        parts.add(map_entries(col(ProtocolSchema.PUBLISHED_PCT)).as("pct"));
        parts.add(map_entries(col(ProtocolSchema.LINES)).as("lines"));
        parts.add(map_entries(col(ProtocolSchema.CONFIDENCE)).as("confidence"));
        return struct(parts.toArray(Column[]::new));
    }

    /** The finding, metrics and table of the duplicates in a marked table; only counts and a bounded list are collected. */
    public static CheckOutcome outcome(Dataset<Row> marked, Messages words) {
        // The counts in one pass over the readable rows: at most three groups (unmarked, copy, conflict) reach the driver.
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (Row r : marked.filter(col(ProtocolSchema.REASON).isNull()).groupBy(col(STATUS)).count()
                .collectAsList()) {
            counts.put(r.isNullAt(0) ? "" : r.getString(0), r.getLong(1));
        }
        long copies = counts.getOrDefault(COPY, 0L);
        long conflicting = counts.getOrDefault(CONFLICT, 0L);
        Dataset<Row> conflicts = marked.filter(col(STATUS).equalTo(CONFLICT));
        List<Column> shown = new ArrayList<>();
        for (Field f : IDENTITY) {
            shown.add(col(f.column()));
        }
        shown.add(col(ProtocolSchema.FILE));
        shown.add(col(ProtocolSchema.LINE));
        List<List<String>> rows = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Row r : conflicts.select(shown.toArray(Column[]::new))
                .orderBy(shown.toArray(Column[]::new)).limit(LISTED).collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                cells.add(r.isNullAt(i) ? "" : r.get(i).toString());
            }
            rows.add(cells);
            if (evidence.size() < 20) {
                evidence.add(r.getAs(Field.REGION.column()) + " / " + nz(r.getAs(Field.PRECINCT.column())) + " ("
                        + r.getAs(ProtocolSchema.FILE).toString().replaceFirst("^.*/", "") + " line "
                        + r.getAs(ProtocolSchema.LINE) + ")");
            }
        }
        List<Metric> metrics = List.of(new Metric(ID, "national", "all", "identical_copies_dropped", copies),
                new Metric(ID, "national", "all", "conflicting_protocols", conflicting));
        String sentence;
        Verdict verdict;
        if (conflicting > 0) {
            verdict = Verdict.FLAG;
            sentence = conflicting > LISTED ? words.format(ID + ".conflicts_listed", conflicting, LISTED)
                    : words.format(ID + ".conflicts", conflicting);
        } else if (counts.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE; // no readable protocol: nothing could appear twice, which is no pass
            sentence = words.format(ID + ".nothing");
        } else {
            verdict = Verdict.PASS;
            sentence = words.format(ID + ".none");
        }
        if (copies > 0) {
            sentence += " " + words.format(ID + ".copies", copies);
        }
        Finding finding = new Finding(ID, "national", "all", "conflicting_protocols", (double) conflicting, null,
                null, verdict, sentence, evidence, verdict == Verdict.FLAG ? Effect.precincts(conflicting, null) : null);
        List<String> columns = new ArrayList<>();
        IDENTITY.forEach(f -> columns.add(f.column()));
        columns.add("file");
        columns.add("line");
        return new CheckOutcome(ID, metrics, List.of(finding),
                List.of(new DetailTable(ID + "_conflicts", words.format(ID + ".table"), columns,
                        rows)), List.of());
    }

    private static String nz(Object o) {
        return o == null ? "—" : o.toString();
    }
}
