package org.sanaq.checks;

import java.util.List;
import java.util.Map;

/** The collected results of a check's aggregations, by aggregation name: one map per group, keys and measures. */
public record AggregationResults(Map<String, List<Map<String, Object>>> byName) {

    public List<Map<String, Object>> rows(String aggregation) {
        List<Map<String, Object>> rows = byName.get(aggregation);
        if (rows == null) {
            throw new IllegalArgumentException("no aggregation named " + aggregation);
        }
        return rows;
    }
}
