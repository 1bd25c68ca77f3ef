package org.sanaq.checks;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Column;

/**
 * A grouped aggregation a check needs: which protocols ({@code rows}, with a key naming the filter so that equal
 * filters fuse), the grouping columns, optionally one row per candidate, and named measures. The runner fuses
 * all aggregations with the same rows, grouping and candidate flag into one Spark {@code agg}, and refuses a
 * result with more than {@code maxGroups} groups, so that the driver only ever sees bounded aggregates.
 *
 * <p>With {@code perCandidate}, each protocol contributes one row per candidate with the columns
 * {@link #CANDIDATE}, {@link #CANDIDATE_VOTES} and {@link #CANDIDATE_PCT} (the printed percentage, if any).
 */
public record Aggregation(String name, String rowsKey, Column rows, List<String> groupBy, boolean perCandidate,
        List<Measure> measures, int maxGroups) {

    public static final String CANDIDATE = "candidate";
    public static final String CANDIDATE_VOTES = "candidate_votes";
    public static final String CANDIDATE_PCT = "candidate_pct";

    /** One named aggregate expression. */
    public record Measure(String name, Column expression) {
    }

    public Aggregation {
        groupBy = List.copyOf(groupBy);
        measures = List.copyOf(measures);
    }

    /** A sum that is null ("not reported") when any protocol in the group did not report the value. */
    public static Column total(Column value) {
        return when(count(value).equalTo(count(lit(1))), sum(value));
    }
}
