package org.sanaq.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.sanaq.checks.Aggregation;
import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.Check;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.JoiningCheck;
import org.sanaq.checks.Parameter;
import org.sanaq.results.CheckOutcome;
import org.sanaq.schema.Field;

/**
 * Checks made to fail at one step of a run, for the failure-isolation tests: in the judge, inside a Spark task of
 * the shared passes (fused into the same Spark aggregation as a real check's measures), and in a joining check's
 * own compute.
 */
final class FailingChecks {
    static final String JUDGE_MESSAGE = "the judge broke on purpose";
    static final String TASK_MESSAGE = "a Spark task broke on purpose";
    static final String COMPUTE_MESSAGE = "the joining pass broke on purpose";

    /** Set while {@link #throwsOnceOnExecutor} should fail; its first failure clears it. */
    private static final AtomicBoolean FAIL_ONCE = new AtomicBoolean();

    private FailingChecks() {
    }

    /** A check that declares a row count and throws whatever {@code failure} gives in its judge. */
    static Check throwsInJudge(String id, Supplier<RuntimeException> failure) {
        return new FailingCheck(id) {
            @Override
            public List<Aggregation> aggregations(CheckContext context) {
                return List.of(new Aggregation(id, id, lit(true), List.of(), false,
                        List.of(new Aggregation.Measure("rows", count(lit(1)))), 1));
            }

            @Override
            public CheckOutcome judge(CheckContext context, AggregationResults results) {
                throw failure.get();
            }
        };
    }

    /** A check that throws an Error in its judge. */
    static Check errorInJudge(String id, Error error) {
        return new FailingCheck(id) {
            @Override
            public List<Aggregation> aggregations(CheckContext context) {
                return List.of();
            }

            @Override
            public CheckOutcome judge(CheckContext context, AggregationResults results) {
                throw error;
            }
        };
    }

    /**
     * A check whose measure throws in a Spark task: a sum over a UDF that fails on every row, declared with the
     * rows, grouping and candidate flag of {@code host}'s first aggregation, so that it runs in the same Spark
     * aggregation as the host's measures.
     */
    static Check throwsOnExecutor(JobSpec.ConfiguredCheck host) {
        UserDefinedFunction fail = udf((UDF1<Long, Long>) v -> {
            throw new IllegalStateException(TASK_MESSAGE);
        }, DataTypes.LongType);
        return new FusedWith("throws_on_executor", host, fail);
    }

    /** Like {@link #throwsOnExecutor}, but its task fails only the first time after {@link #failOnce}. */
    static Check throwsOnceOnExecutor(JobSpec.ConfiguredCheck host) {
        UserDefinedFunction failOnce = udf((UDF1<Long, Long>) v -> {
            if (FAIL_ONCE.getAndSet(false)) {
                throw new IllegalStateException("a passing failure");
            }
            return v;
        }, DataTypes.LongType);
        return new FusedWith("throws_once_on_executor", host, failOnce);
    }

    /** Makes the next task of {@link #throwsOnceOnExecutor} fail. */
    static void failOnce() {
        FAIL_ONCE.set(true);
    }

    /** A joining check whose own compute throws whatever {@code failure} gives. */
    static Check throwsInCompute(String id, Supplier<RuntimeException> failure) {
        return new FailingJoin(id, failure);
    }

    /** The check with no parameters, as a job would configure it. */
    static JobSpec.ConfiguredCheck configured(Check check) {
        try {
            return new JobSpec.ConfiguredCheck(check, new CheckParameters("checks." + check.id(), Map.of(),
                    Map.of()));
        } catch (SpecException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The common part: an id, no parameters, and a judge that only a check that computed reaches. */
    private abstract static class FailingCheck implements Check {
        private final String id;

        FailingCheck(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<Parameter<?>> parameters() {
            return List.of();
        }

        @Override
        public CheckOutcome judge(CheckContext context, AggregationResults results) {
            return new CheckOutcome(id, List.of(), List.of(), List.of(), List.of());
        }
    }

    private static final class FusedWith extends FailingCheck {
        private final JobSpec.ConfiguredCheck host;
        private final UserDefinedFunction measure;

        FusedWith(String id, JobSpec.ConfiguredCheck host, UserDefinedFunction measure) {
            super(id);
            this.host = host;
            this.measure = measure;
        }

        @Override
        public List<Aggregation> aggregations(CheckContext context) {
            Aggregation fused = host.check().aggregations(new CheckContext(context.election(), context.country(),
                    context.conventions(), host.parameters(), context.messages())).get(0);
            return List.of(new Aggregation(id(), fused.rowsKey(), fused.rows(), fused.groupBy(),
                    fused.perCandidate(), List.of(new Aggregation.Measure("failing",
                            sum(measure.apply(col(Field.REGISTERED.column()))))), fused.maxGroups()));
        }
    }

    private static final class FailingJoin extends FailingCheck implements JoiningCheck {
        private final Supplier<RuntimeException> failure;

        FailingJoin(String id, Supplier<RuntimeException> failure) {
            super(id);
            this.failure = failure;
        }

        @Override
        public Map<String, List<Map<String, Object>>> compute(Dataset<Row> protocols, CheckContext context) {
            throw failure.get();
        }
    }
}
