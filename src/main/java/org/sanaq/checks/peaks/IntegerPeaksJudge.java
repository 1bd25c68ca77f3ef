package org.sanaq.checks.peaks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sanaq.checks.CheckContext;
import org.sanaq.checks.SpecialStations;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Effect;
import org.sanaq.text.Numbers;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Placebo;
import org.sanaq.results.Verdict;
import org.sanaq.stats.MonteCarloP;
import org.sanaq.text.Messages;

/**
 * Turns the tally of {@link IntegerPeaksCheck} into metrics, findings, tables and histograms. The headline null
 * is the exact one: its excess (the finding's effect), z and p-value are the finding's. The Monte Carlo null, when
 * it ran, stands beside it, its p-value written as a bound at its floor of 1/(replicates + 1) ({@link MonteCarloP}),
 * where it says only that no replicate reached the observation; both are in the metrics with their agreement: the
 * difference of their means in units of the Monte Carlo mean's standard error, sd/√replicates. A figure is flagged
 * when its exact p-value is below {@code alpha}.
 */
final class IntegerPeaksJudge {
    private static final String ID = IntegerPeaksCheck.ID;
    private static final String SCOPE = "national";
    private static final String HISTOGRAM = ID + "_histogram";
    private static final String SUMMARY = ID + "_summary";
    static final String NULL = ID + "_null";
    /**
     * Fewest included precincts the check judges. A precinct lands on a whole-number figure by chance about once in
     * ten, so fewer than 20 precincts expect fewer than two whole numbers: no excess can stand out from chance, and
     * the exact null's normal tail is no approximation at such counts. Fewer give an inconclusive finding.
     */
    static final int MIN_PRECINCTS = 20;

    private final Messages messages;
    private final double alpha;
    private final PeakResults results;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<List<String>> summaryRows = new ArrayList<>();
    private final List<List<String>> nullRows = new ArrayList<>();

    IntegerPeaksJudge(CheckContext context, PeakResults results) {
        this.messages = context.messages();
        this.alpha = context.parameters().get(IntegerPeaksCheck.ALPHA);
        this.results = results;
    }

    CheckOutcome outcome() {
        SpecialStations.Count special = results.special();
        metric("all", special.metric("stations_special_"), special.stations());
        PeakTally tally = results.tally();
        if (results.leader() == null || tally.included == 0) {
            findings.add(Finding.inconclusive(ID, SCOPE, "all", "stations_included", 0,
                    messages.format(ID + ".no_precincts")));
            return new CheckOutcome(ID, metrics, findings, List.of(), List.of());
        }
        if (tally.included < MIN_PRECINCTS) {
            metric("all", "stations_included", tally.included);
            findings.add(Finding.inconclusive(ID, SCOPE, "all", "stations_included", tally.included,
                    messages.format(ID + ".too_few", tally.included, MIN_PRECINCTS)));
            return new CheckOutcome(ID, metrics, findings, List.of(), List.of());
        }
        int replicates = tally.replicates[0].length;
        metric("all", "stations_included", tally.included);
        metric("all", "replicates", replicates);
        for (int f : new int[] {PeakTally.EITHER, PeakTally.RESULT, PeakTally.TURNOUT}) {
            judgeFigure(tally, f, false, special);
            judgeFigure(tally, f, true, special);
        }
        List<FigureSpec> figures = List.of(nullChart(), histogram("result"), histogram("turnout"));
        return new CheckOutcome(ID, metrics, findings,
                List.of(summaryTable(), nullTable(), histogramTable(tally)), figures);
    }

    private void judgeFigure(PeakTally tally, int f, boolean voters, SpecialStations.Count special) {
        String figure = PeakTally.FIGURES[f];
        String suffix = voters ? "_voters" : "";
        double observed = voters ? tally.observedVoters[f] : tally.observed[f];
        NullSummary exact = NullSummary.exact(observed, voters ? tally.expectedVoters[f] : tally.expected[f],
                voters ? tally.varianceVoters[f] : tally.variance[f], !voters);
        long[] replicates = voters ? tally.replicateVoters[f] : tally.replicates[f];
        NullSummary mc = replicates.length > 1 ? NullSummary.monteCarlo((long) observed, replicates) : null;
        metric(figure, "observed_" + figure + suffix, observed);
        metric(figure, "excess_" + figure + suffix, exact.excess());
        metric(figure, "p_value_" + figure + suffix, exact.pValue());
        metric(figure, "exact_expected_" + figure + suffix, exact.mean());
        metric(figure, "exact_sd_" + figure + suffix, exact.sd());
        metric(figure, "exact_z_" + figure + suffix, exact.z());
        metric(figure, "exact_p_value_" + figure + suffix, exact.pValue());
        double agreement = Double.NaN;
        if (mc != null) {
            metric(figure, "mc_mean_" + figure + suffix, mc.mean());
            metric(figure, "mc_sd_" + figure + suffix, mc.sd());
            metric(figure, "mc_p999_minus_mean_" + figure + suffix, mc.p999MinusMean());
            metric(figure, "mc_z_" + figure + suffix, mc.z());
            metric(figure, "mc_p_value_" + figure + suffix, mc.pValue());
            agreement = (mc.mean() - exact.mean()) / (mc.sd() / Math.sqrt(replicates.length));
            metric(figure, "mc_exact_difference_z_" + figure + suffix, agreement);
        }
        summaryRows.add(List.of(figure, voters ? "voters" : "precincts", number(observed),
                mc == null ? "" : number(mc.mean()), mc == null ? "" : number(mc.sd()),
                mc == null ? "" : number(mc.p999MinusMean()), mc == null ? "" : number(mc.excess()),
                mc == null ? "" : mcPValue(mc.pValue(), replicates.length), number(exact.mean()), number(exact.sd()),
                number(exact.excess()), number(exact.z()), number(exact.pValue()),
                number(agreement)));
        if (!voters) {
            nullRows.add(List.of(messages.format(ID + ".figure_" + figure), number(observed), number(exact.mean()),
                    number(exact.mean() - exact.p999MinusMean()), number(exact.mean() + exact.p999MinusMean()),
                    number(exact.excess()), number(exact.z())));
            findings.add(finding(figure, tally, exact, mc, special));
        }
    }

    /** The figure's finding: the exact null's excess, z and p-value, the Monte Carlo null's p beside them. */
    private Finding finding(String figure, PeakTally tally, NullSummary exact, NullSummary mc,
            SpecialStations.Count special) {
        boolean flag = exact.pValue() < alpha;
        int replicates = tally.replicates[0].length;
        String monteCarlo = mc == null ? messages.format(ID + ".null_exact")
                : messages.format(ID + ".null_mc", mcRelation(mc.pValue(), replicates),
                        count(replicates), decimal(mc.mean()));
        String sentence = messages.format(ID + (flag ? ".flag" : ".pass"), messages.format(ID + ".figure_" + figure),
                count(exact.observed()), count(tally.included), decimal(exact.mean()), decimal(exact.excess()),
                decimal(exact.sd()), decimal(exact.z()), Numbers.pRelation(exact.pValue(), messages.locale()),
                monteCarlo,
                special.choice().clause(messages, ID, count(special.stations())));
        // the precincts at whole percents beyond what the exact null expects, of the precincts tested
        Effect effect = flag ? new Effect(exact.excess(), Effect.Unit.PRECINCTS, (double) tally.included,
                Effect.Basis.TEST) : null;
        return new Finding(ID, SCOPE, figure, "excess_" + figure, exact.excess(), exact.pValue(),
                exact.pValue(), flag ? Verdict.FLAG : Verdict.PASS, sentence, List.of(), effect, null,
                flag ? placebo(tally) : null);
    }

    /**
     * The placebo of a flag: the same count, against the same exact null, of the whole-number shares of every
     * candidate but the leader in the same precincts. Writing the leader's share or the turnout to a target leaves
     * the others' shares whatever the counts make them, so an excess there too points at the null (or at protocols
     * written whole), not at a target of the leader's; it is context and never makes the flag ordinary
     * ({@link Placebo}).
     */
    private Placebo placebo(PeakTally tally) {
        List<Double> pValues = new ArrayList<>();
        tally.others.values().forEach(o -> {
            if (o[2] > 0) {
                pValues.add(NullSummary.exact(o[0], o[1], o[2], true).pValue());
            }
        });
        long flagged = pValues.stream().filter(p -> p < alpha).count();
        Double median = pValues.isEmpty() ? null : pValues.stream().sorted().toList().get((pValues.size() - 1) / 2);
        String sentence = pValues.isEmpty() ? messages.format(ID + ".placebo_none")
                : messages.format(ID + ".placebo", flagged, pValues.size(), alpha,
                        Numbers.pRelation(median, messages.locale()));
        return new Placebo(new Placebo.OtherRows(pValues.size(), flagged, median), null, null, false, sentence);
    }

    /**
     * The Monte Carlo p-value with its relation for a sentence, in the report's language: "< 0.001" at its floor of
     * 1/(replicates + 1), which says only that no replicate reached the observation, else "= 0.0123".
     */
    private String mcRelation(double p, int replicates) {
        return MonteCarloP.atFloor(p, replicates) ? MonteCarloP.relation(p, replicates).replace('.',
                java.text.DecimalFormatSymbols.getInstance(messages.locale()).getDecimalSeparator())
                : Numbers.pRelation(p, messages.locale());
    }

    /** The Monte Carlo p-value in the summary table: a number, or "< 0.001" at its floor of 1/(replicates + 1). */
    private static String mcPValue(double p, int replicates) {
        return MonteCarloP.atFloor(p, replicates) ? MonteCarloP.relation(p, replicates) : number(p);
    }

    private DetailTable summaryTable() {
        return new DetailTable(SUMMARY, messages.format(ID + ".summary_title"),
                List.of("figure", "weighting", "observed", "mc_mean", "mc_sd", "mc_p999_minus_mean", "mc_excess",
                        "mc_p_value", "exact_expected", "exact_sd", "exact_excess", "exact_z", "exact_p_value",
                        "mc_exact_difference_z"),
                summaryRows);
    }

    /**
     * The precincts at whole numbers against the exact null, one row a figure: its expected count and the band of
     * 3.09 standard deviations around it, which chance leaves once in a thousand on each side; what the null chart
     * draws.
     */
    private DetailTable nullTable() {
        return new DetailTable(NULL, messages.format(ID + ".null_title"),
                List.of("figure", "observed", "expected", "at_least", "at_most", "excess", "exact_z"), nullRows);
    }

    /** The observed counts of precincts at whole numbers as bars over the exact null's expectation and band. */
    private FigureSpec nullChart() {
        return new FigureSpec(ID, NULL, "observed_vs_null", messages.format(ID + ".null_chart"), NULL,
                Map.of("label", "figure", "band_low", "at_least", "band_high", "at_most", "z", "exact_z"), Map.of(),
                "", messages.format(ID + ".histogram_y"), messages.format(ID + ".null_caption"));
    }

    private DetailTable histogramTable(PeakTally tally) {
        List<List<String>> rows = new ArrayList<>();
        for (int h : new int[] {PeakTally.RESULT, PeakTally.TURNOUT}) {
            for (int b = 0; b < IntegerRule.BINS; b++) {
                rows.add(List.of(PeakTally.FIGURES[h], String.format(Locale.ROOT, "%.2f", b / 10.0 - 0.05),
                        String.format(Locale.ROOT, "%.2f", b / 10.0 + 0.05), Long.toString(tally.histogram[h][b]),
                        Long.toString(tally.histogramVoters[h][b]),
                        String.format(Locale.ROOT, "%.4f", tally.histogramExpected[h][b])));
            }
        }
        return new DetailTable(HISTOGRAM, messages.format(ID + ".histogram_table_title"),
                List.of("figure", "bin_low", "bin_high", "precincts", "voters", "expected"), rows);
    }

    private FigureSpec histogram(String figure) {
        return new FigureSpec(ID, HISTOGRAM + "_" + figure, "histogram_vs_expected",
                messages.format(ID + ".histogram_title_" + figure), HISTOGRAM,
                Map.of("observed", "precincts"), Map.of("figure", figure),
                messages.format(ID + ".histogram_x_" + figure), messages.format(ID + ".histogram_y"),
                messages.format(ID + ".histogram_caption"));
    }

    /** A metric, unless it is not a number (a z-score over a null without spread): metrics.csv never says NaN. */
    private void metric(String subject, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.add(new Metric(ID, SCOPE, subject, name, value));
        }
    }

    /** A table cell: six significant digits, empty when not a number. */
    private static String number(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6g", x) : "";
    }

    /**
     * A whole number grouped as the report's language groups digits ("9,239"; "9 239" in Russian), so that the
     * report's decimal marks never meet a grouping comma.
     */
    private String count(double n) {
        return String.format(messages.locale(), "%,.0f", n);
    }

    /** One decimal in the language's marks ("9,238.7"; "9 238,7" in Russian). */
    private String decimal(double x) {
        return String.format(messages.locale(), "%,.1f", x);
    }
}
