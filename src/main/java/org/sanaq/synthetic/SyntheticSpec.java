package org.sanaq.synthetic;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sanaq.ingest.YamlFiles;
import org.sanaq.run.SpecException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a synthetic election looks like: its size, its regions, how turnout and support vary, and which
 * irregularities are planted how strongly. Loaded from YAML (see {@code jobs/synthetic/}); the first candidate
 * is the leader that irregularities favour.
 *
 * @param smallPrecincts the second, small (rural) part of the sizes' mixture; {@link SmallPrecincts#NONE} for a
 *                       single log-normal
 * @param districts      districts within each region, with their own turnout and support; {@link Districts#NONE}
 *                       for none
 * @param panel          further elections of the same precincts; {@link Panel#NONE} for one election
 * @param irregularities each planted irregularity by name with its parameters (see {@link #IRREGULARITIES})
 * @param output         the folder the election is written to (a local path or a Hadoop URI)
 * @param mapping        the canonical mapping, named in the job file written beside the data
 */
public record SyntheticSpec(String name, long seed, long precincts, int files, String country, int regions,
        List<String> candidates, double[] support, double turnoutMean, double turnoutRegionSd,
        double turnoutPrecinctSd, double regionConcentration, double precinctConcentration, double sizeMedian,
        double sizeSigma, long sizeMin, long sizeMax, SmallPrecincts smallPrecincts, Districts districts, Panel panel,
        double invalidRate, Map<String, Map<String, Double>> irregularities, String output, String mapping) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Every irregularity the generator can plant, with its parameters and their defaults. */
    public static final Map<String, Map<String, Double>> IRREGULARITIES = Map.of(
            "stuffing", Map.of("fi", 0.1, "fe", 0.0, "alpha", 2.0, "sigma_x", 0.075),
            "switching", Map.of("fraction", 0.05, "share", 0.2),
            "integer_percentages", Map.of("fraction", 0.05),
            "round_regional_totals", Map.of("regions", 1.0, "decimals", 1.0),
            "broken_relations", Map.of("fraction", 0.01),
            "last_digit", Map.of("fraction", 0.05),
            "observer_copies", Map.of("coverage", 0.1, "noise", 0.05, "duplicates", 0.02, "conflicts", 0.01),
            "malformed_rows", Map.of("fraction", 0.005),
            "jump", Map.of("fraction", 0.02, "size", 0.3));

    private static final Set<String> KEYS = Set.of("name", "seed", "precincts", "files", "country", "regions",
            "candidates", "turnout", "support", "precinct_size", "districts", "panel", "invalid_rate", "irregularities", "output",
            "mapping");

    /**
     * The small precincts of a two-part mixture of sizes: a {@code share} of precincts whose registered voters are
     * log-normal around {@code median} with {@code sigma} (then clipped to the spec's min and max like the others).
     */
    public record SmallPrecincts(double share, double median, double sigma) implements Serializable {
        private static final long serialVersionUID = 1L;
        /** No small part: every size from the one log-normal (the specs written before the mixture). */
        public static final SmallPrecincts NONE = new SmallPrecincts(0, 0, 0);
    }

    /**
     * Districts within each region: {@code perRegion} of them, a precinct in one at random; each district's turnout
     * is its region's moved by N(0, {@code turnoutSd}) on the logit scale, and its support is Dirichlet around the
     * region's with {@code concentration} (larger varies less). Precincts then vary around their district as they
     * vary around their region without districts.
     */
    public record Districts(int perRegion, double turnoutSd, double concentration) implements Serializable {
        private static final long serialVersionUID = 1L;
        /** No districts: the precincts file has no district column (the specs written before districts). */
        public static final Districts NONE = new Districts(0, 0, 0);

        public boolean any() {
            return perRegion > 0;
        }

        /** The name of district {@code district} (0-based) of a region: D01, D02, … */
        static String name(int district) {
            return String.format(java.util.Locale.ROOT, "D%02d", district + 1);
        }
    }

    /**
     * The same precincts in {@code elections} elections (DESIGN19 §3.6): election e ≥ 2 keeps each precinct's
     * region, district, honest turnout and support of election 1 and changes them: registered voters times
     * exp(N(0, {@code sizeChangeSd})), the logit of turnout plus N(0, {@code turnoutChangeSd}), the shares redrawn
     * Dirichlet around election 1's with {@code shareConcentration}; every count is drawn anew. Irregularities are
     * planted in the last election only, the one the job analyses.
     */
    public record Panel(int elections, double turnoutChangeSd, double shareConcentration, double sizeChangeSd)
            implements Serializable {
        private static final long serialVersionUID = 1L;
        /** One election (the specs written before panels). */
        public static final Panel NONE = new Panel(1, 0, 0, 0);

        public boolean any() {
            return elections > 1;
        }
    }

    public boolean plants(String irregularity) {
        return irregularities.containsKey(irregularity);
    }

    /** A parameter of a planted irregularity (its default when the spec does not give it). */
    public double parameter(String irregularity, String parameter) {
        Double given = irregularities.get(irregularity).get(parameter);
        return given != null ? given : IRREGULARITIES.get(irregularity).get(parameter);
    }

    /** The election the job analyses: the only one, or the last of a panel. */
    public String election() {
        return election(panel.elections());
    }

    /** Election {@code e} (1-based) of a panel: {@code synthetic-<name>-<e>}; without a panel, {@code synthetic-<name>}. */
    public String election(int e) {
        return "synthetic-" + name + (panel.any() ? "-" + e : "");
    }

    public SyntheticSpec with(long newSeed, long newPrecincts, int newFiles, String newOutput,
            Map<String, Map<String, Double>> newIrregularities) {
        return new SyntheticSpec(name, newSeed, newPrecincts, newFiles, country, regions, candidates, support,
                turnoutMean, turnoutRegionSd, turnoutPrecinctSd, regionConcentration, precinctConcentration,
                sizeMedian, sizeSigma, sizeMin, sizeMax, smallPrecincts, districts, panel, invalidRate,
                newIrregularities, newOutput, mapping);
    }

    /**
     * The same election as one region with no regional turnout offset: a single honest cloud (precincts still vary
     * around it as the spec says), the setting in which a model of one normal honest cloud nearly holds.
     */
    public SyntheticSpec homogeneous() {
        return new SyntheticSpec(name, seed, precincts, files, country, 1, candidates, support, turnoutMean, 0,
                turnoutPrecinctSd, regionConcentration, precinctConcentration, sizeMedian, sizeSigma, sizeMin, sizeMax,
                smallPrecincts, districts, panel, invalidRate, irregularities, output, mapping);
    }

    public static SyntheticSpec load(Path file) throws SpecException {
        JsonNode root;
        try {
            root = YamlFiles.read(file);
        } catch (IOException e) {
            throw new SpecException(file + ": " + e.getMessage());
        }
        return parse(root, file.toAbsolutePath().getParent(), file.toString());
    }

    /** Reads a spec tree; relative paths are resolved against {@code base}. */
    static SyntheticSpec parse(JsonNode root, Path base, String where) throws SpecException {
        if (!root.isObject()) {
            throw new SpecException(where + ": a synthetic election spec is a YAML map");
        }
        String unknown = YamlFiles.unknownKey(root, KEYS);
        if (unknown != null) {
            throw new SpecException(where + ": unknown key '" + unknown + "'; known: " + YamlFiles.listing(KEYS));
        }
        JsonNode cands = root.path("candidates");
        if (!cands.isObject() || cands.size() < 2) {
            throw new SpecException(where + ": candidates: map each candidate (leader first) to its national support");
        }
        List<String> names = new ArrayList<>();
        double[] support = new double[cands.size()];
        double total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = cands.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("[^,\"\\r\\n]+") || e.getValue().asDouble() <= 0) {
                throw new SpecException(where + ": candidates." + e.getKey() + ": a name without commas or quotes, "
                        + "with a positive support");
            }
            support[names.size()] = e.getValue().asDouble();
            total += support[names.size()];
            names.add(e.getKey());
        }
        for (int i = 0; i < support.length; i++) {
            support[i] /= total;
        }
        Map<String, Map<String, Double>> plants = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("irregularities").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, Double> known = IRREGULARITIES.get(e.getKey());
            if (known == null) {
                throw new SpecException(where + ": irregularities." + e.getKey() + ": unknown; known: "
                        + YamlFiles.listing(IRREGULARITIES.keySet()));
            }
            Map<String, Double> params = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> p = e.getValue().fields(); p.hasNext();) {
                Map.Entry<String, JsonNode> pe = p.next();
                if (!known.containsKey(pe.getKey()) || !pe.getValue().isNumber()) {
                    throw new SpecException(where + ": irregularities." + e.getKey() + "." + pe.getKey()
                            + ": not a numeric parameter of it; known: " + YamlFiles.listing(known.keySet()));
                }
                params.put(pe.getKey(), pe.getValue().asDouble());
            }
            plants.put(e.getKey(), params);
        }
        JsonNode turnout = root.path("turnout");
        JsonNode spread = root.path("support");
        JsonNode size = root.path("precinct_size");
        long precincts = root.path("precincts").asLong(2000);
        int files = root.path("files").asInt(1);
        if (precincts < 1 || files < 1 || files > precincts || root.path("regions").asInt(10) < 1) {
            throw new SpecException(where + ": precincts, files and regions must be positive, files at most "
                    + "precincts");
        }
        JsonNode small = size.path("small");
        SmallPrecincts smallPrecincts = small.isMissingNode() ? SmallPrecincts.NONE : new SmallPrecincts(
                small.path("share").asDouble(), small.path("median").asDouble(), small.path("sigma").asDouble());
        if (smallPrecincts.share() < 0 || smallPrecincts.share() > 1
                || (smallPrecincts.share() > 0 && (smallPrecincts.median() <= 0 || smallPrecincts.sigma() < 0))) {
            throw new SpecException(where + ": precinct_size.small: a share in [0, 1], a positive median and a "
                    + "sigma of at least 0");
        }
        JsonNode district = root.path("districts");
        Districts districts = district.isMissingNode() ? Districts.NONE : new Districts(
                district.path("per_region").asInt(0), district.path("turnout_sd").asDouble(0.15),
                district.path("concentration").asDouble(400));
        if (districts.perRegion() < 0 || districts.perRegion() > 99
                || (districts.any() && (districts.turnoutSd() < 0 || districts.concentration() <= 0))) {
            throw new SpecException(where + ": districts: per_region from 0 to 99, a turnout_sd of at least 0 and a "
                    + "positive concentration");
        }
        JsonNode panelNode = root.path("panel");
        Panel panel = panelNode.isMissingNode() ? Panel.NONE : new Panel(panelNode.path("elections").asInt(2),
                panelNode.path("turnout_change_sd").asDouble(0.1), panelNode.path("share_concentration").asDouble(300),
                panelNode.path("size_change_sd").asDouble(0.03));
        if (!panelNode.isMissingNode() && (panel.elections() < 1 || panel.elections() > 9 || panel.turnoutChangeSd() < 0
                || panel.shareConcentration() <= 0 || panel.sizeChangeSd() < 0)) {
            throw new SpecException(where + ": panel: elections from 1 to 9, turnout_change_sd and size_change_sd of "
                    + "at least 0 and a positive share_concentration");
        }
        String output = root.path("output").asText("synthetic-" + root.path("name").asText("election"));
        return new SyntheticSpec(root.path("name").asText("election"), root.path("seed").asLong(1), precincts, files,
                root.path("country").asText("Synthland"), root.path("regions").asInt(10), List.copyOf(names), support,
                turnout.path("mean").asDouble(0.6), turnout.path("region_sd").asDouble(0.3),
                turnout.path("precinct_sd").asDouble(0.3), spread.path("region_concentration").asDouble(200),
                spread.path("precinct_concentration").asDouble(100), size.path("median").asDouble(800),
                size.path("sigma").asDouble(0.6), size.path("min").asLong(20), size.path("max").asLong(3000),
                smallPrecincts, districts, panel, root.path("invalid_rate").asDouble(0.015), plants,
                output.contains("://") ? output : base.resolve(output).normalize().toString(),
                base.resolve(root.path("mapping").asText("../mappings/canonical.yaml")).normalize().toString());
    }
}
