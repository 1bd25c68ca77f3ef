package org.sanaq.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sanaq.checks.Aggregation;
import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.Selection;

/**
 * Runs each check's part of a run so that an exception in one check becomes its {@link CheckFailure} and the other
 * checks go on: a failed check does nothing more (no compute, no judge) and its outcome is the ERROR finding.
 *
 * <p>What a check cannot cause ends the run as before: an {@link Error} thrown on the driver is never caught, and
 * a failure that {@link CheckFailure#fatal} calls fatal, that filled the disk ({@link EnvironmentFailure#ofComputing},
 * exit 5), or that happened because the Spark session was stopped (a killed run) is thrown on.
 */
final class IsolatedChecks {
    /** What a check asked for from the shared passes. */
    record Declared(List<Aggregation> aggregations, List<Selection> selections) {
    }

    private final SparkSession spark;
    private final Progress progress;
    private final Map<String, CheckFailure> failures = new LinkedHashMap<>();

    IsolatedChecks(SparkSession spark, Progress progress) {
        this.spark = spark;
        this.progress = progress;
    }

    /** The check's failure, if it failed. */
    Optional<CheckFailure> failure(String check) {
        return Optional.ofNullable(failures.get(check));
    }

    int failed() {
        return failures.size();
    }

    /**
     * Runs one check's piece of work: its result, or empty when the check failed now or before. A null result is
     * a failure too.
     */
    <T> Optional<T> attempt(String check, Supplier<T> work) {
        if (failures.containsKey(check)) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } catch (Exception e) {
            if (endsTheRun(e)) {
                throw e;
            }
            CheckFailure failure = CheckFailure.of(check, e);
            failures.put(check, failure);
            progress.failure("the check " + check + " could not run: " + failure.message()
                    + "; the other checks go on", e);
            return Optional.empty();
        }
    }

    /**
     * The aggregations and selections of every check, computed together by {@link FusedAggregations}. A failure of
     * the shared passes cannot say whose measure failed, so only then each check's are computed again on their own:
     * the checks that fail alone are the failed ones, the others get their results. A failure that no check
     * repeats alone belongs to the run, not to a check, and is thrown on.
     */
    AggregationResults fused(Dataset<Row> protocols, Map<String, Declared> declared) {
        List<Aggregation> aggregations = new ArrayList<>();
        List<Selection> selections = new ArrayList<>();
        declared.values().forEach(d -> {
            aggregations.addAll(d.aggregations());
            selections.addAll(d.selections());
        });
        try {
            return FusedAggregations.run(protocols, aggregations, selections);
        } catch (Exception e) {
            if (endsTheRun(e)) {
                throw e;
            }
            int before = failures.size();
            Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
            declared.forEach((check, d) -> attempt(check,
                    () -> FusedAggregations.run(protocols, d.aggregations(), d.selections()))
                    .ifPresent(results -> byName.putAll(results.byName())));
            if (failures.size() == before) {
                throw e;
            }
            return new AggregationResults(byName);
        }
    }

    private boolean endsTheRun(Exception e) {
        return CheckFailure.fatal(e) || EnvironmentFailure.ofComputing(e).isPresent()
                || spark.sparkContext().isStopped();
    }
}
