package org.sanaq.checks;

import java.util.List;

/**
 * A check built on grouped Spark aggregations and selections ({@link Plan.Aggregated}), the first design, kept
 * while the checks move to folds in the shared pass ({@link ProtocolFold}).
 */
public interface AggregatingCheck extends Check<AggregationResults> {

    /** The aggregations this check needs over the canonical protocol table. */
    List<Aggregation> aggregations(CheckContext context);

    /** Protocol rows the check names one by one (each bounded by its limit); none unless a check needs them. */
    default List<Selection> selections(CheckContext context) {
        return List.of();
    }

    @Override
    default Plan<AggregationResults> plan(CheckContext context, ElectionFacts facts) {
        return new Plan.Aggregated(aggregations(context), selections(context));
    }
}
