package org.sanaq.checks;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A check whose question needs more than grouped aggregations of the protocol table: a join (official × observer
 * copies), a ranked list. It computes its results in Spark itself and hands the driver only bounded rows, named
 * like {@link AggregationResults} entries; the runner adds them to the results its {@link #judge} receives.
 * Its {@link #aggregations} may still declare fused aggregations; by default it declares none.
 */
public interface JoiningCheck extends Check {

    @Override
    default List<Aggregation> aggregations(CheckContext context) {
        return List.of();
    }

    /** Bounded results by name (one map per row); every collect must be capped or grouped to few rows. */
    Map<String, List<Map<String, Object>>> compute(Dataset<Row> protocols, CheckContext context);
}
