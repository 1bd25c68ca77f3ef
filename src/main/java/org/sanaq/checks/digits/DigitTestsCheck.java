package org.sanaq.checks.digits;

import java.util.List;
import java.util.Map;

import org.sanaq.checks.Check;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.Plan;
import org.sanaq.checks.SpecialStations;
import org.sanaq.results.CheckOutcome;

/**
 * The digit and distribution tests of METHODS.md §3, named as the Election Forensics Toolkit (Mebane and Kalinin)
 * names them so that results can be set beside its own: 2BL, LastC, C05s, P05s, Skew, Kurt, DipT, Sobyanin, Obs,
 * first-digit Benford (chi-square and Nigrini's MAD, never flagging), the second-digit chi-square, and Beber and
 * Scacco's last-digit chi-square with repeated and adjacent last-two digits. For the turnout row (counts = ballots,
 * p = turnout) and each candidate (counts = votes, p = share), nationally and per unit of the chosen level, over
 * precinct protocols; stations marked {@code special} are left out and counted unless {@code special_stations:
 * include} ({@link SpecialStations}). Under {@code convention: eftoolkit} ({@link DigitConvention}) LastC, C05s and
 * P05s are computed as the Election Forensics Toolkit computes them, against its uniform null.
 *
 * <p>Issue 6 made the tests honest at the size of national elections (see {@link DigitStatistic}): 2BL and the
 * second-digit chi-square are descriptive; the last-two-digit pairs use counts ≥ 100; the dip is taken on
 * jittered proportions ({@link UnitSummary}); P05s uses bases of at least {@code min_percent_base} (default 100: a
 * precinct of 20 ballots can only show multiples of 5 %). Every bootstrap redraws bounded histograms
 * ({@link RowStatistics}), so the cost per (unit, row) does not grow with the number of precincts. Issue 16 tests
 * LastC, C05s, the last-digit chi-square, the pairs and P05s against an expectation that holds for any smooth
 * distribution of counts ({@link SmoothCountLaw}, {@link SmoothShareTest}), "not applicable" where counts are too
 * sparse to estimate it.
 *
 * <p>Its fold ({@link DigitFold}) builds bounded summaries in the run's shared pass and finishes them into
 * per-(unit, row) statistics and bootstrap intervals on the executors; the driver receives those, typed
 * ({@link RowStatistics.Result}), in the report's order. {@link DigitJudge} adds the dip's p-value,
 * Benjamini–Hochberg over the whole table and the flags.
 */
public final class DigitTestsCheck implements Check<List<RowStatistics.Result>> {
    public static final String ID = "digit_tests";
    private static final List<String> LEVELS = List.of("region", "district");

    @Override
    public String id() {
        return ID;
    }

    static final Parameter<String> SOURCE = Parameter.text("source", "official");
    static final Parameter<String> LEVEL = Parameter.choice("level", "region", LEVELS);
    static final Parameter<Double> ALPHA = Parameter.number("alpha", 0.01, 0, 0.5);
    static final Parameter<Double> CONFIDENCE = Parameter.number("confidence", 0.95, 0.5, 0.999);
    static final Parameter<Long> REPLICATES = Parameter.whole("replicates", 1_000, 100, 100_000);
    static final Parameter<Long> SEED = Parameter.whole("seed", 20231, Long.MIN_VALUE, Long.MAX_VALUE);
    static final Parameter<Long> DIP_SIMULATIONS = Parameter.whole("dip_simulations", 1_000, 100, 100_000);
    static final Parameter<Long> MIN_COUNT = Parameter.whole("min_count", 50, 1, 1_000_000);
    static final Parameter<Long> MIN_PERCENT_BASE = Parameter.whole("min_percent_base", 100, 1, 1_000_000);
    static final Parameter<Long> CHARTED_UNITS = Parameter.whole("charted_units", 3, 0, 100);
    static final Parameter<Long> MAX_ROWS = Parameter.whole("max_rows", 200_000, 1, 10_000_000);

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SOURCE, LEVEL, ALPHA, CONFIDENCE, REPLICATES, SEED, DIP_SIMULATIONS, MIN_COUNT,
                MIN_PERCENT_BASE, CHARTED_UNITS, MAX_ROWS, DigitConvention.PARAMETER, SpecialStations.PARAMETER);
    }

    @Override
    public Plan<List<RowStatistics.Result>> plan(CheckContext context, ElectionFacts facts) {
        CheckParameters p = context.parameters();
        DigitConvention convention = p.get(DigitConvention.PARAMETER);
        SpecialStations specialStations = SpecialStations.of(p);
        DigitFold.Settings settings = new DigitFold.Settings(context.election(), p.get(SOURCE), p.get(LEVEL),
                p.get(REPLICATES).intValue(), p.get(CONFIDENCE), p.get(SEED),
                convention.minPercentBase(p.get(MIN_PERCENT_BASE).intValue()), convention, specialStations,
                List.copyOf(facts.of(context.election(), p.get(SOURCE)).stations(specialStations)
                        .precinctsPerUnit(p.get(LEVEL)).values()));
        int maxRows = p.get(MAX_ROWS).intValue();
        return new Plan.Folded<>(new DigitFold(settings, context.conventions(), context.contentKeys()),
                results -> rows(results, maxRows));
    }

    /**
     * The results in the report's order ({@link UnitRow#ORDER}); more (unit, row) pairs than {@code maxRows} are
     * refused (a level as fine as precincts would make the table and the driver's work unbounded).
     */
    static List<RowStatistics.Result> rows(Map<UnitRow, RowStatistics.Result> results, int maxRows) {
        // the random groups of the placebo are no more than the real units: the bound holds for them too
        if (results.keySet().stream().filter(k -> !k.randomGroup()).count() > maxRows) {
            throw new IllegalStateException("digit_tests: more than " + maxRows + " (unit, row) pairs; "
                    + "choose a coarser level");
        }
        return results.entrySet().stream().sorted(Map.Entry.comparingByKey(UnitRow.ORDER))
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public CheckOutcome judge(CheckContext context, List<RowStatistics.Result> results) {
        return new DigitJudge(context, results).outcome();
    }
}
