package org.sanaq.checks.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.sanaq.checks.CheckContext;
import org.sanaq.checks.SpecialStations;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Effect;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Placebo;
import org.sanaq.results.Verdict;
import org.sanaq.schema.Conventions;
import org.sanaq.text.Messages;

/**
 * Turns the fingerprint's grids into metrics, one finding, tables and charts. Regions are read in name order
 * (their bins in turnout order) and summed to the nation in that order, so the figures do not depend on the order
 * Spark returned them in.
 * The finding is a flag when Shpilkin's excess is at least {@code flag_excess_share} of the leader's votes: a
 * reason to look at the maps, not a measurement of fraud. Its sentence gives the estimate with the range of its
 * variants ({@link ShpilkinRobustness}).
 */
final class FingerprintJudge {
    private static final String ID = FingerprintCheck.ID;
    private static final String NATIONAL = "national";
    /**
     * Fewest precincts the fingerprint judges: the correlation of two points is always ±1 whatever the counts, and
     * Shpilkin's method needs a clean peak with precincts above it. Fewer give an inconclusive finding.
     */
    static final int MIN_PRECINCTS = 3;

    private final Messages messages;
    private final double flagShare;
    private final Conventions.Turnout turnout;
    private final FingerprintResults results;
    private final List<Metric> metrics = new ArrayList<>();

    FingerprintJudge(CheckContext context, FingerprintResults results) {
        this.messages = context.messages();
        this.flagShare = context.parameters().get(FingerprintCheck.FLAG_EXCESS_SHARE);
        this.turnout = context.conventions().turnout();
        this.results = results;
    }

    /** One unit's sums per Shpilkin turnout bin, and its weighted moments. */
    private static final class Unit {
        long stations;
        long registered;
        long ballots;
        final long[] leader = new long[ShpilkinExcess.BINS];
        final long[] others = new long[ShpilkinExcess.BINS];
        WeightedMoments moments = WeightedMoments.ZERO;

        /** Adds a region's bins, in turnout order. */
        void add(RegionTally region) {
            for (int k = 0; k < ShpilkinExcess.BINS; k++) {
                TurnoutBin bin = region.bin(k);
                if (bin != null) {
                    stations += bin.stations;
                    registered += bin.registered;
                    ballots += bin.ballots;
                    leader[k] += bin.leader;
                    others[k] += bin.others;
                    moments = moments.plus(bin.moments());
                }
            }
        }

        void add(Unit u) {
            stations += u.stations;
            registered += u.registered;
            ballots += u.ballots;
            for (int k = 0; k < ShpilkinExcess.BINS; k++) {
                leader[k] += u.leader[k];
                others[k] += u.others[k];
            }
            moments = moments.plus(u.moments);
        }

        double turnout() {
            return (double) ballots / registered;
        }

        ShpilkinExcess shpilkin() {
            return ShpilkinExcess.of(leader, others, turnout());
        }
    }

    CheckOutcome outcome() {
        SpecialStations.Count special = results.special();
        metrics.add(new Metric(ID, NATIONAL, "all", special.metric("stations_special_"), special.stations()));
        if (results.leader() == null || results.regions().isEmpty()) {
            return inconclusive(0, messages.format(ID + ".no_precincts"));
        }
        String leader = results.leader();
        Map<String, Unit> regions = new TreeMap<>();
        results.regions().forEach((name, region) -> {
            Unit unit = new Unit();
            unit.add(region);
            regions.put(name, unit);
        });
        Unit nation = new Unit();
        regions.values().forEach(nation::add);
        if (nation.stations < MIN_PRECINCTS) {
            return inconclusive(nation.stations, messages.format(ID + ".too_few", nation.stations, MIN_PRECINCTS));
        }
        if (!Double.isFinite(nation.moments.correlation())) {
            return inconclusive(nation.stations, messages.format(ID + ".no_spread", nation.stations));
        }
        ShpilkinExcess national = nation.shpilkin();
        if (national.peak() < 0 || !Double.isFinite(national.share())) {
            return inconclusive(nation.stations, messages.format(ID + ".no_peak", nation.stations));
        }
        unitMetrics(NATIONAL, leader, nation, national);
        List<List<String>> regionRows = new ArrayList<>();
        for (Map.Entry<String, Unit> e : regions.entrySet()) {
            Unit u = e.getValue();
            ShpilkinExcess s = u.shpilkin();
            unitMetrics("region=" + e.getKey(), leader, u, s);
            regionRows.add(List.of(e.getKey(), Long.toString(u.stations), Long.toString(u.registered),
                    fixed(100 * u.turnout()), fixed(u.moments.correlation()), Integer.toString(s.peak()),
                    fixed(s.excess()), fixed(100 * s.share())));
        }
        ShpilkinRobustness robustness = new ShpilkinRobustness(messages, nation.leader, nation.others, national,
                nation.stations, results.nation().variants(), turnout, special.choice());
        finite(NATIONAL, leader, "shpilkin_excess_votes_low", robustness.low());
        finite(NATIONAL, leader, "shpilkin_excess_votes_high", robustness.high());
        boolean flag = national.share() >= flagShare;
        String sentence = messages.format(ID + (flag ? ".flag" : ".pass"), leader, count(nation.stations),
                fixed(nation.moments.correlation()), Integer.toString(national.peak()), count(national.excess()),
                percent(national.share()),
                special.choice().clause(messages, ID, count(special.stations())), percent(flagShare),
                Integer.toString(national.peak() + 1), robustness.range(this::count));
        SortedMap<String, ShpilkinExcess> others = results.nation().othersExcess(leader, nation.turnout());
        others.forEach((candidate, s) -> finite(NATIONAL, candidate, "placebo_shpilkin_excess_share", s.share()));
        Finding finding = new Finding(ID, NATIONAL, leader, "shpilkin_excess_votes", national.excess(), null, null,
                flag ? Verdict.FLAG : Verdict.PASS, sentence, List.of(), flag ? new Effect(national.excess(),
                        Effect.Unit.VOTES, national.excess() / national.share(), Effect.Basis.ESTIMATE) : null, null,
                flag ? placebo(others) : null);
        FingerprintFigures figures = new FingerprintFigures(messages, leader);
        List<DetailTable> tables = List.of(figures.cells(results.nation(), results.regions()),
                figures.histograms(results.nation()), figures.shpilkin(nation.leader, national),
                robustness.table(), regionTable(regionRows));
        return new CheckOutcome(ID, metrics, List.of(finding), tables, figures.figures(results.regionsShown()));
    }

    /**
     * The placebo of the leader's excess: Shpilkin's method applied to each other candidate, its votes against
     * everyone else's. Where turnout and a candidate's share rise together for innocent reasons (regions that differ
     * in both), other candidates show excesses too; stuffing for the leader gives them deficits. Context only: it
     * never makes the flag ordinary ({@link Placebo}).
     */
    private Placebo placebo(SortedMap<String, ShpilkinExcess> others) {
        List<Double> shares = others.values().stream().map(ShpilkinExcess::share).filter(Double::isFinite).sorted()
                .toList();
        long reaching = shares.stream().filter(share -> share >= flagShare).count();
        String sentence = shares.isEmpty() ? messages.format(ID + ".placebo_none")
                : messages.format(ID + ".placebo", reaching, shares.size(), percent(shares.get(0)),
                        percent(shares.get(shares.size() - 1)), percent(flagShare));
        return new Placebo(new Placebo.OtherRows(shares.size(), reaching, null), null, null, false, sentence);
    }

    /** The outcome of a fingerprint that could not be judged: the counts so far and one inconclusive finding. */
    private CheckOutcome inconclusive(long stations, String reason) {
        metrics.add(new Metric(ID, NATIONAL, "all", "stations", stations));
        return new CheckOutcome(ID, metrics, List.of(Finding.inconclusive(ID, NATIONAL, "all", "stations", stations,
                reason)), List.of(), List.of());
    }

    /** The metrics of one unit, with its Shpilkin excess {@code s} computed once by the caller. */
    private void unitMetrics(String scope, String leader, Unit u, ShpilkinExcess s) {
        metrics.add(new Metric(ID, scope, "all", "stations", u.stations));
        metrics.add(new Metric(ID, scope, "turnout", "official_turnout", u.turnout()));
        finite(scope, leader, "correlation_weighted", u.moments.correlation());
        if (s.peak() >= 0) {
            metrics.add(new Metric(ID, scope, leader, "shpilkin_peak_turnout", s.peak()));
            finite(scope, leader, "shpilkin_excess_votes", s.excess());
            finite(scope, leader, "shpilkin_excess_share", s.share());
        }
    }

    /** A metric that exists: a region of one precinct, or one without spread or clean peak, has no such figure. */
    private void finite(String scope, String subject, String metric, double value) {
        if (Double.isFinite(value)) {
            metrics.add(new Metric(ID, scope, subject, metric, value));
        }
    }

    private DetailTable regionTable(List<List<String>> rows) {
        return new DetailTable(ID + "_regions", messages.format(ID + ".regions_title"),
                List.of("region", "stations", "registered", "turnout_pct", "correlation_weighted",
                        "shpilkin_peak_turnout", "shpilkin_excess_votes", "shpilkin_excess_pct_of_leader"),
                rows);
    }

    static String fixed(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.3f", x);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    /** A whole number grouped as the report's language groups digits ("10,283,476"; "10 283 476" in Russian). */
    private String count(double n) {
        return String.format(messages.locale(), "%,.0f", n);
    }
}
