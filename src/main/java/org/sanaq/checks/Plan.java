package org.sanaq.checks;

import java.util.Map;
import java.util.function.Function;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a check's results of type {@code T} are computed from the protocols: {@link Folded folded} in the run's one
 * shared pass (most checks), or {@link Joined} in the check's own Spark work (a comparison of two sources needs a
 * join). The judge then receives the {@code T}, typed.
 */
public sealed interface Plan<T> permits Plan.Folded, Plan.Joined {

    /** Results folded in the shared pass: the fold's finished summaries by key, assembled into a {@code T}. */
    record Folded<K, S, R, T>(ProtocolFold<K, S, R> fold, Function<Map<K, R>, T> assemble) implements Plan<T> {
        /**
         * The results from the shared pass's finished summaries of this fold, whose keys and values are the
         * fold's own {@code K} and {@code R} (the pass handles every fold's as objects).
         */
        @SuppressWarnings("unchecked")
        public T assembleFinished(Map<Object, Object> finished) {
            return assemble.apply((Map<K, R>) (Map<?, ?>) finished);
        }
    }

    /** Results the check computes in Spark itself, handing the driver only bounded values. */
    record Joined<T>(Function<Dataset<Row>, T> compute) implements Plan<T> {
    }

    /**
     * A fold of one summary for all rows (key {@link Whole#ALL}), whose finished result is the check's: that of the
     * empty summary when no row was added.
     */
    static <S, R> Plan<R> whole(ProtocolFold<Whole, S, R> fold) {
        return new Folded<>(fold, results -> results.containsKey(Whole.ALL) ? results.get(Whole.ALL)
                : fold.finish(Whole.ALL, fold.zero(Whole.ALL)));
    }

    /** The one key of a fold that keeps a single summary. */
    enum Whole {
        ALL
    }
}
