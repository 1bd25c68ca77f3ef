package org.sanaq.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.sanaq.checks.CandidateColumns;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.ProtocolFold;
import org.sanaq.schema.ProtocolSchema;

import scala.Tuple2;

/**
 * The run's one pass over the protocols: every fold's columns are computed in one Spark projection (with a second
 * projection of one row per protocol and candidate when a fold reads candidates, unioned with the first), each
 * partition's rows are folded into every fold's summaries, summaries are merged by key, finished where they were
 * merged, and collected. However many folds, this is one Spark job.
 */
public final class SharedScan {
    /** The finished results of a pass that may reach the driver, over all folds. */
    static final int MAX_RESULTS = 2_000_000;
    /** Whether a row of the pass is a protocol (0) or a (protocol, candidate) pair (1): the first column. */
    private static final String KIND = "_kind";

    private SharedScan() {
    }

    /** A fold's key within the pass: which fold, and the fold's own key. */
    private record ScanKey(int fold, Object key) implements Serializable {
    }

    /** The finished results of each fold, by the fold's keys, in the order of {@code folds}. */
    public static List<Map<Object, Object>> run(Dataset<Row> protocols, List<ProtocolFold<?, ?, ?>> folds) {
        List<Map<Object, Object>> out = new ArrayList<>();
        folds.forEach(f -> out.add(new LinkedHashMap<>()));
        if (folds.isEmpty()) {
            return out;
        }
        Layout layout = new Layout(protocols, folds);
        @SuppressWarnings("unchecked")
        List<ProtocolFold<Object, Object, Object>> generic = (List<ProtocolFold<Object, Object, Object>>) (List<?>) folds;
        int[] offsets = layout.offsets;
        int[] candidateOffsets = layout.candidateOffsets;
        List<Tuple2<ScanKey, Object>> finished = layout.rows().javaRDD()
                .mapPartitionsToPair(rows -> fold(rows, generic, offsets, candidateOffsets))
                .reduceByKey((a, b) -> merge(generic, a, b))
                .mapPartitions(merged -> finished(merged, generic))
                // collect, not take: take runs one job per growing set of partitions; each partition is capped
                .collect();
        if (finished.size() > MAX_RESULTS) {
            throw new IllegalStateException("the shared pass has more than " + MAX_RESULTS
                    + " results; a fold keys its summaries by something as fine as a precinct");
        }
        for (Tuple2<ScanKey, Object> t : finished) {
            out.get(t._1().fold()).put(t._1().key(), t._2());
        }
        return out;
    }

    /**
     * One partition's merged summaries, finished; at most {@link #MAX_RESULTS} + 1 of them, so that a fold keyed by
     * something as fine as a precinct is refused (below) without bringing every precinct to the driver.
     */
    private static Iterator<Tuple2<ScanKey, Object>> finished(Iterator<Tuple2<ScanKey, Object>> merged,
            List<ProtocolFold<Object, Object, Object>> folds) {
        List<Tuple2<ScanKey, Object>> out = new ArrayList<>();
        while (merged.hasNext() && out.size() <= MAX_RESULTS) {
            Tuple2<ScanKey, Object> e = merged.next();
            out.add(new Tuple2<>(e._1(), folds.get(e._1().fold()).finish(e._1().key(), ((Keyed) e._2()).summary())));
        }
        return out.iterator();
    }

    /** A summary travelling through the shuffle with the index of its fold, so that merging knows whose it is. */
    private record Keyed(int fold, Object summary) implements Serializable {
    }

    private static Object merge(List<ProtocolFold<Object, Object, Object>> folds, Object a, Object b) {
        Keyed left = (Keyed) a;
        Keyed right = (Keyed) b;
        return new Keyed(left.fold(), folds.get(left.fold()).merge(left.summary(), right.summary()));
    }

    /** One partition's rows folded by every fold: the summaries by key. */
    private static Iterator<Tuple2<ScanKey, Object>> fold(Iterator<Row> rows,
            List<ProtocolFold<Object, Object, Object>> folds, int[] offsets, int[] candidateOffsets) {
        List<Map<Object, Object>> summaries = new ArrayList<>();
        List<ProtocolFold.Summaries<Object, Object>> views = new ArrayList<>();
        FoldRow[] protocolRows = new FoldRow[folds.size()];
        FoldRow[] candidateRows = new FoldRow[folds.size()];
        for (int i = 0; i < folds.size(); i++) {
            Map<Object, Object> byKey = new HashMap<>();
            ProtocolFold<Object, Object, Object> fold = folds.get(i);
            summaries.add(byKey);
            views.add(key -> byKey.computeIfAbsent(key, fold::zero));
            protocolRows[i] = new FoldRow(offsets[i]);
            candidateRows[i] = new FoldRow(candidateOffsets[i]);
        }
        while (rows.hasNext()) {
            Row row = rows.next();
            boolean candidate = row.getInt(0) == 1;
            for (int i = 0; i < folds.size(); i++) {
                if (candidate) {
                    folds.get(i).addCandidate(views.get(i), candidateRows[i].at(row));
                } else {
                    folds.get(i).add(views.get(i), protocolRows[i].at(row));
                }
            }
        }
        List<Tuple2<ScanKey, Object>> out = new ArrayList<>();
        for (int i = 0; i < folds.size(); i++) {
            int fold = i;
            summaries.get(i).forEach((key, s) -> out.add(new Tuple2<>(new ScanKey(fold, key), new Keyed(fold, s))));
        }
        return out.iterator();
    }

    /**
     * Where each fold's columns sit in the pass's rows: column 0 is {@link #KIND}, then every fold's protocol
     * inputs, then every fold's candidate inputs; a protocol row has nulls in the candidate columns and the other
     * way round.
     */
    private static final class Layout {
        final int[] offsets;
        final int[] candidateOffsets;
        private final Dataset<Row> protocols;
        private final List<Column> protocolInputs = new ArrayList<>();
        private final List<Column> candidateInputs = new ArrayList<>();

        Layout(Dataset<Row> protocols, List<ProtocolFold<?, ?, ?>> folds) {
            this.protocols = protocols;
            offsets = new int[folds.size()];
            candidateOffsets = new int[folds.size()];
            for (int i = 0; i < folds.size(); i++) {
                offsets[i] = 1 + protocolInputs.size();
                protocolInputs.addAll(folds.get(i).inputs());
            }
            for (int i = 0; i < folds.size(); i++) {
                candidateOffsets[i] = 1 + protocolInputs.size() + candidateInputs.size();
                candidateInputs.addAll(folds.get(i).candidateInputs());
            }
        }

        /** The pass's rows: the protocols' projection, and the candidates' when a fold reads them. */
        Dataset<Row> rows() {
            Dataset<Row> byProtocol = protocols.select(named(protocolInputs, "p"));
            List<Column> columns = new ArrayList<>(List.of(lit(0).as(KIND)));
            columns.addAll(columnsOf(byProtocol));
            Dataset<Row> byCandidate = candidateInputs.isEmpty() ? null : candidates().select(
                    named(candidateInputs, "c"));
            if (byCandidate != null) {
                columns.addAll(nulls(byCandidate));
            }
            Dataset<Row> rows = byProtocol.select(columns.toArray(Column[]::new));
            if (byCandidate == null) {
                return rows;
            }
            List<Column> candidateColumns = new ArrayList<>(List.of(lit(1).as(KIND)));
            candidateColumns.addAll(nulls(byProtocol));
            candidateColumns.addAll(columnsOf(byCandidate));
            return rows.union(byCandidate.select(candidateColumns.toArray(Column[]::new)));
        }

        /** One row per protocol and candidate, with the candidate's name, votes and printed percentage. */
        private Dataset<Row> candidates() {
            return protocols.select(col("*"), explode(col(ProtocolSchema.VOTES))
                            .as(new String[] {CandidateColumns.CANDIDATE, CandidateColumns.CANDIDATE_VOTES}))
                    // apply, not getItem: Spark 3.5's getItem takes a literal key only, not a column
                    .withColumn(CandidateColumns.CANDIDATE_PCT,
                            col(ProtocolSchema.PUBLISHED_PCT).apply(col(CandidateColumns.CANDIDATE)));
        }

        private static Column[] named(List<Column> inputs, String prefix) {
            Column[] out = new Column[inputs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = inputs.get(i).as("_" + prefix + i);
            }
            return out;
        }

        private static List<Column> columnsOf(Dataset<Row> projection) {
            return java.util.Arrays.stream(projection.columns()).map(c -> col(c)).toList();
        }

        /** Nulls of each column's type (the union needs the same types on both sides); no Spark job. */
        private static List<Column> nulls(Dataset<Row> projection) {
            List<Column> out = new ArrayList<>();
            for (StructField f : projection.schema().fields()) {
                out.add(lit(null).cast(f.dataType()).as(f.name()));
            }
            return out;
        }
    }
}
