package org.sanaq.checks;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A check whose question needs more than grouped aggregations of the protocol table: a join (official × observer
 * copies), a ranked list. It computes its results in Spark itself and hands the driver only bounded rows, named
 * like {@link AggregationResults} entries (the first design, kept while checks move to typed plans).
 */
public interface JoiningCheck extends Check<AggregationResults> {

    /** Bounded results by name (one map per row); every collect must be capped or grouped to few rows. */
    Map<String, List<Map<String, Object>>> compute(Dataset<Row> protocols, CheckContext context);

    @Override
    default Plan<AggregationResults> plan(CheckContext context, ElectionFacts facts) {
        return new Plan.Joined<>(protocols -> new AggregationResults(compute(protocols, context)));
    }
}
