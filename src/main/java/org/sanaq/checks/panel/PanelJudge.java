package org.sanaq.checks.panel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.neighbours.OutlierCounts;
import org.sanaq.checks.neighbours.OutlierDirection;
import org.sanaq.checks.neighbours.UnitScores;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Effect;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Placebo;
import org.sanaq.results.Verdict;
import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;

/**
 * Turns the panel's bounded results into metrics, findings, tables and charts. Findings: how many precincts were
 * matched (inconclusive below {@code min_match_rate} of the later election's: the changes then say little), the
 * nation's jumps against the placebo (a flag when the real units give more outliers than every random grouping and
 * at least {@code min_outliers}), and a flag for each region whose jumps exceed its placebo's at the adjusted
 * {@code alpha} with at least {@code min_outliers_region} of them ({@link OutlierCounts}), and the direction of the
 * nation's jumps (up as often as down in honest changes; an exact binomial test). A job without two elections
 * gets one inconclusive finding, never an error. Pure: no Spark.
 */
final class PanelJudge {
    private static final String ID = PanelCheck.ID;
    private static final String NATIONAL = "national";
    /** How many of the highest-ranked precincts a flag cites as evidence. */
    private static final int EVIDENCE = 10;

    private final Messages words;
    private final CheckParameters parameters;
    private final PanelResults results;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    PanelJudge(CheckContext context, PanelResults results) {
        this.words = context.messages();
        this.parameters = context.parameters();
        this.results = results;
    }

    CheckOutcome outcome() {
        if (!results.computed()) {
            String sentence = results.missing().isEmpty() ? words.format(ID + ".needs_two", results.elections().size())
                    : words.format(ID + ".missing", String.join(", ", results.missing()));
            findings.add(Finding.inconclusive(ID, NATIONAL, "all", "elections", results.elections().size(), sentence));
            return new CheckOutcome(ID, metrics, findings, List.of(), List.of());
        }
        matchMetrics(NATIONAL, results.nation());
        results.regions().forEach((region, counts) -> matchMetrics("region=" + region, counts));
        matchFinding();
        PanelFigures figures = new PanelFigures(words, results);
        if (results.scores() == null) {
            return new CheckOutcome(ID, metrics, findings, figures.matchingTables(), figures.matchingFigures());
        }
        int groupings = parameters.get(PanelCheck.PLACEBO_GROUPINGS).intValue();
        OutlierCounts jumps = new OutlierCounts(results.scores(), groupings);
        jumps(jumps, groupings);
        return new CheckOutcome(ID, metrics, findings, figures.tables(jumps, groupings), figures.figures());
    }

    private void matchMetrics(String scope, MatchCounts c) {
        metric(scope, "precincts_before", c.before());
        metric(scope, "precincts_after", c.after());
        metric(scope, "matched", c.matched());
        metric(scope, "only_before", c.onlyBefore());
        metric(scope, "only_after", c.onlyAfter());
        metric(scope, "ambiguous", c.ambiguous());
        metric(scope, "size_mismatch", c.sizeMismatch());
        metric(scope, "match_rate_after", c.rateAfter());
        metric(scope, "match_rate_before", c.rateBefore());
        metric(scope, "median_change_turnout", c.medianTurnoutChange());
        metric(scope, "median_change_share", c.medianShareChange());
    }

    /** The match rate: a pass that states it, or inconclusive when too few precincts of the later election matched. */
    private void matchFinding() {
        MatchCounts n = results.nation();
        double rate = n.after() == 0 ? 0 : n.rateAfter();
        boolean few = rate < parameters.get(PanelCheck.MIN_MATCH_RATE);
        String sentence = words.format(ID + ".match", n.matched(), n.after(), results.elections().get(1),
                percent(rate), n.before(), results.elections().get(0), percent(n.before() == 0 ? 0 : n.rateBefore()),
                n.sizeMismatch(), n.ambiguous(), n.onlyBefore(), n.onlyAfter());
        if (few) {
            sentence += " " + words.format(ID + ".few_matched", percent(parameters.get(PanelCheck.MIN_MATCH_RATE)));
        }
        findings.add(new Finding(ID, NATIONAL, "all", "match_rate_after", rate, null, null,
                few ? Verdict.INCONCLUSIVE : Verdict.PASS, sentence, List.of("tables/" + ID + "_matching.csv"), null));
    }

    private void jumps(OutlierCounts jumps, int groupings) {
        UnitScores.ScoreSummary s = results.scores();
        metric(NATIONAL, "units_tested", s.unitsTested());
        metric(NATIONAL, "units_too_small", s.unitsTooSmall());
        metric(NATIONAL, "loo_fallback_units", s.fallbackUnits());
        metric(NATIONAL, "precincts_without_unit", s.withoutUnit());
        metrics.addAll(jumps.nation().metrics(ID, NATIONAL));
        jumps.regions().forEach((region, c) -> metrics.addAll(c.metrics(ID, "region=" + region)));
        OutlierCounts.Scope n = jumps.nation();
        if (n.tested() == 0) {
            // no district at all (a later election without the column) is said as such: unit: region would do
            String reason = s.withoutUnit() == s.precincts() ? words.format(ID + ".no_units")
                    : words.format(ID + ".untested", parameters.get(PanelCheck.MIN_NEIGHBOURS) + 1);
            findings.add(Finding.inconclusive(ID, NATIONAL, "all", "outliers", 0, reason));
            return;
        }
        boolean flag = n.outliers() > n.placeboMax() && n.outliers() >= parameters.get(PanelCheck.MIN_OUTLIERS);
        String sentence = words.format(ID + (flag ? ".flag" : ".pass"), n.outliers(), n.tested(),
                decimal(n.placeboMean()), n.placeboMax(), groupings, largest(s.top()), threshold());
        findings.add(new Finding(ID, NATIONAL, "all", "outliers", (double) n.outliers(), n.p(), n.p(),
                flag ? Verdict.FLAG : Verdict.PASS, sentence, evidence(s.top(), null),
                flag ? new Effect(n.excess(), Effect.Unit.PRECINCTS, (double) n.tested(), Effect.Basis.TEST) : null,
                null, flag ? placebo(n, groupings) : null));
        double alpha = parameters.get(PanelCheck.ALPHA);
        direction(n, alpha);
        long minRegion = parameters.get(PanelCheck.MIN_OUTLIERS_REGION);
        jumps.regions().forEach((region, c) -> {
            if (c.pAdjusted() < alpha && c.outliers() >= minRegion) {
                findings.add(new Finding(ID, "region=" + region, "all", "outliers", (double) c.outliers(), c.p(),
                        c.pAdjusted(), Verdict.FLAG, words.format(ID + ".flag_region", region, c.outliers(),
                                c.tested(), decimal(c.placeboMean()), Numbers.p(c.pAdjusted(), words.locale()),
                                threshold()),
                        evidence(s.top(), region), new Effect(c.excess(), Effect.Unit.PRECINCTS, (double) c.tested(),
                                Effect.Basis.TEST), null, placebo(c, groupings)));
            }
        });
    }

    /**
     * The direction of the nation's jumps: honest changes beyond a district's go up and down alike, stuffing only up
     * (turnout and the leader's share rise). An exact binomial test of the upward jumps against half of
     * them, two-sided: stuffing in the earlier election makes precincts fall back ({@link OutlierDirection}); it
     * sees jumps that stand out in any grouping of the precincts, which the random groupings score as the real
     * districts do. A flag is ordinary when the groupings' jumps lean up as much.
     * Not judged below {@code min_outliers} jumps.
     */
    private void direction(OutlierCounts.Scope n, double alpha) {
        metric(NATIONAL, "outliers_down", n.outliers() - n.outliersUp());
        if (n.outliers() < parameters.get(PanelCheck.MIN_OUTLIERS)) {
            return;
        }
        OutlierDirection d = n.direction();
        long down = d.outliers() - d.up();
        double p = d.twoSidedP();
        metric(NATIONAL, "direction_p_value", p);
        boolean flag = p < alpha;
        Placebo placebo = flag ? d.placebo(words, ID) : null;
        findings.add(new Finding(ID, NATIONAL, "all", "outliers_up", (double) d.up(), p, p,
                flag ? Verdict.FLAG : Verdict.PASS, words.format(ID + (flag ? ".direction_flag" : ".direction_pass"),
                        d.up(), d.outliers(), down, Numbers.p(p, words.locale())),
                List.of("tables/" + ID + "_ranked.csv"),
                flag ? new Effect(d.up() - down, Effect.Unit.PRECINCTS, (double) d.outliers(), Effect.Basis.TEST)
                        : null, null, placebo));
    }

    /** The random groupings' control: it makes the flag ordinary when some grouping gives as many outliers. */
    private Placebo placebo(OutlierCounts.Scope c, int groupings) {
        Placebo.RandomGroupings g = c.groupings();
        return new Placebo(null, g, null, g.asManyAsReal(), words.format(ID + ".placebo", groupings,
                decimal(c.placeboMean()), c.placeboMax(), c.outliers()));
    }

    /** The largest jump in words: region, precinct and turnout before and after. */
    private String largest(List<UnitScores.ScoredPrecinct> top) {
        if (top.isEmpty()) {
            return "";
        }
        PanelFigures.Jump j = PanelFigures.Jump.of(top.get(0));
        return words.format(ID + ".largest", j.region(), j.precinct(), decimal(j.turnoutBefore()),
                decimal(j.turnoutAfter()), decimal(j.shareBefore()), decimal(j.shareAfter()));
    }

    /** The later protocols of the highest-ranked jumps (of one region, or all when null): {@code <file> <line>}. */
    private static List<String> evidence(List<UnitScores.ScoredPrecinct> top, String region) {
        return top.stream().filter(p -> region == null || p.region().equals(region)).limit(EVIDENCE)
                .map(p -> p.file() + " " + p.line()).toList();
    }

    /** The threshold as the job wrote it: 4, or 4.5. */
    private String threshold() {
        return Numbers.decimal(BigDecimal.valueOf(parameters.get(PanelCheck.THRESHOLD)).stripTrailingZeros(),
                words.locale());
    }

    private void metric(String scope, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.add(new Metric(ID, scope, "all", name, value));
        }
    }

    private String decimal(double x) {
        return Numbers.decimal(x, 1, words.locale());
    }

    private String percent(double fraction) {
        return decimal(100 * fraction);
    }
}
