package org.sanaq.checks;

import java.util.List;

import org.apache.spark.sql.Column;

/**
 * Protocol rows a check names one by one, e.g. the worst violations of a relation: which rows, the columns to
 * keep (each aliased; the alias is the key in the result), the order, and a limit. The runner filters, orders
 * and limits in Spark, so at most {@code limit} rows reach the driver; the judge finds them in
 * {@link AggregationResults} under the selection's name. With {@code perCandidate} each protocol contributes one
 * row per candidate, with the same columns as in {@link Aggregation}, and {@code rows} may use them.
 */
public record Selection(String name, Column rows, boolean perCandidate, List<Column> columns, List<Column> order,
        int limit) {

    public Selection {
        columns = List.copyOf(columns);
        order = List.copyOf(order);
        if (limit <= 0) {
            throw new IllegalArgumentException("a selection needs a positive limit: " + name);
        }
    }
}
