package org.sanaq.checks.digits;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.RowFactory;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.Plan;
import org.sanaq.checks.ProtocolFold;
import org.sanaq.results.CheckOutcome;
import org.sanaq.schema.ProtocolRecord;


/**
 * The digit tests run in-process, without Spark, over precinct protocols handed over one at a time: the same fold
 * ({@link DigitFold}), finish ({@link RowStatistics}) and judge ({@link DigitJudge}) as a run, for the calibration on
 * hundreds of synthetic elections (a Spark run per election would take most of a minute). Each precinct becomes a
 * row of the fold's inputs ({@link DigitFold#inputs}) in their order; a test compares the outcome with a Spark run
 * of the same election. An instance is filled by one thread.
 */
public final class LocalDigitTests {
    /**
     * One final precinct protocol of the election and source as the fold reads it: its unit (region), the file and
     * line it comes from (which seed the dip's jitter), registered voters, the numerator of turnout, the base of the
     * shares and the votes by candidate; a null figure is one not reported.
     */
    public record Precinct(String unit, String file, long line, Long registered, Long ballots, Long shareBase,
            Map<String, Long> votes) {
    }

    private final DigitTestsCheck check = new DigitTestsCheck();
    private final CheckContext context;
    private final Plan.Folded<UnitRow, UnitSummary, RowStatistics.Result, List<RowStatistics.Result>> plan;
    private final ProtocolFold<UnitRow, UnitSummary, RowStatistics.Result> fold;
    private final Map<UnitRow, UnitSummary> summaries = new HashMap<>();
    private final FoldRow view = new FoldRow(0);

    /** Empty summaries for the digit tests of {@code context} (its parameters are those of {@code digit_tests}). */
    @SuppressWarnings("unchecked") // the digit tests' plan is always this fold's (DigitTestsCheck#plan)
    public LocalDigitTests(CheckContext context) {
        this.context = context;
        // no election facts: the precincts are not known before they are added, so there are no units' sizes for
        // the placebo's random groups (a calibration counts the statistics' flags, which the groups do not change)
        this.plan = (Plan.Folded<UnitRow, UnitSummary, RowStatistics.Result, List<RowStatistics.Result>>) check
                .plan(context, new ElectionFacts(Map.of()));
        this.fold = plan.fold();
    }

    /** The metric names of the statistics that can flag (their p-values enter Benjamini–Hochberg), in order. */
    public static List<String> flaggingStatistics() {
        return Arrays.stream(DigitStatistic.values()).filter(DigitStatistic::tested).map(s -> s.metric).toList();
    }

    /** Adds one precinct, as the shared pass adds a row (a precinct of another election is not one of these). */
    public void add(Precinct p) {
        // the columns of DigitFold.inputs(), in order: wanted, unit, file, line, special, registered, turnout's
        // numerator, share base, votes (a Scala map, as Spark's rows hold them)
        fold.add(key -> summaries.computeIfAbsent(key, fold::zero), view.at(RowFactory.create(true, p.unit(),
                p.file(), p.line(), null, p.registered(), p.ballots(), p.shareBase(),
                p.votes() == null ? null : ProtocolRecord.scalaMap(p.votes()))));
    }

    /** The check's outcome on the precincts added: finished summaries, then the judge, as in a run. */
    public CheckOutcome outcome() {
        Map<UnitRow, RowStatistics.Result> finished = new HashMap<>();
        summaries.forEach((key, summary) -> finished.put(key, fold.finish(key, summary)));
        return check.judge(context, plan.assemble().apply(finished));
    }
}
