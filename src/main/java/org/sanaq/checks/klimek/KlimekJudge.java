package org.sanaq.checks.klimek;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.SpecialStations;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Effect;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Placebo;
import org.sanaq.results.Verdict;
import org.sanaq.stats.ExactBinomial;
import org.sanaq.synthetic.HonestRates;
import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;

/**
 * Fits the fraud model to each scope's map (the nation, then the regions shown in name order) and turns the fits
 * into metrics, one finding per scope, tables and charts. A scope is flagged when the lower end of fi's interval is
 * above {@code flag_fi} or that of fe's above {@code flag_fe}: fraud beyond the bootstrap's chance and beyond a small
 * misfit of the honest model; it is inconclusive under {@code min_precincts} precincts or when a marginal has no
 * honest spread. The national fit is repeated without bootstrap for α ∈ {1, 2, 3} × σx ∈ {0.05, 0.075, 0.1}, as the
 * fixed parameters move fi and fe. A flag's placebo is the fit's rate of flags on honest synthetic elections of
 * about this size, when calibrated ({@link HonestRates#KLIMEK}).
 */
final class KlimekJudge {
    private static final String ID = KlimekCheck.ID;
    private static final String NATIONAL = "national";
    static final String FITS = ID + "_fits";
    static final String ROBUSTNESS = ID + "_robustness";
    static final List<Double> ROBUSTNESS_ALPHAS = List.of(1.0, 2.0, 3.0);
    static final List<Double> ROBUSTNESS_SIGMAS = List.of(0.05, 0.075, 0.1);
    /** The level above which honest simulations flagging make a flag ordinary, and the test's level for it. */
    private static final double HONEST_LEVEL = 0.05;
    static final String PLACEBO_STATISTIC = "klimek";

    private final Messages messages;
    private final KlimekResults results;
    private final KlimekModel model;
    private final KlimekModel.Bootstrap bootstrap;
    private final double flagFi;
    private final double flagFe;
    private final long minPrecincts;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<List<String>> fitRows = new ArrayList<>();
    private final KlimekFigures figures;

    KlimekJudge(CheckContext context, KlimekResults results) {
        CheckParameters p = context.parameters();
        this.messages = context.messages();
        this.results = results;
        this.model = new KlimekModel(p.get(KlimekCheck.ALPHA), p.get(KlimekCheck.SIGMA_X));
        this.bootstrap = new KlimekModel.Bootstrap(p.get(KlimekCheck.BOOTSTRAP).intValue(),
                p.get(KlimekCheck.CONFIDENCE), p.get(KlimekCheck.SEED));
        this.flagFi = p.get(KlimekCheck.FLAG_FI);
        this.flagFe = p.get(KlimekCheck.FLAG_FE);
        this.minPrecincts = p.get(KlimekCheck.MIN_PRECINCTS);
        this.figures = new KlimekFigures(messages);
    }

    CheckOutcome outcome() {
        SpecialStations.Count special = results.special();
        metrics.add(new Metric(ID, NATIONAL, "all", special.metric("stations_special_"), special.stations()));
        String leader = results.leader() == null ? "all" : results.leader();
        List<DetailTable> tables = new ArrayList<>();
        KlimekModel.PointFit national = scope(NATIONAL, "", leader, results.nation(),
                messages.format(ID + ".national"));
        if (national != null) {
            metrics.add(new Metric(ID, NATIONAL, leader, "alpha", model.alpha()));
            metrics.add(new Metric(ID, NATIONAL, leader, "sigma_x", model.sigmaX()));
            metrics.add(new Metric(ID, NATIONAL, leader, "bootstrap", bootstrap.replicates()));
        }
        results.regions().forEach((name, sizes) -> scope("region=" + name, name, leader, sizes, name));
        tables.add(new DetailTable(FITS, messages.format(ID + ".fits_title"), List.of("scope", "precincts",
                "voters", "fi", "fi_low", "fi_high", "fe", "fe_low", "fe_high", "explained", "distance",
                "distance_honest", "turnout_centre", "turnout_sd", "share_centre", "share_sd", "fraud_votes"),
                fitRows));
        tables.addAll(figures.tables());
        if (national != null) {
            tables.add(robustness(results.nation().sorted().map()));
        }
        return new CheckOutcome(ID, metrics, findings, tables, figures.figures());
    }

    /**
     * A fit that puts this share of precincts or more in fraud is at the model's bound: the bulk of the map lies off
     * the honest cloud the model assumes (one normal turnout and share, estimated from each marginal's left half), so
     * the fit spends the whole mixture on fraud to draw a cloud that is merely skewed or wide. Seen on ru-2024's
     * regions (Московская область 100 %, Краснодарский край 98 %, with 1–6 % of the misfit explained): said as
     * inconclusive, never as a share of stuffed precincts.
     */
    static final double AT_BOUND = 0.9;

    /** Fits and judges one scope; returns its point fit, or null when it was not fitted. */
    private KlimekModel.PointFit scope(String scope, String region, String leader, CellSizes sizes, String where) {
        long precincts = sizes.precincts();
        metrics.add(new Metric(ID, scope, "all", "precincts", precincts));
        metrics.add(new Metric(ID, scope, "all", "voters", sizes.voters()));
        if (results.leader() == null || precincts < minPrecincts) {
            findings.add(Finding.inconclusive(ID, scope, leader, "precincts", precincts,
                    messages.format(ID + ".too_few", where, precincts, minPrecincts)));
            return null;
        }
        KlimekEstimate e = model.estimate(sizes, bootstrap, scope);
        if (e.honest() == null) {
            findings.add(Finding.inconclusive(ID, scope, leader, "precincts", precincts,
                    messages.format(ID + ".no_spread", where, precincts)));
            return null;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("fi", e.fi());
        values.put("fi_low", e.fiLow());
        values.put("fi_high", e.fiHigh());
        values.put("fe", e.fe());
        values.put("fe_low", e.feLow());
        values.put("fe_high", e.feHigh());
        values.put("explained", e.explained());
        values.put("distance", e.distance());
        values.put("distance_honest", e.distanceHonest());
        values.put("turnout_centre", e.honest().turnoutCentre());
        values.put("turnout_sd", e.honest().turnoutSd());
        values.put("share_centre", e.honest().shareCentre());
        values.put("share_sd", e.honest().shareSd());
        values.put("fraud_votes", e.fraudVotes());
        values.forEach((metric, value) -> metrics.add(new Metric(ID, scope, leader, metric, value)));
        List<String> row = new ArrayList<>(List.of(scope, Long.toString(precincts), Long.toString(e.voters())));
        values.forEach((metric, value) -> row.add(KlimekFigures.decimal(value, metric.equals("fraud_votes") ? 0
                : metric.startsWith("distance") ? 9 : 4)));
        fitRows.add(row);
        if (e.atBound(AT_BOUND)) {
            findings.add(Finding.inconclusive(ID, scope, leader, "fi", e.fi(), messages.format(ID + ".at_bound", where,
                    percent(e.fi() + e.fe()), percent(e.explained()))));
            return figures(scope, region, sizes);
        }
        boolean flag = e.flags(flagFi, flagFe);
        String sentence = messages.format(ID + (flag ? ".flag" : ".pass"), where, percent(e.fi()),
                percent(e.fiLow()), percent(e.fiHigh()), percent(e.fe()), percent(e.feLow()), percent(e.feHigh()),
                Numbers.count(Math.round(e.fraudVotes()), messages.locale()),
                percent(e.leaderVotes() == 0 ? 0 : e.fraudVotes() / e.leaderVotes()), percent(e.explained()),
                percent(flagFi), percent(flagFe), Math.round(bootstrap.confidence() * 100));
        findings.add(new Finding(ID, scope, leader, "fi", e.fi(), null, null, flag ? Verdict.FLAG : Verdict.PASS,
                sentence, List.of(), flag ? new Effect(e.fraudVotes(), Effect.Unit.VOTES, (double) e.leaderVotes(),
                        Effect.Basis.ESTIMATE) : null, null, flag ? placebo(precincts) : null));
        return figures(scope, region, sizes);
    }

    /** The scope's observed, honest and fitted maps (and the nation's marginals) for the figures; its point fit. */
    private KlimekModel.PointFit figures(String scope, String region, CellSizes sizes) {
        double[] observed = sizes.sorted().map();
        KlimekModel.PointFit point = model.fit(observed);
        figures.addMaps(scope, region, observed, point.maps(), point.fit());
        if (region.isEmpty()) {
            figures.addMarginals(scope, observed, point.maps().mixture(point.fit().fi(), point.fit().fe()));
        }
        return point;
    }

    /**
     * The fit's rate of flags on honest synthetic elections of about this size (the parameter recovery's honest
     * cell, {@code synthetic.KlimekRecovery}); the flag is ordinary when they flag significantly more often than
     * 5 %.
     */
    private Placebo placebo(long precincts) {
        Placebo.HonestSimulations simulations = HonestRates.resource(HonestRates.KLIMEK)
                .flatMap(rates -> rates.forSize(precincts, PLACEBO_STATISTIC))
                .map(r -> new Placebo.HonestSimulations(r.precincts(), r.seeds(), r.flaggedSeeds())).orElse(null);
        if (simulations == null) {
            return new Placebo(null, null, null, false, messages.format(ID + ".placebo_none"));
        }
        boolean ordinary = simulations.flagged() > HONEST_LEVEL * simulations.simulations()
                && ExactBinomial.atLeast(simulations.flagged(), simulations.simulations(), HONEST_LEVEL)
                        <= HONEST_LEVEL;
        String sentence = messages.format(ID + ".placebo", simulations.flagged(), simulations.simulations(),
                simulations.precincts());
        return new Placebo(null, null, simulations, ordinary, ordinary ? sentence + " "
                + messages.format(ID + ".placebo_ordinary") : sentence);
    }

    /** The national point fit (no bootstrap) under each α and σx of the robustness grid. */
    private DetailTable robustness(double[] observed) {
        List<List<String>> rows = new ArrayList<>();
        double voters = results.nation().voters();
        for (double alpha : ROBUSTNESS_ALPHAS) {
            for (double sigma : ROBUSTNESS_SIGMAS) {
                KlimekModel m = alpha == model.alpha() && sigma == model.sigmaX() ? model
                        : new KlimekModel(alpha, sigma);
                KlimekModel.PointFit fit = m.fit(observed);
                rows.add(List.of(KlimekFigures.decimal(alpha, 1), KlimekFigures.decimal(sigma, 3),
                        KlimekFigures.decimal(fit.fit().fi(), 4), KlimekFigures.decimal(fit.fit().fe(), 4),
                        KlimekFigures.decimal(fit.fit().explained(), 4),
                        KlimekFigures.decimal(fit.fraudVotes(voters), 0)));
            }
        }
        return new DetailTable(ROBUSTNESS, messages.format(ID + ".robustness_title"), List.of("alpha", "sigma_x",
                "fi", "fe", "explained", "fraud_votes"), rows);
    }

    private String percent(double fraction) {
        return Numbers.decimal(100 * fraction, 1, messages.locale());
    }
}
