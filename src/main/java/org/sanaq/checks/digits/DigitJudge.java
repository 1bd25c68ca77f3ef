package org.sanaq.checks.digits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.SpecialStations;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;
import org.sanaq.stats.BenjaminiHochberg;
import org.sanaq.stats.DipTest;
import org.sanaq.stats.MonteCarloP;
import org.sanaq.synthetic.HonestRates;
import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;

/**
 * The judging half of {@link DigitTestsCheck}, plain Java: the dip's p-value against seeded uniform samples,
 * "too few" below the minimum count, "not applicable" where fewer than the minimum can be tested,
 * Benjamini–Hochberg over every tested cell of the whole table (all units, rows and statistics), flags, metrics, the
 * table of statistics, the digit frequencies and their charts, and findings, each flag with its placebo
 * ({@link DigitPlacebo}) from the random groups' rows, which it keeps apart from the real ones.
 */
final class DigitJudge {
    private static final String ID = DigitTestsCheck.ID;
    static final String TABLE = ID + "_table";
    static final String DIGITS = ID + "_digits";
    /** The metric of a row's size: the counts observed. */
    static final String OBS = "obs";

    /** One statistic of one (unit, row), with its adjusted p-value and flag once judged. */
    static final class Cell {
        final RowStatistics.Result row;
        final DigitStatistic statistic;
        final RowStatistics.Estimate estimate;
        final long n;
        /** The part of n the statistic's null can test ({@link DigitStatistic#testable}; n for the others). */
        final long testable;
        final double value;
        final double ciLow;
        final double ciHigh;
        final double p;
        final double expected;
        double pAdjusted = Double.NaN;
        boolean flagged;

        Cell(RowStatistics.Result row, DigitStatistic statistic, RowStatistics.Estimate estimate,
                DigitConvention convention) {
            this.row = row;
            this.statistic = statistic;
            this.estimate = estimate;
            this.n = row.size(statistic.sample(convention));
            this.testable = row.size(statistic.testable(convention));
            this.value = estimate.value();
            this.ciLow = estimate.ciLow();
            this.ciHigh = estimate.ciHigh();
            this.p = statistic.tested() ? estimate.testP() : Double.NaN;
            // the row's own expectation where it has one (LastC, C05s, the pairs, P05s), else the statistic's
            this.expected = Double.isNaN(estimate.ownExpected()) ? statistic.expected : estimate.ownExpected();
        }

        boolean tooFew(long minCount) {
            return n < minCount;
        }

        /**
         * Enough counts, but too few at values whose neighbours allow a smooth expectation: no valid null, so no
         * value, no test, no flag ({@link SmoothCountLaw}).
         */
        boolean notApplicable(long minCount) {
            return !tooFew(minCount) && testable < minCount;
        }

        /** Whether the cell has a value to show and judge: enough counts, and a null that applies. */
        boolean judged(long minCount) {
            return !tooFew(minCount) && !notApplicable(minCount);
        }

        boolean excludesExpected() {
            return expected < ciLow || expected > ciHigh;
        }
    }

    private final Messages messages;
    private final String level;
    private final double alpha;
    private final double confidence;
    private final long minCount;
    /** The dip test's simulations, whose floor 1/(R + 1) its p-values are written against. */
    private final int dipSimulations;
    private final int chartedUnits;
    private final DigitConvention convention;
    private final SpecialStations specialStations;
    private final List<RowStatistics.Result> rows;
    private final List<Cell> cells;
    private final DigitPlacebo placebo;

    /** The judgement of the rows' statistics, given in the report's order ({@link UnitRow#ORDER}). */
    DigitJudge(CheckContext context, List<RowStatistics.Result> rows) {
        this(context, rows, context.parameters().get(DigitConvention.PARAMETER) == DigitConvention.SANAQ
                ? HonestRates.shipped()::forSize : DigitJudge::notCalibrated);
    }

    /** The shipped honest rates are those of the default convention: under EFToolkit's none is calibrated. */
    private static Optional<HonestRates.Rate> notCalibrated(long precincts, String statistic) {
        return Optional.empty();
    }

    /** The judgement with the honest rates of {@code honest} (tests give their own). */
    DigitJudge(CheckContext context, List<RowStatistics.Result> results, DigitPlacebo.HonestLookup honest) {
        CheckParameters p = context.parameters();
        this.messages = context.messages();
        this.level = p.get(DigitTestsCheck.LEVEL);
        this.alpha = p.get(DigitTestsCheck.ALPHA);
        this.confidence = p.get(DigitTestsCheck.CONFIDENCE);
        this.minCount = p.get(DigitTestsCheck.MIN_COUNT).intValue();
        this.chartedUnits = p.get(DigitTestsCheck.CHARTED_UNITS).intValue();
        this.convention = p.get(DigitConvention.PARAMETER);
        this.specialStations = SpecialStations.of(p);
        this.rows = results.stream().filter(r -> !r.key().randomGroup()).toList();
        int simulations = p.get(DigitTestsCheck.DIP_SIMULATIONS).intValue();
        this.dipSimulations = simulations;
        long seed = p.get(DigitTestsCheck.SEED);
        Map<Long, double[]> dipReferences = new HashMap<>();
        this.cells = cells(rows, simulations, seed, dipReferences);
        adjust();
        List<Cell> groups = cells(results.stream().filter(r -> r.key().randomGroup()).toList(), simulations, seed,
                dipReferences);
        this.placebo = new DigitPlacebo(messages, level, alpha, minCount, cells, groups, precincts(), honest);
    }

    /** Every statistic of every row, the dip with its p-value. */
    private List<Cell> cells(List<RowStatistics.Result> of, int simulations, long seed,
            Map<Long, double[]> dipReferences) {
        List<Cell> out = new ArrayList<>();
        for (RowStatistics.Result row : of) {
            for (DigitStatistic s : DigitStatistic.values()) {
                out.add(new Cell(row, s, s == DigitStatistic.DIP ? dipTest(row, simulations, seed, dipReferences)
                        : row.estimate(s), convention));
            }
        }
        return out;
    }

    /** The election's size for the honest rates: its precincts not marked special (the nation's turnout row). */
    private long precincts() {
        return rows.stream().filter(r -> r.key().national() && r.key().turnout())
                .mapToLong(RowStatistics.Result::observations).sum();
    }

    /**
     * The dip test of a row with a dip and enough proportions (none otherwise): its p-value against the simulated
     * reference of its size, one reference per size shared between rows.
     */
    private RowStatistics.Estimate dipTest(RowStatistics.Result row, int simulations, long seed,
            Map<Long, double[]> references) {
        long n = row.size(DigitStatistic.Sample.PROPORTIONS);
        if (!Double.isFinite(row.dip()) || n < minCount) {
            return RowStatistics.Estimate.NONE;
        }
        double[] reference = references.computeIfAbsent(Math.min(n, DipTest.SIMULATED_MAX_N),
                size -> DipTest.nullDistribution(size, simulations, seed));
        return RowStatistics.Estimate.test(DipTest.pValue(row.dip(), n, reference));
    }

    /** Benjamini–Hochberg over every tested cell with enough counts; flags where it and the interval agree. */
    private void adjust() {
        List<Cell> tested = cells.stream().filter(c -> c.statistic.tested() && c.judged(minCount)
                && Double.isFinite(c.p)).toList();
        double[] adjusted = BenjaminiHochberg.adjust(tested.stream().mapToDouble(c -> c.p).toArray());
        for (int i = 0; i < adjusted.length; i++) {
            Cell c = tested.get(i);
            c.pAdjusted = adjusted[i];
            c.flagged = adjusted[i] <= alpha && c.excludesExpected();
        }
    }

    CheckOutcome outcome() {
        return new CheckOutcome(ID, metrics(), findings(), List.of(table(), digits()), figures());
    }

    private String scope(RowStatistics.Result row) {
        return row.key().national() ? "national" : level + "=" + row.key().unit();
    }

    private static String subject(RowStatistics.Result row) {
        return row.key().subject();
    }

    private List<Metric> metrics() {
        List<Metric> out = new ArrayList<>();
        for (RowStatistics.Result row : rows) {
            String scope = scope(row);
            String subject = subject(row);
            out.add(new Metric(ID, scope, subject, OBS, row.observations()));
            // the samples the row was given, in their order (all counts only under EFToolkit's convention)
            row.sizes().forEach((s, size) -> out.add(new Metric(ID, scope, subject, s.key, size)));
            if (row.key().turnout()) {
                out.add(new Metric(ID, scope, subject, specialStations.done() + "_special", row.special()));
            }
        }
        for (Cell c : cells) {
            if (!c.judged(minCount) || !Double.isFinite(c.value)) {
                continue;
            }
            String scope = scope(c.row);
            out.add(new Metric(ID, scope, subject(c.row), c.statistic.metric, c.value));
            if (Double.isFinite(c.ciLow)) {
                out.add(new Metric(ID, scope, subject(c.row), c.statistic.ciLow(), c.ciLow));
                out.add(new Metric(ID, scope, subject(c.row), c.statistic.ciHigh(), c.ciHigh));
            }
            if (!Double.isNaN(c.estimate.ownExpected())) {
                out.add(new Metric(ID, scope, subject(c.row), c.statistic.expectedKey(), c.expected));
            }
            // a descriptive statistic's test p is shown, though it never flags
            double descriptiveP = c.estimate.testP();
            if (c.statistic.role == DigitStatistic.Role.INFORMATIONAL && Double.isFinite(c.ciLow)
                    && Double.isFinite(descriptiveP)) {
                out.add(new Metric(ID, scope, subject(c.row), c.statistic.testP(), descriptiveP));
            }
        }
        return out;
    }

    private List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        List<Cell> flagged = cells.stream().filter(c -> c.flagged)
                .sorted(Comparator.comparingDouble(c -> c.pAdjusted)).toList();
        for (Cell c : flagged) {
            String sentence = messages.format(flagKey(c.statistic), label(c.statistic), subject(c.row),
                    where(c.row), c.value, c.expected, Math.round(confidence * 100), c.ciLow, c.ciHigh, c.testable,
                    Numbers.pRelation(c.pAdjusted, messages.locale()));
            out.add(new Finding(ID, scope(c.row), subject(c.row), c.statistic.metric, c.value, c.p, c.pAdjusted,
                    Verdict.FLAG, sentence, List.of("tables/" + TABLE + ".csv"),
                    null, null,
                    placebo.of(c, label(c.statistic), where(c.row))));
        }
        long tested = cells.stream().filter(c -> Double.isFinite(c.pAdjusted)).count();
        for (RowStatistics.Result row : rows) {
            if (!row.key().national() || flagged.stream().anyMatch(c -> c.row == row)) {
                continue;
            }
            // the counts LastC is taken over: of at least 10, or every count under EFToolkit's convention
            long n = row.size(DigitStatistic.LAST_DIGIT_MEAN.sample(convention));
            boolean tooFew = n < minCount;
            out.add(new Finding(ID, "national", subject(row), "flagged_cells", 0.0, null, null,
                    tooFew ? Verdict.INCONCLUSIVE : Verdict.PASS, tooFew
                            ? messages.format(convention.key(ID + ".too_few"), subject(row), n, minCount)
                            : messages.format(convention.key(ID + ".national_pass"), subject(row), n, alpha),
                    List.of(), null));
        }
        if (tested == 0) {
            // nothing had the min_count counts a digit test needs: no pass on 0 of 0
            out.add(Finding.inconclusive(ID, "national", "all", "flagged_cells", 0,
                    messages.format(ID + ".nothing_tested", minCount, special())));
            return out;
        }
        out.add(new Finding(ID, "national", "all", "flagged_cells", (double) flagged.size(), null, null,
                flagged.isEmpty() ? Verdict.PASS : Verdict.FLAG, messages.format(convention.key(ID + ".summary"),
                        flagged.size(), tested, alpha, special()), List.of("tables/" + TABLE + ".csv"),
                null));
        return out;
    }

    /** The clause that says how many stations marked special were left out or included. */
    private String special() {
        return specialStations.clause(messages, ID, rows.stream().filter(r -> r.key().national() && r.key().turnout())
                .mapToLong(RowStatistics.Result::special).sum());
    }

    /** A flag's sentence: under EFToolkit's convention, a uniform-null statistic's says whose expectation it is. */
    private String flagKey(DigitStatistic statistic) {
        return ID + (convention.uniform(statistic) ? ".flag_interval_eftoolkit" : ".flag_interval");
    }

    private String where(RowStatistics.Result row) {
        return row.key().national() ? messages.format(ID + ".nationally") : row.key().unit();
    }

    private String label(DigitStatistic s) {
        return messages.format(ID + ".label." + s.metric);
    }

    /**
     * The table of statistics: one line per (unit, row), flagged cells marked, "too few" where counts are few, "not
     * applicable" where too few of them can be tested.
     */
    private DetailTable table() {
        List<String> columns = new ArrayList<>(List.of("scope", "subject", OBS,
                DigitStatistic.Sample.AT_LEAST_10.key, DigitStatistic.Sample.PROPORTIONS.key, "flags"));
        for (DigitStatistic s : DigitStatistic.values()) {
            columns.add(s.metric);
        }
        // the sizes added by issue 6 and the row's own expectations of LastC, C05s, the pairs and P05s (where 4.5,
        // 0.2, 0.1, 0.2 and 0.2 were fixed)
        columns.addAll(List.of(DigitStatistic.Sample.AT_LEAST_100.key, DigitStatistic.Sample.PERCENT_BASE.key,
                DigitStatistic.LAST_DIGIT_MEAN.expectedKey(), DigitStatistic.LAST_ZERO_OR_FIVE.expectedKey(),
                DigitStatistic.REPEATED_PAIRS.expectedKey(), DigitStatistic.ADJACENT_PAIRS.expectedKey(),
                DigitStatistic.PERCENT_ZERO_OR_FIVE.expectedKey()));
        Map<RowStatistics.Result, List<Cell>> byRow = new LinkedHashMap<>();
        cells.forEach(c -> byRow.computeIfAbsent(c.row, r -> new ArrayList<>()).add(c));
        List<List<String>> lines = new ArrayList<>();
        byRow.forEach((row, rowCells) -> {
            List<String> line = new ArrayList<>(List.of(scope(row), subject(row), Long.toString(row.observations()),
                    Long.toString(row.size(DigitStatistic.Sample.AT_LEAST_10)),
                    Long.toString(row.size(DigitStatistic.Sample.PROPORTIONS)),
                    Long.toString(rowCells.stream().filter(c -> c.flagged).count())));
            rowCells.forEach(c -> line.add(cellText(c)));
            line.add(Long.toString(row.size(DigitStatistic.Sample.AT_LEAST_100)));
            line.add(Long.toString(row.size(DigitStatistic.Sample.PERCENT_BASE)));
            for (DigitStatistic s : List.of(DigitStatistic.LAST_DIGIT_MEAN, DigitStatistic.LAST_ZERO_OR_FIVE,
                    DigitStatistic.REPEATED_PAIRS, DigitStatistic.ADJACENT_PAIRS,
                    DigitStatistic.PERCENT_ZERO_OR_FIVE)) {
                line.add(format(row.estimate(s).ownExpected()));
            }
            lines.add(line);
        });
        // national lines first, then the units with most flags
        lines.sort(Comparator.<List<String>, Boolean>comparing(l -> !l.get(0).equals("national"))
                .thenComparing(l -> -Long.parseLong(l.get(5))));
        return new DetailTable(TABLE, messages.format(convention.key(ID + ".table_title")), columns, lines);
    }

    private String cellText(Cell c) {
        if (c.tooFew(minCount)) {
            return messages.format(ID + ".too_few_cell");
        }
        if (c.notApplicable(minCount)) {
            return messages.format(ID + ".not_applicable_cell", c.testable, c.n);
        }
        if (!Double.isFinite(c.value)) {
            return "";
        }
        // a dip p at the floor of its simulations says only that none reached the dip: a bound, not a value
        String text = c.statistic == DigitStatistic.DIP && MonteCarloP.atFloor(c.value, dipSimulations)
                ? MonteCarloP.relation(c.value, dipSimulations) : format(c.value);
        if (Double.isFinite(c.ciLow)) {
            text += " [" + format(c.ciLow) + ", " + format(c.ciHigh) + "]";
        }
        return c.flagged ? text + " " + messages.format(ID + ".flag_mark") : text;
    }

    private static String format(double x) {
        if (!Double.isFinite(x)) {
            return "";
        }
        return Math.abs(x) >= 0.001 || x == 0 ? String.format(Locale.ROOT, "%.4f", x)
                : String.format(Locale.ROOT, "%.2e", x);
    }

    /** Observed and expected digit counts of every (unit, row): first, second and last digits. */
    private DetailTable digits() {
        List<List<String>> lines = new ArrayList<>();
        for (RowStatistics.Result row : rows) {
            RowStatistics.Digits digits = row.digits();
            addDigits(lines, row, "first", digits.first(), DigitLaws.BENFORD_FIRST, 1);
            addDigits(lines, row, "second", digits.second(), DigitLaws.BENFORD_SECOND, 0);
            addDigits(lines, row, "last", digits.last(), digits.lastExpected(), 0);
        }
        return new DetailTable(DIGITS, messages.format(ID + ".digits_title"), List.of("scope", "subject", "position",
                "digit", "bin_low", "bin_high", "observed", "expected"), lines);
    }

    private void addDigits(List<List<String>> lines, RowStatistics.Result row, String position, long[] observed,
            double[] law, int firstDigit) {
        long n = UnitSummary.total(observed);
        for (int i = 0; i < observed.length; i++) {
            int digit = i + firstDigit;
            lines.add(List.of(scope(row), subject(row), position, Integer.toString(digit),
                    Double.toString(digit - 0.4), Double.toString(digit + 0.4), Long.toString(observed[i]),
                    Double.isNaN(law[i]) ? "" : String.format(Locale.ROOT, "%.2f", n * law[i])));
        }
    }

    /** Last digits nationally for every row; last and second digits of the rows with most flags. */
    private List<FigureSpec> figures() {
        List<FigureSpec> out = new ArrayList<>();
        for (RowStatistics.Result row : rows) {
            if (row.key().national()) {
                out.add(figure(row, "last"));
            }
        }
        Map<RowStatistics.Result, Long> flags = new LinkedHashMap<>();
        cells.stream().filter(c -> c.flagged && !c.row.key().national())
                .forEach(c -> flags.merge(c.row, 1L, Long::sum));
        flags.entrySet().stream().sorted(Map.Entry.<RowStatistics.Result, Long>comparingByValue().reversed())
                .limit(chartedUnits).forEach(e -> {
                    out.add(figure(e.getKey(), "last"));
                    out.add(figure(e.getKey(), "second"));
                });
        return out;
    }

    private FigureSpec figure(RowStatistics.Result row, String position) {
        String scope = scope(row);
        return new FigureSpec(ID, ID + "_" + position + "_" + scope + "_" + subject(row), "histogram_vs_expected",
                messages.format(ID + ".figure_title_" + position, subject(row), where(row)), DIGITS,
                Map.of("bin_low", "bin_low", "bin_high", "bin_high", "observed", "observed", "expected",
                        "expected"), Map.of("scope", scope, "subject", subject(row), "position", position),
                messages.format(lastDigitKey(ID + ".figure_x_", position)), messages.format(ID + ".figure_y"),
                messages.format(lastDigitKey(ID + ".figure_caption_", position)));
    }

    /** The words of a digit chart: those of the last digits under EFToolkit's convention are its own. */
    private String lastDigitKey(String prefix, String position) {
        return position.equals("last") ? convention.key(prefix + position) : prefix + position;
    }
}
