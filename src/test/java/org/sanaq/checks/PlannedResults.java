package org.sanaq.checks;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.results.CheckOutcome;
import org.sanaq.run.SharedScan;

/**
 * A check's results on a test's protocols, computed as a run computes them: the elections' facts in a first pass
 * ({@link ElectionFacts}), then the check's plan (its fold in the shared pass, or its own join).
 */
public final class PlannedResults {
    private PlannedResults() {
    }

    /** The results the check's judge receives. */
    public static <T> T of(Check<T> check, CheckContext context, Dataset<Row> protocols) {
        ElectionFacts facts = ElectionFacts.of(SharedScan.run(protocols,
                List.of(ElectionFacts.fold(context.conventions()))).get(0));
        Plan<T> plan = check.plan(context, facts);
        if (plan instanceof Plan.Folded<?, ?, ?, T> folded) {
            return folded.assembleFinished(SharedScan.run(protocols, List.of(folded.fold())).get(0));
        }
        if (plan instanceof Plan.Joined<T> joined) {
            return joined.compute().apply(protocols);
        }
        throw new IllegalArgumentException(check.id() + " plans grouped aggregations: run it through JobRunner.judge");
    }

    /** The check's outcome on the protocols. */
    public static <T> CheckOutcome judged(Check<T> check, CheckContext context, Dataset<Row> protocols) {
        return check.judge(context, of(check, context, protocols));
    }

}
