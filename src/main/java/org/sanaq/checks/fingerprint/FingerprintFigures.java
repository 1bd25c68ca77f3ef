package org.sanaq.checks.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.text.Messages;

/** The fingerprint's detail tables (sorted, so that a run writes the same bytes) and the charts drawn from them. */
final class FingerprintFigures {
    private static final String ID = FingerprintCheck.ID;
    static final String CELLS = ID + "_cells";
    static final String HISTOGRAMS = ID + "_histograms";
    static final String SHPILKIN = ID + "_shpilkin";

    private final Messages messages;
    private final String leader;

    FingerprintFigures(Messages messages, String leader) {
        this.messages = messages;
        this.leader = leader;
    }

    /**
     * Voters per 0.5 % × 0.5 % cell of turnout and leader's share: the nation's, then those of the regions shown in
     * name order, each by turnout then share.
     */
    DetailTable cells(NationMaps nation, SortedMap<String, RegionTally> regions) {
        List<List<String>> rows = new ArrayList<>();
        addCells(rows, "national", "", nation.map());
        regions.forEach((name, region) -> {
            if (region.map() != null) {
                addCells(rows, name, name, region.map());
            }
        });
        return new DetailTable(CELLS, messages.format(ID + ".cells_title"),
                List.of("scope", "region", "turnout_low", "share_low", "voters"), rows);
    }

    private static void addCells(List<List<String>> rows, String scope, String region, VoterBins map) {
        double width = 100.0 / TurnoutShareCell.GRID;
        map.forEach((cell, voters) -> rows.add(List.of(scope, region,
                decimal(cell / TurnoutShareCell.GRID * width), decimal(cell % TurnoutShareCell.GRID * width),
                Long.toString(voters))));
    }

    /** Voters per turnout and per share bin, 1 % and 0.1 % wide ([low, high)). */
    DetailTable histograms(NationMaps nation) {
        List<List<String>> rows = new ArrayList<>();
        for (Histogram h : Histogram.values()) {
            int perPoint = h.perPoint;
            nation.histogram(h).forEach((bin, voters) -> rows.add(List.of(h.variable, decimal(1.0 / perPoint),
                    decimal((double) bin / perPoint), decimal((double) (bin + 1) / perPoint), Long.toString(voters),
                    "")));
        }
        return new DetailTable(HISTOGRAMS, messages.format(ID + ".histograms_title"),
                List.of("variable", "bin_width", "bin_low", "bin_high", "voters", "expected"), rows);
    }

    /** The nation's leader votes per Shpilkin turnout bin (k %, k + 1 %] and the votes expected from k* up. */
    DetailTable shpilkin(long[] leaderVotes, ShpilkinExcess s) {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < ShpilkinExcess.BINS; k++) {
            rows.add(List.of(Integer.toString(k), Integer.toString(k + 1), Long.toString(leaderVotes[k]),
                    FingerprintJudge.fixed(s.expected()[k])));
        }
        return new DetailTable(SHPILKIN, messages.format(ID + ".shpilkin_title"),
                List.of("turnout_low", "turnout_high", "leader_votes", "expected_leader_votes"), rows);
    }

    List<FigureSpec> figures(List<String> regionsShown) {
        List<FigureSpec> out = new ArrayList<>();
        out.add(map("national", Map.of("scope", "national"), messages.format(ID + ".map_title_national", leader)));
        for (int i = 0; i < regionsShown.size(); i++) {
            String region = regionsShown.get(i);
            // filtered by `region`: the report draws a region's own map on its drill-down page (FigureSpec)
            out.add(map("region_" + (i + 1), Map.of("region", region),
                    messages.format(ID + ".map_title_region", leader, region)));
        }
        for (String variable : List.of("turnout", "share")) {
            for (String width : List.of("1.000", "0.100")) {
                out.add(new FigureSpec(ID, ID + "_" + variable + "_" + width.charAt(2), "histogram_vs_expected",
                        messages.format(ID + ".histogram_title_" + variable, width.startsWith("1") ? "1" : "0.1"),
                        HISTOGRAMS, Map.of("observed", "voters"), Map.of("variable", variable, "bin_width", width),
                        messages.format(ID + ".histogram_x_" + variable), messages.format(ID + ".voters"),
                        messages.format(ID + ".histogram_caption")));
            }
        }
        out.add(new FigureSpec(ID, SHPILKIN, "histogram_excess", messages.format(ID + ".shpilkin_chart", leader),
                SHPILKIN, Map.of("bin_low", "turnout_low", "bin_high", "turnout_high", "observed", "leader_votes",
                        "expected", "expected_leader_votes"), Map.of(), messages.format(ID + ".histogram_x_turnout"),
                messages.format(ID + ".leader_votes"), messages.format(ID + ".shpilkin_caption")));
        return out;
    }

    private FigureSpec map(String name, Map<String, String> filter, String title) {
        return new FigureSpec(ID, ID + "_map_" + name, "heatmap_log", title, CELLS,
                Map.of("x_low", "turnout_low", "y_low", "share_low", "weight", "voters"), filter,
                messages.format(ID + ".histogram_x_turnout"), messages.format(ID + ".histogram_x_share"),
                messages.format(ID + ".map_caption"));
    }

    private static String decimal(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }
}
