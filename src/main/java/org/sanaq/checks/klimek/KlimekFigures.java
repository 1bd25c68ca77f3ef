package org.sanaq.checks.klimek;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sanaq.checks.fingerprint.TurnoutShareCell;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.text.Messages;

/**
 * The fraud-model fit's maps and marginals as detail tables (observed voters per cell beside the fitted models'
 * voters, in cell order), and the charts drawn from them: for each scope fitted, its observed map, the fitted honest
 * model and the fitted model with fraud ({@code heatmap_log}); nationally, the turnout and share marginals observed
 * against fitted ({@code histogram_vs_expected}).
 */
final class KlimekFigures {
    private static final String ID = KlimekCheck.ID;
    static final String MAPS = ID + "_maps";
    static final String MARGINALS = ID + "_marginals";
    static final List<String> MAP_KINDS = List.of("observed", "honest", "fitted");
    /** A model map's cells with fewer voters than this are left out of the table (the observed map's never are). */
    private static final double SMALLEST_CELL = 0.5;
    /** Cells per 1 % bin of a marginal. */
    private static final int CELLS_PER_POINT = TurnoutShareCell.GRID / 100;

    private final Messages messages;
    private final List<List<String>> mapRows = new ArrayList<>();
    private final List<List<String>> marginalRows = new ArrayList<>();
    private final List<FigureSpec> figures = new ArrayList<>();
    /** Regions whose maps were added: a region's figures are numbered, as its name may not suit a file name. */
    private int regions;

    KlimekFigures(Messages messages) {
        this.messages = messages;
    }

    /**
     * Adds a scope's three maps: the observed voters per cell, and the honest and fraud models scaled to the scope's
     * voters; {@code region} is empty for the nation.
     */
    void addMaps(String scope, String region, double[] observed, ModelMaps maps, MixtureFit fit) {
        double voters = 0;
        for (double v : observed) {
            voters += v;
        }
        addMap(scope, region, "observed", observed, 1, 0);
        addMap(scope, region, "honest", maps.honest(), voters, SMALLEST_CELL);
        addMap(scope, region, "fitted", maps.mixture(fit.fi(), fit.fe()), voters, SMALLEST_CELL);
        String name = region.isEmpty() ? scope : "region_" + ++regions;
        for (String kind : MAP_KINDS) {
            Map<String, String> filter = region.isEmpty() ? Map.of("scope", scope, "map", kind)
                    : Map.of("region", region, "map", kind); // a region's own figure: drawn on its page (FigureSpec)
            String where = region.isEmpty() ? messages.format(ID + ".national") : region;
            figures.add(new FigureSpec(ID, ID + "_map_" + name + "_" + kind, "heatmap_log",
                    messages.format(ID + ".map_" + kind, where), MAPS,
                    Map.of("x_low", "turnout_low", "y_low", "share_low", "weight", "voters"), filter,
                    messages.format(ID + ".axis_turnout"), messages.format(ID + ".axis_share"),
                    messages.format(ID + ".map_caption")));
        }
    }

    private void addMap(String scope, String region, String kind, double[] map, double scale, double smallest) {
        double width = 100.0 / TurnoutShareCell.GRID;
        for (int cell = 0; cell < map.length; cell++) {
            double voters = map[cell] * scale;
            if (voters > 0 && voters >= smallest) {
                mapRows.add(List.of(scope, region, kind, decimal(cell / TurnoutShareCell.GRID * width, 3),
                        decimal(cell % TurnoutShareCell.GRID * width, 3), decimal(voters, 1)));
            }
        }
    }

    /** Adds the nation's turnout and share marginals in 1 % bins, observed and fitted, and their charts. */
    void addMarginals(String scope, double[] observed, double[] fitted) {
        double voters = 0;
        for (double v : observed) {
            voters += v;
        }
        for (String variable : List.of("turnout", "share")) {
            double[] o = new double[100];
            double[] f = new double[100];
            for (int cell = 0; cell < observed.length; cell++) {
                int bin = (variable.equals("turnout") ? cell / TurnoutShareCell.GRID : cell % TurnoutShareCell.GRID)
                        / CELLS_PER_POINT;
                o[bin] += observed[cell];
                f[bin] += fitted[cell] * voters;
            }
            for (int bin = 0; bin < 100; bin++) {
                marginalRows.add(List.of(scope, variable, Integer.toString(bin), Integer.toString(bin + 1),
                        decimal(o[bin], 0), decimal(f[bin], 1)));
            }
            figures.add(new FigureSpec(ID, ID + "_marginal_" + variable, "histogram_vs_expected",
                    messages.format(ID + ".marginal_title_" + variable), MARGINALS,
                    Map.of("bin_low", "bin_low", "bin_high", "bin_high", "observed", "observed", "expected",
                            "fitted"), Map.of("scope", scope, "variable", variable),
                    messages.format(ID + ".axis_" + variable), messages.format(ID + ".voters"),
                    messages.format(ID + ".marginal_caption")));
        }
    }

    List<DetailTable> tables() {
        return List.of(new DetailTable(MAPS, messages.format(ID + ".maps_title"),
                List.of("scope", "region", "map", "turnout_low", "share_low", "voters"), mapRows),
                new DetailTable(MARGINALS, messages.format(ID + ".marginals_title"),
                        List.of("scope", "variable", "bin_low", "bin_high", "observed", "fitted"), marginalRows));
    }

    List<FigureSpec> figures() {
        return figures;
    }

    static String decimal(double x, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", x);
    }
}
