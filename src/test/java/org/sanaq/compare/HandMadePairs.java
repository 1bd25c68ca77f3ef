package org.sanaq.compare;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRow;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.Plan;
import org.sanaq.schema.ProtocolSchema;

import scala.collection.JavaConverters;

/**
 * The comparison's results from hand-made pairs of one full-count source, tallied by the same code as in a run
 * ({@link SourceTally} over {@link PairRow}s), without Spark: for tests of the judge.
 */
public final class HandMadePairs {
    private final SourceTally tally = new SourceTally(1);

    /** Adds a confident pair that differs: the official protocol's and the copy's votes by candidate. */
    public HandMadePairs pair(Map<String, Long> official, Map<String, Long> copy) {
        List<String> columns = ProtocolPairs.columns();
        Object[] values = new Object[columns.size()];
        values[columns.indexOf(ProtocolPairs.KIND)] = ProtocolPairs.COPY;
        values[columns.indexOf(ProtocolPairs.MATCHED)] = true;
        values[columns.indexOf(ProtocolPairs.DIFFERING)] = true;
        values[columns.indexOf(ProtocolPairs.CONFIDENT)] = true;
        values[columns.indexOf(ProtocolPairs.O + ProtocolSchema.VOTES)] = scalaMap(official);
        values[columns.indexOf(ProtocolPairs.C + ProtocolSchema.VOTES)] = scalaMap(copy);
        Row row = new GenericRow(values);
        tally.add(new PairRow().at(new FoldRow(0).at(row)));
        return this;
    }

    /** A Scala map as a Spark row holds one (JavaConverters: in Scala 2.12 and 2.13 alike, for both Spark lines). */
    @SuppressWarnings("deprecation")
    private static scala.collection.Map<String, Long> scalaMap(Map<String, Long> map) {
        return JavaConverters.mapAsScalaMap(map);
    }

    /** The results of the pairs added, from the source {@code observer:test}, with no district and empty lists. */
    public PairStatistics results() {
        return new PairStatistics(Map.of(new PairFolds.SourceKey("observer:test", false), tally), Map.of(),
                new PairFolds.Lists(new PairLists.Caps(1, 1, 1, 1, 1)).zero(Plan.Whole.ALL));
    }
}
