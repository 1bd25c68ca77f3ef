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
import org.sanaq.checks.Plan;
import org.sanaq.checks.ProtocolFold;

/**
 * Computes the checks' plans so that an exception in one check becomes its {@link CheckFailure} and the other
 * checks go on: a failed check does nothing more (no compute, no judge) and its outcome is the ERROR finding.
 *
 * <p>What a check cannot cause ends the run as before: an {@link Error} thrown on the driver is never caught, and
 * a failure that {@link CheckFailure#fatal} calls fatal, that filled the disk ({@link EnvironmentFailure#ofComputing},
 * exit 5), or that happened because the Spark session was stopped (a killed run) is thrown on.
 */
final class IsolatedChecks {
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
     * The results of every check's plan, by check id (a failed check has none): the folds of all checks in one
     * shared pass ({@link SharedScan}), and each joining check's own work.
     */
    Map<String, Object> compute(Dataset<Row> protocols, Map<String, Plan<?>> plans) {
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Plan.Folded<?, ?, ?, ?>> folded = new LinkedHashMap<>();
        plans.forEach((check, plan) -> {
            if (plan instanceof Plan.Folded<?, ?, ?, ?> f) {
                folded.put(check, f);
            }
        });
        Map<String, Map<Object, Object>> byFold = shared(protocols, folded);
        folded.forEach((check, plan) -> {
            if (byFold.containsKey(check)) {
                attempt(check, () -> plan.assembleFinished(byFold.get(check))).ifPresent(r -> results.put(check, r));
            }
        });
        plans.forEach((check, plan) -> {
            if (plan instanceof Plan.Joined<?> joined) {
                attempt(check, () -> joined.compute().apply(protocols)).ifPresent(r -> results.put(check, r));
            }
        });
        return results;
    }

    /**
     * The folds of every check in one pass. A failure of the pass cannot say whose fold failed, so only then each
     * check's fold is run again on its own: the checks that fail alone are the failed ones, the others get their
     * results. A failure that no check repeats alone belongs to the run, not to a check, and is thrown on.
     */
    private Map<String, Map<Object, Object>> shared(Dataset<Row> protocols,
            Map<String, Plan.Folded<?, ?, ?, ?>> folded) {
        List<String> checks = new ArrayList<>(folded.keySet());
        List<ProtocolFold<?, ?, ?>> folds = checks.stream().<ProtocolFold<?, ?, ?>>map(c -> folded.get(c).fold())
                .toList();
        Map<String, Map<Object, Object>> out = new LinkedHashMap<>();
        try {
            List<Map<Object, Object>> results = SharedScan.run(protocols, folds);
            for (int i = 0; i < checks.size(); i++) {
                out.put(checks.get(i), results.get(i));
            }
            return out;
        } catch (Exception e) {
            if (endsTheRun(e)) {
                throw e;
            }
            int before = failures.size();
            for (String check : checks) {
                attempt(check, () -> SharedScan.run(protocols, List.of(folded.get(check).fold())).get(0))
                        .ifPresent(r -> out.put(check, r));
            }
            if (failures.size() == before) {
                throw e;
            }
            return out;
        }
    }

    private boolean endsTheRun(Exception e) {
        return CheckFailure.fatal(e) || EnvironmentFailure.ofComputing(e).isPresent()
                || spark.sparkContext().isStopped();
    }
}
