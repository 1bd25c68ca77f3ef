package org.sanaq.checks.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.sanaq.checks.neighbours.OutlierCounts;
import org.sanaq.checks.neighbours.UnitScores;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.text.Messages;

/**
 * The panel's detail tables (sorted: the nation first, regions in name order, jumps by rank) and the charts drawn
 * from them, every one an existing {@link FigureSpec} kind: the voter-weighted turnout × turnout map
 * ({@code heatmap_log}, bounded, in place of a scatter of precincts), the turnout changes' histogram, the regions by
 * excess jumps and the scores against the placebo's.
 */
final class PanelFigures {
    private static final String ID = PanelCheck.ID;
    static final String MATCHING = ID + "_matching";
    static final String RANKED = ID + "_ranked";
    static final String REGIONS = ID + "_regions";
    static final String MAP = ID + "_turnout_map";
    static final String CHANGES = ID + "_changes";
    static final String SCORES = ID + "_scores";
    /** The width of a score bin ({@link UnitScores.ScoreSummary#realScores}): the last bin holds 20 and above. */
    private static final double SCORE_BIN = 0.5;

    /** A matched precinct's figures as the list prints them, from its {@link PanelStatistics#SHOWN} struct. */
    record Jump(String region, String precinct, long votersBefore, double turnoutBefore, double shareBefore,
            long votersAfter, double turnoutAfter, double shareAfter, String evidenceBefore) {
        static Jump of(UnitScores.ScoredPrecinct p) {
            Row s = p.shown();
            return new Jump(p.region(), s.getString(0), s.getLong(2), pct(s.getLong(3), s.getLong(2)),
                    pct(s.getLong(5), s.getLong(4)), s.getLong(8), pct(s.getLong(9), s.getLong(8)),
                    pct(s.getLong(11), s.getLong(10)), s.getString(6) + " " + s.getLong(7));
        }

        private static double pct(long part, long whole) {
            return 100.0 * part / whole;
        }
    }

    private final Messages words;
    private final PanelResults results;

    PanelFigures(Messages words, PanelResults results) {
        this.words = words;
        this.results = results;
    }

    /** The tables of a panel whose precincts could not be scored (none matched): the matching and the map. */
    List<DetailTable> matchingTables() {
        return List.of(matching(), map(), changes());
    }

    List<FigureSpec> matchingFigures() {
        List<FigureSpec> out = new ArrayList<>(maps());
        out.add(histogram(CHANGES, CHANGES, "changes", "change_x", "precincts"));
        return out;
    }

    List<DetailTable> tables(OutlierCounts jumps, int groupings) {
        List<DetailTable> out = new ArrayList<>(matchingTables());
        out.add(ranked());
        out.add(regions(jumps));
        out.add(scores(groupings));
        return out;
    }

    List<FigureSpec> figures() {
        List<FigureSpec> out = new ArrayList<>(matchingFigures());
        out.add(new FigureSpec(ID, REGIONS, "ranked_bars", words.format(ID + ".regions_chart"), REGIONS,
                Map.of("label", "region", "value", "excess"), Map.of(), words.format(ID + ".region"),
                words.format(ID + ".excess"), words.format(ID + ".regions_caption")));
        out.add(histogram(SCORES, SCORES, "scores", "score_x", "precincts"));
        return out;
    }

    private DetailTable matching() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(matchingRow("national", "", results.nation()));
        results.regions().forEach((region, c) -> rows.add(matchingRow("region", region, c)));
        return new DetailTable(MATCHING, words.format(ID + ".matching_title", results.elections().get(0),
                results.elections().get(1)), List.of("scope", "region", "before", "after", "matched", "size_mismatch",
                        "ambiguous", "only_before", "only_after", "match_rate_after_pct", "match_rate_before_pct",
                        "median_change_turnout_points", "median_change_share_points"), rows);
    }

    private static List<String> matchingRow(String scope, String region, MatchCounts c) {
        return List.of(scope, region, Long.toString(c.before()), Long.toString(c.after()), Long.toString(c.matched()),
                Long.toString(c.sizeMismatch()), Long.toString(c.ambiguous()), Long.toString(c.onlyBefore()),
                Long.toString(c.onlyAfter()), fixed(100 * c.rateAfter(), 1), fixed(100 * c.rateBefore(), 1),
                fixed(c.medianTurnoutChange(), 2), fixed(c.medianShareChange(), 2));
    }

    private DetailTable map() {
        List<List<String>> rows = new ArrayList<>();
        for (PanelResults.MapCell c : results.map()) {
            rows.add(List.of(c.scope(), c.region(), Integer.toString(c.turnoutBefore()),
                    Integer.toString(c.turnoutAfter()), Long.toString(c.voters())));
        }
        return new DetailTable(MAP, words.format(ID + ".map_title", results.elections().get(0),
                results.elections().get(1)), List.of("scope", "region", "turnout_before_low", "turnout_after_low",
                        "voters"), rows);
    }

    /** Matched precincts per 1-point bin of the turnout change, from the lowest bin with any to the highest. */
    private DetailTable changes() {
        long[] bins = results.changes();
        int first = 0;
        int last = bins.length - 1;
        while (first < last && bins[first] == 0) {
            first++;
        }
        while (last > first && bins[last] == 0) {
            last--;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int b = first; b <= last; b++) {
            rows.add(List.of(Integer.toString(b - 100), Integer.toString(b - 99), Long.toString(bins[b]), ""));
        }
        return new DetailTable(CHANGES, words.format(ID + ".changes_title"),
                List.of("bin_low", "bin_high", "observed", "expected"), rows);
    }

    private DetailTable ranked() {
        List<List<String>> rows = new ArrayList<>();
        int rank = 0;
        for (UnitScores.ScoredPrecinct p : results.scores().top()) {
            Jump j = Jump.of(p);
            rows.add(List.of(Integer.toString(++rank), p.region(), p.unit(), j.precinct(),
                    Long.toString(j.votersBefore()), fixed(j.turnoutBefore(), 1), fixed(j.shareBefore(), 1),
                    Long.toString(j.votersAfter()), fixed(j.turnoutAfter(), 1), fixed(j.shareAfter(), 1),
                    fixed(p.medianTurnout(), 4), fixed(p.medianShare(), 4), fixed(p.zTurnout(), 2),
                    fixed(p.zShare(), 2), fixed(p.score(), 2), j.evidenceBefore(), p.file() + " " + p.line()));
        }
        return new DetailTable(RANKED, words.format(ID + ".ranked_title", results.elections().get(0),
                results.elections().get(1)), List.of("rank", "region", "unit", "precinct", "voters_before",
                        "turnout_before_pct", "share_before_pct", "voters_after", "turnout_after_pct",
                        "share_after_pct", "unit_median_change_turnout", "unit_median_change_share", "z_turnout",
                        "z_share", "score", "evidence_before", "evidence_after"), rows);
    }

    private DetailTable regions(OutlierCounts jumps) {
        List<List<String>> rows = new ArrayList<>();
        jumps.regions().forEach((region, c) -> rows.add(List.of(region, Long.toString(c.tested()),
                Long.toString(c.outliers()), Long.toString(c.outliersUp()), fixed(c.placeboMean(), 2),
                fixed(c.excess(), 2), fixed(c.p(), 6), fixed(c.pAdjusted(), 6))));
        return new DetailTable(REGIONS, words.format(ID + ".regions_title"), List.of("region", "tested", "outliers",
                "outliers_up", "placebo_mean", "excess", "p", "p_adjusted"), rows);
    }

    /** Real scores per 0.5-wide bin against the placebo's mean per grouping; the last bin is 20 and above. */
    private DetailTable scores(int groupings) {
        long[] real = results.scores().realScores();
        long[] placebo = results.scores().placeboScores();
        List<List<String>> rows = new ArrayList<>();
        for (int b = 0; b < real.length; b++) {
            rows.add(List.of(fixed(b * SCORE_BIN, 1), fixed((b + 1) * SCORE_BIN, 1), Long.toString(real[b]),
                    fixed((double) placebo[b] / groupings, 2)));
        }
        return new DetailTable(SCORES, words.format(ID + ".scores_title"),
                List.of("bin_low", "bin_high", "observed", "expected"), rows);
    }

    /** The national map and the maps of the regions shown (filtered by region: drawn on their pages). */
    private List<FigureSpec> maps() {
        List<FigureSpec> out = new ArrayList<>();
        out.add(map("national", Map.of("scope", "national"), words.format(ID + ".map_chart_national")));
        List<String> regions = results.map().stream().map(PanelResults.MapCell::region).filter(r -> !r.isEmpty())
                .distinct().toList();
        for (int i = 0; i < regions.size(); i++) {
            out.add(map("region_" + (i + 1), Map.of("region", regions.get(i)),
                    words.format(ID + ".map_chart_region", regions.get(i))));
        }
        return out;
    }

    private FigureSpec map(String name, Map<String, String> filter, String title) {
        return new FigureSpec(ID, ID + "_map_" + name, "heatmap_log", title, MAP,
                Map.of("x_low", "turnout_before_low", "y_low", "turnout_after_low", "weight", "voters"), filter,
                words.format(ID + ".turnout_in", results.elections().get(0)),
                words.format(ID + ".turnout_in", results.elections().get(1)), words.format(ID + ".map_caption"));
    }

    private FigureSpec histogram(String id, String table, String key, String xKey, String yKey) {
        return new FigureSpec(ID, id, "histogram_vs_expected", words.format(ID + "." + key + "_chart"), table,
                Map.of("observed", "observed"), Map.of(), words.format(ID + "." + xKey),
                words.format(ID + "." + yKey), words.format(ID + "." + key + "_caption"));
    }

    private static String fixed(double x, int decimals) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%." + decimals + "f", x) : "";
    }
}
