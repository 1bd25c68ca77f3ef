package org.sanaq.checks.digits;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.ProtocolSchema;

import scala.Tuple2;

/**
 * The one Spark pass of the digit tests: every precinct row is folded, per partition, into a {@link UnitSummary}
 * per (unit, row) (each proportion with its seeded jitter for the dip), summaries are reduced by key, the nation's are the merge of its units', and each summary
 * becomes a small map of statistics on the executors ({@link RowStatistics}). The driver receives one map per
 * unit and row, never a precinct.
 */
final class DigitPass {
    static final String TURNOUT = "turnout";

    /** The run's choices shipped to the executors: which protocols, which unit column, and the bootstrap. */
    record Settings(String election, String source, String unitColumn, int replicates,
            double confidence, long seed, int maxRows, int minPercentBase) implements Serializable {
    }

    /** One (unit, row): the unit's name (null for the nation) and the row ({@link #TURNOUT} or a candidate). */
    record Key(String unit, String subject) implements Serializable {
    }

    private DigitPass() {
    }

    static List<Map<String, Object>> run(Dataset<Row> protocols, Conventions conventions, Settings settings) {
        Dataset<Row> precincts = protocols.filter(col(Field.ELECTION.column()).equalTo(settings.election())
                        .and(col(Field.SOURCE.column()).equalTo(settings.source()))
                        .and(col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id()))
                        .and(col(Field.REPORTED_AT.column()).isNull()))
                .select(col(settings.unitColumn()), col(ProtocolSchema.FILE), col(ProtocolSchema.LINE),
                        col(Field.SPECIAL.column()), ProtocolColumns.field(Field.REGISTERED),
                        ProtocolColumns.turnoutNumerator(conventions),
                        ProtocolColumns.shareBase(conventions), col(ProtocolSchema.VOTES));
        JavaPairRDD<Key, UnitSummary> units = precincts.javaRDD()
                .mapPartitionsToPair(rows -> fold(rows, settings))
                .reduceByKey(UnitSummary::merge);
        JavaPairRDD<Key, UnitSummary> nation = units
                .mapToPair(e -> new Tuple2<>(new Key(null, e._1().subject()), e._2()))
                .reduceByKey(UnitSummary::merge);
        List<Map<String, Object>> rows = units.union(nation)
                .map(e -> RowStatistics.of(e._1().unit(), e._1().subject(), e._2(), settings.replicates(),
                        settings.confidence(), settings.seed()))
                .take(settings.maxRows() + 1);
        if (rows.size() > settings.maxRows()) {
            throw new IllegalStateException("digit_tests: more than " + settings.maxRows() + " (unit, row) pairs; "
                    + "choose a coarser level");
        }
        return new ArrayList<>(rows);
    }

    /** One partition's precinct rows folded into summaries per (unit, row). */
    private static Iterator<Tuple2<Key, UnitSummary>> fold(Iterator<Row> rows, Settings settings) {
        Map<Key, UnitSummary> out = new HashMap<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            String unit = r.isNullAt(0) ? "" : r.getString(0);
            UnitSummary turnout = out.computeIfAbsent(new Key(unit, TURNOUT), k -> new UnitSummary(
                    settings.minPercentBase(), false));
            if (!r.isNullAt(3) && !r.getString(3).isBlank()) {
                turnout.special++;
                continue;
            }
            String file = r.getString(1);
            long line = r.getLong(2);
            Double t = ratio(r, 5, 4);
            if (!r.isNullAt(5)) {
                turnout.addCount(r.getLong(5));
            }
            if (t != null) {
                turnout.addProportion(r.getLong(5), r.getLong(4), t, jitter(settings.seed(), file, line, TURNOUT));
            }
            if (r.isNullAt(7)) {
                continue;
            }
            for (Map.Entry<String, Long> vote : r.<String, Long>getJavaMap(7).entrySet()) {
                if (vote.getValue() == null) {
                    continue;
                }
                UnitSummary candidate = out.computeIfAbsent(new Key(unit, vote.getKey()), k -> new UnitSummary(
                        settings.minPercentBase(), true));
                candidate.addCount(vote.getValue());
                // shares enter with the precinct's turnout, which Sobyanin's slope needs
                if (t != null && !r.isNullAt(6) && r.getLong(6) > 0) {
                    candidate.addProportion(vote.getValue(), r.getLong(6), t,
                            jitter(settings.seed(), file, line, vote.getKey()));
                }
            }
        }
        List<Tuple2<Key, UnitSummary>> list = new ArrayList<>(out.size());
        out.forEach((k, v) -> list.add(new Tuple2<>(k, v)));
        return list.iterator();
    }

    /**
     * The U uniform in [0, 1) that jitters one precinct's proportion of one row for the dip ({@link UnitSummary}):
     * from a stream seeded by the run's seed and the precinct's file, line and row, so that it depends on the
     * precinct and the row only, never on how Spark partitions the rows.
     */
    static double jitter(long seed, String file, long line, String subject) {
        return new SplittableRandom(seed ^ (31L * file.hashCode() + 0x9E3779B97F4A7C15L * line)
                ^ (0xC2B2AE3D27D4EB4FL * subject.hashCode())).nextDouble();
    }

    /** numerator / denominator of the row's columns, or null when either is missing or the denominator is 0. */
    private static Double ratio(Row r, int numerator, int denominator) {
        if (r.isNullAt(numerator) || r.isNullAt(denominator) || r.getLong(denominator) <= 0) {
            return null;
        }
        return r.getLong(numerator) / (double) r.getLong(denominator);
    }
}
