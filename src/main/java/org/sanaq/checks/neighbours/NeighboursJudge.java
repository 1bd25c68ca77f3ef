package org.sanaq.checks.neighbours;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.neighbours.UnitScores.ScoreSummary;
import org.sanaq.checks.neighbours.UnitScores.ScoredPrecinct;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Effect;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Placebo;
import org.sanaq.results.Verdict;
import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;

/**
 * Turns the neighbour scores into metrics, findings, the ranked list, the regions' table and two charts. Nationally
 * the real outliers O₀ are set against the outliers O₁..O_R of the R random groupings: empirical p = (1 + #{O_r ≥
 * O₀}) / (R + 1), and a flag only when O₀ exceeds every grouping's count and reaches {@code min_outliers}. Per region,
 * the real count against a Poisson of the groupings' mean count there (floored at 0.5 / R, so a region whose
 * groupings give none is not infinitely surprising), p-values adjusted by Benjamini–Hochberg over the regions tested,
 * a flag at {@code alpha} with at least {@code min_outliers_region} outliers. A second national finding tests the
 * outliers' direction ({@link #direction}). Regions in name order. Pure: no Spark.
 */
final class NeighboursJudge {
    private static final String ID = NeighboursCheck.ID;
    private static final String NATIONAL = "national";
    private static final String ALL = "all";
    /** How many of the listed precincts a finding cites as evidence. */
    private static final int EVIDENCE = 10;

    private final Messages words;
    private final CheckParameters parameters;
    private final NeighboursResults results;
    private final int groupings;
    private final List<Metric> metrics = new ArrayList<>();

    NeighboursJudge(CheckContext context, NeighboursResults results) {
        this.words = context.messages();
        this.parameters = context.parameters();
        this.results = results;
        this.groupings = parameters.get(NeighboursCheck.PLACEBO_GROUPINGS).intValue();
    }

    CheckOutcome outcome() {
        metrics.add(new Metric(ID, NATIONAL, ALL, results.special().metric("stations_special_"),
                results.special().stations()));
        ScoreSummary s = results.scores();
        if (s == null) {
            String reason = results.leader() == null ? words.format(ID + ".no_precincts")
                    : words.format(ID + ".no_units");
            return inconclusive(0, reason);
        }
        OutlierCounts counts = new OutlierCounts(s, groupings);
        OutlierCounts.Scope nation = counts.nation();
        metric(NATIONAL, "units_tested", s.unitsTested());
        metric(NATIONAL, "units_too_small", s.unitsTooSmall());
        metric(NATIONAL, "loo_fallback_units", s.fallbackUnits());
        metric(NATIONAL, "precincts_untested", s.precincts() - nation.tested());
        if (nation.tested() == 0) {
            return inconclusive(0, words.format(ID + ".too_few", unitWord(), parameters.get(
                    NeighboursCheck.MIN_NEIGHBOURS) + 1, s.precincts() - s.withoutUnit(), s.withoutUnit()));
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(national(nation, s));
        findings.add(direction(nation));
        List<List<String>> regionRows = regions(counts.regions(), s, findings);
        List<DetailTable> tables = List.of(ranked(s), new DetailTable(ID + "_regions",
                words.format(ID + ".regions_title"), List.of("region", "tested", "outliers", "placebo_mean",
                        "excess", "p", "p_adjusted"), regionRows), scores(s));
        return new CheckOutcome(ID, metrics, findings, tables, figures());
    }

    /** The national finding: a flag when the real outliers exceed every random grouping's and reach the minimum. */
    private Finding national(OutlierCounts.Scope nation, ScoreSummary s) {
        long real = nation.outliers();
        metrics.addAll(nation.metrics(ID, NATIONAL));
        boolean flag = real > nation.placeboMax() && real >= parameters.get(NeighboursCheck.MIN_OUTLIERS);
        String largest = s.top().isEmpty() ? "" : describe(s.top().get(0));
        String sentence = words.format(ID + (flag ? ".flag" : ".pass"), real, decimal(nation.placeboMean()),
                nation.placeboMax(), groupings, largest, unitWord(), threshold(), nation.tested(),
                parameters.get(NeighboursCheck.MIN_OUTLIERS), results.special().choice().clause(words, ID,
                        results.special().stations()));
        Effect effect = flag ? new Effect(nation.excess(), Effect.Unit.PRECINCTS, (double) nation.tested(),
                Effect.Basis.TEST) : null;
        return new Finding(ID, NATIONAL, ALL, "outliers", (double) real, nation.p(), null,
                flag ? Verdict.FLAG : Verdict.PASS, sentence, evidence(s.top(), null), effect, null,
                flag ? placebo(nation) : null);
    }

    /**
     * The direction of the real outliers: honest differences from the neighbours go either way, while ballots added
     * for the leader push a precinct up in turnout and in the leader's share at once. Exact binomial test of the
     * upward outliers against half of all outliers (one-sided); a flag at {@code alpha} with at least
     * {@code min_outliers} upward, ordinary when the random groupings' outliers lean up as far
     * ({@link OutlierDirection}). This catches what the groupings' count cannot: a precinct stuffed so far that it
     * stands out in its whole region is an outlier in the groupings too, but only stuffing makes most outliers upward.
     */
    private Finding direction(OutlierCounts.Scope nation) {
        OutlierDirection d = nation.direction();
        double p = d.p();
        boolean flag = p <= parameters.get(NeighboursCheck.ALPHA)
                && d.up() >= parameters.get(NeighboursCheck.MIN_OUTLIERS);
        String sentence = words.format(ID + (flag ? ".direction_flag" : ".direction_pass"), d.up(), d.outliers(),
                Numbers.pRelation(p, words.locale()), unitWord(), decimal(d.placeboUp()),
                decimal(d.placeboOutliers()));
        Effect effect = flag ? new Effect(d.up() - d.outliers() / 2.0, Effect.Unit.PRECINCTS,
                (double) nation.tested(), Effect.Basis.TEST) : null;
        return new Finding(ID, NATIONAL, "up", "outliers_up", (double) d.up(), p, null,
                flag ? Verdict.FLAG : Verdict.PASS, sentence, List.of(), effect, null,
                flag ? d.placebo(words, ID) : null);
    }

    /**
     * The regions' rows (name order) and a finding for each region flagged: the real outliers against a Poisson of
     * the groupings' mean, adjusted by Benjamini–Hochberg over the regions with precincts tested
     * ({@link OutlierCounts}).
     */
    private List<List<String>> regions(Map<String, OutlierCounts.Scope> regions, ScoreSummary s,
            List<Finding> findings) {
        List<List<String>> rows = new ArrayList<>();
        regions.forEach((region, c) -> {
            String scope = "region=" + region;
            metrics.addAll(c.metrics(ID, scope));
            metric(scope, "p_adjusted", c.pAdjusted());
            rows.add(List.of(region, Long.toString(c.tested()), Long.toString(c.outliers()),
                    fixed(c.placeboMean()), fixed(c.excess()), fixed(c.p()), fixed(c.pAdjusted())));
            if (c.pAdjusted() <= parameters.get(NeighboursCheck.ALPHA)
                    && c.outliers() >= parameters.get(NeighboursCheck.MIN_OUTLIERS_REGION)) {
                findings.add(regionFlag(region, c, s));
            }
        });
        return rows;
    }

    /** A flagged region's finding, naming its own highest-scoring precinct. */
    private Finding regionFlag(String region, OutlierCounts.Scope c, ScoreSummary s) {
        List<ScoredPrecinct> own = s.top().stream().filter(t -> t.region().equals(region)).toList();
        if (own.isEmpty() && s.regionsBest().containsKey(region)) {
            own = List.of(s.regionsBest().get(region));
        }
        String sentence = words.format(ID + ".flag_region", region, c.outliers(), decimal(c.placeboMean()),
                Numbers.pRelation(c.pAdjusted(), words.locale()), unitWord(), threshold(),
                own.isEmpty() ? "" : describe(own.get(0)), c.tested());
        return new Finding(ID, "region=" + region, ALL, "outliers", (double) c.outliers(), c.p(), c.pAdjusted(),
                Verdict.FLAG, sentence, evidence(own, region), new Effect(c.excess(), Effect.Unit.PRECINCTS,
                        (double) c.tested(), Effect.Basis.TEST), null, placebo(c));
    }

    /**
     * The random groupings as a flag's placebo: ordinary when a grouping gives as many outliers as real (a pass
     * carries none: its sentence already gives the groupings' counts).
     */
    private Placebo placebo(OutlierCounts.Scope c) {
        Placebo.RandomGroupings g = c.groupings();
        String sentence = words.format(ID + ".placebo", groupings, decimal(c.placeboMean()), c.placeboMax(),
                c.outliers(), unitWord());
        return new Placebo(null, g, null, g.asManyAsReal(), sentence);
    }

    /** The highest-ranked precincts' protocols ({@code file:line}), of one region or all. */
    private static List<String> evidence(List<ScoredPrecinct> top, String region) {
        return top.stream().filter(t -> region == null || t.region().equals(region)).limit(EVIDENCE)
                .map(t -> t.file() + ":" + t.line()).toList();
    }

    /** A listed precinct in words: where, its turnout and share against its neighbours', its score, its protocol. */
    private String describe(ScoredPrecinct t) {
        Figures f = new Figures(t);
        return words.format(ID + ".precinct", t.region(), t.unit(), t.key(), decimal(100 * f.turnout()),
                decimal(percent(t.medianTurnout())), decimal(100 * f.share()), decimal(percent(t.medianShare())),
                decimal(t.score()), t.file(), t.line(), f.g, f.v);
    }

    /** V, G, L and R of a listed precinct (the {@code shown} struct of {@link NeighboursCheck#input}). */
    private record Figures(long v, long g, long l, long r) {
        Figures(ScoredPrecinct t) {
            this(t.shown().getLong(0), t.shown().getLong(1), t.shown().getLong(2), t.shown().getLong(3));
        }

        double turnout() {
            return (double) g / v;
        }

        double share() {
            return (double) l / r;
        }
    }

    /** A median on the asin √p scale back as a percentage. */
    private static double percent(double stabilised) {
        double sin = Math.sin(stabilised);
        return 100 * sin * sin;
    }

    private DetailTable ranked(ScoreSummary s) {
        List<List<String>> rows = new ArrayList<>();
        int rank = 0;
        for (ScoredPrecinct t : s.top()) {
            Figures f = new Figures(t);
            rows.add(List.of(Integer.toString(++rank), t.region(), t.unit(), t.key(), Long.toString(f.v()),
                    Long.toString(f.g()), Long.toString(f.l()), Long.toString(f.r()), fixed(100 * f.turnout()),
                    fixed(percent(t.medianTurnout())), fixed(100 * f.share()), fixed(percent(t.medianShare())),
                    fixed(t.zTurnout()), fixed(t.zShare()), fixed(t.score()), t.file() + ":" + t.line()));
        }
        return new DetailTable(ID + "_ranked", words.format(ID + ".ranked_title", unitWord()), List.of("rank",
                "region", "unit", "precinct", "V", "G", "L", "R", "turnout_pct", "unit_median_turnout_pct",
                "share_pct", "unit_median_share_pct", "z_turnout", "z_share", "score", "evidence"), rows);
    }

    /** The real scores' histogram beside the random groupings' mean per grouping. */
    private DetailTable scores(ScoreSummary s) {
        List<List<String>> rows = new ArrayList<>();
        for (int b = 0; b < ScoreTally.BINS; b++) {
            rows.add(List.of(fixed(b * ScoreTally.BIN_WIDTH), fixed((b + 1) * ScoreTally.BIN_WIDTH),
                    Long.toString(s.realScores()[b]), fixed((double) s.placeboScores()[b] / groupings)));
        }
        return new DetailTable(ID + "_scores", words.format(ID + ".scores_title"),
                List.of("bin_low", "bin_high", "observed", "expected"), rows);
    }

    private List<FigureSpec> figures() {
        FigureSpec scores = new FigureSpec(ID, ID + "_scores", "histogram_vs_expected",
                words.format(ID + ".scores_chart"), ID + "_scores", Map.of("bin_low", "bin_low", "bin_high",
                        "bin_high", "observed", "observed", "expected", "expected"), null,
                words.format(ID + ".scores_x"), words.format(ID + ".scores_y"),
                words.format(ID + ".scores_caption", threshold()));
        FigureSpec regions = new FigureSpec(ID, ID + "_regions", "ranked_bars", words.format(ID + ".regions_chart"),
                ID + "_regions", Map.of("label", "region", "value", "excess"), null, words.format(ID + ".regions_x"),
                words.format(ID + ".regions_y"), words.format(ID + ".regions_caption"));
        return List.of(scores, regions);
    }

    private CheckOutcome inconclusive(long tested, String reason) {
        metrics.add(new Metric(ID, NATIONAL, ALL, "tested", tested));
        return new CheckOutcome(ID, metrics, List.of(Finding.inconclusive(ID, NATIONAL, ALL, "tested", tested,
                reason)), List.of(), List.of());
    }

    private String unitWord() {
        return words.format(ID + ".unit." + results.unit());
    }

    private double threshold() {
        return parameters.get(NeighboursCheck.THRESHOLD);
    }

    private void metric(String scope, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.add(new Metric(ID, scope, ALL, name, value));
        }
    }

    private String decimal(double x) {
        return Numbers.decimal(x, 1, words.locale());
    }

    private static String fixed(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }
}
