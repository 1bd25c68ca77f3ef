package org.sanaq.run;

import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.spark.sql.Column;
import org.sanaq.checks.Check;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.Plan;
import org.sanaq.checks.ProtocolFold;
import org.sanaq.results.CheckOutcome;

/**
 * Checks made to fail at one step of a run, for the failure-isolation tests: in the judge, inside a Spark task of
 * the shared pass (folded in the same Spark job as the real checks' summaries), and in a joining check's own
 * compute.
 */
final class FailingChecks {
    static final String JUDGE_MESSAGE = "the judge broke on purpose";
    static final String TASK_MESSAGE = "a Spark task broke on purpose";
    static final String COMPUTE_MESSAGE = "the joining pass broke on purpose";

    /** Set while {@link #throwsOnceOnExecutor} should fail; its first failure clears it. */
    private static final AtomicBoolean FAIL_ONCE = new AtomicBoolean();

    private FailingChecks() {
    }

    /** A check that counts the protocols in the shared pass and throws whatever {@code failure} gives in its judge. */
    static Check<Long> throwsInJudge(String id, Supplier<RuntimeException> failure) {
        return new FailingCheck(id, () -> Plan.whole(new RowCount(false))) {
            @Override
            public CheckOutcome judge(CheckContext context, Long rows) {
                throw failure.get();
            }
        };
    }

    /** A check that throws an Error in its judge. */
    static Check<Long> errorInJudge(String id, Error error) {
        return new FailingCheck(id, () -> Plan.whole(new RowCount(false))) {
            @Override
            public CheckOutcome judge(CheckContext context, Long rows) {
                throw error;
            }
        };
    }

    /** A check whose fold throws in a Spark task of the shared pass, on every row. */
    static Check<Long> throwsOnExecutor() {
        return new FailingCheck("throws_on_executor", () -> Plan.whole(new RowCount(true)));
    }

    /** Like {@link #throwsOnExecutor}, but its task fails only the first time after {@link #failOnce}. */
    static Check<Long> throwsOnceOnExecutor() {
        return new FailingCheck("throws_once_on_executor", () -> Plan.whole(new RowCount(false)));
    }

    /** Makes the next row of a {@link RowCount} fail (once, in whichever check's fold meets it first). */
    static void failOnce() {
        FAIL_ONCE.set(true);
    }

    /** A joining check whose own compute throws whatever {@code failure} gives. */
    static Check<Long> throwsInCompute(String id, Supplier<RuntimeException> failure) {
        return new FailingCheck(id, () -> new Plan.Joined<>(protocols -> {
            throw failure.get();
        }));
    }

    /** The check with no parameters, as a job would configure it. */
    static JobSpec.ConfiguredCheck configured(Check<?> check) {
        try {
            return new JobSpec.ConfiguredCheck(check, new CheckParameters("checks." + check.id(), Map.of(),
                    Map.of()));
        } catch (SpecException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the protocols; throws on every row when {@code failing}, or once after {@link #failOnce}. */
    private record RowCount(boolean failing) implements ProtocolFold<Plan.Whole, long[], Long> {
        @Override
        public List<Column> inputs() {
            return List.of(lit(1));
        }

        @Override
        public long[] zero(Plan.Whole key) {
            return new long[1];
        }

        @Override
        public void add(Summaries<Plan.Whole, long[]> summaries, FoldRow protocol) {
            if (failing) {
                throw new IllegalStateException(TASK_MESSAGE);
            }
            if (FAIL_ONCE.getAndSet(false)) {
                throw new IllegalStateException("a passing failure");
            }
            summaries.of(Plan.Whole.ALL)[0]++;
        }

        @Override
        public long[] merge(long[] left, long[] right) {
            left[0] += right[0];
            return left;
        }

        @Override
        public Long finish(Plan.Whole key, long[] summary) {
            return summary[0];
        }
    }

    /** The common part: an id, no parameters, a plan, and a judge that only a check that computed reaches. */
    private static class FailingCheck implements Check<Long> {
        private final String id;
        private final Supplier<Plan<Long>> plan;

        FailingCheck(String id, Supplier<Plan<Long>> plan) {
            this.id = id;
            this.plan = plan;
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
        public Plan<Long> plan(CheckContext context, ElectionFacts facts) {
            return plan.get();
        }

        @Override
        public CheckOutcome judge(CheckContext context, Long rows) {
            return new CheckOutcome(id, List.of(), List.of(), List.of(), List.of());
        }
    }
}
