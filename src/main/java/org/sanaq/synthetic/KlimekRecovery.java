package org.sanaq.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sanaq.checks.CheckCatalog;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.checks.fingerprint.TurnoutShareCell;
import org.sanaq.checks.klimek.CellSizes;
import org.sanaq.checks.klimek.KlimekCheck;
import org.sanaq.checks.klimek.KlimekEstimate;
import org.sanaq.checks.klimek.KlimekModel;
import org.sanaq.ingest.YamlFiles;
import org.sanaq.run.SpecException;
import org.sanaq.stats.ClopperPearson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parameter recovery of the fraud-model fit ({@code sanaq calibrate jobs/synthetic/klimek-recovery.yaml}): for each
 * planted (fi, fe), synthetic elections of consecutive seeds are drawn as the generator draws them
 * ({@link HonestElection} with {@link PrecinctIrregularities}' stuffing, which follows the fit's model), their
 * precincts added in-process to the fit's {@link CellSizes} (the fingerprint's cells, ballots issued over registered
 * and the leader's share of valid votes, the generated job's conventions), and fitted with the check's defaults
 * ({@link KlimekModel}, bootstrap included). Per cell: the mean estimates, how often the intervals cover the planted
 * values with the two-sided 95 % Clopper–Pearson interval of that rate (nominal coverage should lie inside), how
 * often they include 0, and how often the check would flag. One more row plants α = 1 and fits the default α: the
 * cost of a wrong fixed parameter. The honest cell's flags are written as the check's honest rates ({@link
 * HonestRates#KLIMEK}), the placebo of its flags.
 */
public final class KlimekRecovery {
    static final String KEY = "klimek_recovery";
    static final List<String> COLUMNS = List.of("planted_alpha", "fi", "fe", "precincts", "seeds", "fi_mean",
            "fi_covered", "fe_mean", "fe_covered", "fi_width", "fe_width", "coverage_fi", "coverage_fe",
            "cp_fi_low", "cp_fi_high", "cp_fe_low", "cp_fe_high", "zero_in_fi", "zero_in_fe", "flagged");
    private static final Set<String> KEYS = Set.of("election", "precincts", "seeds", "bootstrap", "fi", "fe",
            "misspecified", "threads", "table", "honest_rates", "homogeneous");

    /** What a recovery spec says; paths resolved against the spec's folder. */
    record Settings(SyntheticSpec election, long precincts, int seeds, int bootstrap, List<Double> fi,
            List<Double> fe, Map<String, Double> misspecified, int threads, Path table, Path honestRates) {
    }

    /** One planted cell's fits, one per seed. */
    record Cell(double alpha, double fi, double fe, long precincts, List<KlimekEstimate> fits) {
    }

    private KlimekRecovery() {
    }

    /** Whether a calibration spec is a parameter recovery (it has a {@value #KEY} map). */
    public static boolean describes(Path specFile) throws IOException {
        return YamlFiles.read(specFile).has(KEY);
    }

    /** Runs the recovery a spec describes and writes its table and the honest rates. */
    public static void run(Path specFile, PrintStream log) throws IOException, SpecException {
        Settings s = parse(YamlFiles.read(specFile).path(KEY), specFile.toAbsolutePath().getParent(),
                specFile.toString());
        long started = System.nanoTime();
        KlimekModel model = new KlimekModel(defaultOf("alpha"), defaultOf("sigma_x"));
        List<Cell> cells = new ArrayList<>();
        List<double[]> planted = new ArrayList<>();
        for (double fi : s.fi()) {
            for (double fe : s.fe()) {
                planted.add(new double[] {defaultOf("alpha"), fi, fe});
            }
        }
        if (!s.misspecified().isEmpty()) {
            planted.add(new double[] {s.misspecified().get("alpha"), s.misspecified().get("fi"),
                    s.misspecified().get("fe")});
        }
        for (double[] p : planted) {
            long t = System.nanoTime();
            Cell cell = cell(model, s, p[0], p[1], p[2]);
            cells.add(cell);
            log.printf(Locale.ROOT, "sanaq: klimek recovery: alpha %.1f fi %.2f fe %.3f, %d seeds in %.0f s: %s%n",
                    p[0], p[1], p[2], s.seeds(), (System.nanoTime() - t) / 1e9, rows(List.of(cell)).get(0));
            // written after each cell, so that a long recovery stopped part-way keeps what it measured
            write(s, cells, specFile);
        }
        log.printf(Locale.ROOT, "sanaq: klimek recovery written to %s%s in %.0f s%n", s.table(),
                s.honestRates() == null ? "" : " and " + s.honestRates(), (System.nanoTime() - started) / 1e9);
    }

    static Settings parse(JsonNode root, Path base, String where) throws SpecException, IOException {
        String unknown = YamlFiles.unknownKey(root, KEYS);
        if (unknown != null) {
            throw new SpecException(where + ": " + KEY + "." + unknown + ": unknown; known: "
                    + YamlFiles.listing(KEYS));
        }
        SyntheticSpec election = SyntheticSpec.load(base.resolve(root.path("election").asText("clean.yaml")));
        if (root.path("homogeneous").asBoolean(false)) {
            election = election.homogeneous();
        }
        List<Double> fi = fractions(root.path("fi"), where + ": " + KEY + ".fi");
        List<Double> fe = fractions(root.path("fe"), where + ": " + KEY + ".fe");
        Map<String, Double> misspecified = new java.util.LinkedHashMap<>();
        root.path("misspecified").fields().forEachRemaining(e -> misspecified.put(e.getKey(),
                e.getValue().asDouble()));
        if (!misspecified.isEmpty() && !misspecified.keySet().equals(Set.of("alpha", "fi", "fe"))) {
            throw new SpecException(where + ": " + KEY + ".misspecified: {alpha, fi, fe} planted");
        }
        int seeds = root.path("seeds").asInt(40);
        int bootstrap = root.path("bootstrap").asInt(200);
        long precincts = root.path("precincts").asLong(20_000);
        int threads = root.path("threads").asInt(Runtime.getRuntime().availableProcessors());
        if (seeds < 1 || bootstrap < 20 || precincts < 1 || threads < 1) {
            throw new SpecException(where + ": " + KEY + ": seeds, precincts and threads at least 1, bootstrap at "
                    + "least 20");
        }
        return new Settings(election, precincts, seeds, bootstrap, fi, fe, misspecified, threads,
                base.resolve(root.path("table").asText("../../reports/calibration/tables/klimek_recovery.csv"))
                        .normalize(),
                root.has("honest_rates") ? base.resolve(root.path("honest_rates").asText()).normalize() : null);
    }

    private static List<Double> fractions(JsonNode list, String where) throws SpecException {
        List<Double> out = new ArrayList<>();
        for (JsonNode x : list) {
            if (!x.isNumber() || x.asDouble() < 0 || x.asDouble() > 1) {
                throw new SpecException(where + ": fractions from 0 to 1");
            }
            out.add(x.asDouble());
        }
        if (out.isEmpty()) {
            throw new SpecException(where + ": list the planted fractions");
        }
        return out;
    }

    /** The fits of one planted cell over seeds election.seed() + k, {@code threads} at a time. */
    static Cell cell(KlimekModel model, Settings s, double alpha, double fi, double fe) {
        return new Cell(alpha, fi, fe, s.precincts(), InProcessRuns.perSeed(s.threads(), s.seeds(),
                k -> fit(model, s, s.election().seed() + k, alpha, fi, fe), "klimek recovery"));
    }

    /** One election's fit: its precincts drawn with the planted stuffing and fitted with a bootstrap. */
    static KlimekEstimate fit(KlimekModel model, Settings s, long seed, double alpha, double fi, double fe) {
        return model.estimate(draw(s.election(), s.precincts(), seed, alpha, model.sigmaX(), fi, fe),
                new KlimekModel.Bootstrap(s.bootstrap(), 0.95, seed), "national");
    }

    /** The cell summary of one election of {@code precincts} precincts drawn with the planted stuffing. */
    static CellSizes draw(SyntheticSpec election, long precincts, long seed, double alpha, double sigmaX, double fi,
            double fe) {
        SyntheticSpec spec = election.with(seed, precincts, election.files(), election.output(),
                Map.of("stuffing", Map.of("fi", fi, "fe", fe, "alpha", alpha, "sigma_x", sigmaX)));
        HonestElection honest = new HonestElection(spec);
        PrecinctIrregularities irregularities = new PrecinctIrregularities(spec);
        CellSizes sizes = new CellSizes();
        for (long i = 0; i < spec.precincts(); i++) {
            Protocol p = honest.precinct(i);
            irregularities.plant(i, p);
            long v = p.counts[Protocol.REGISTERED];
            long r = p.counts[Protocol.VALID];
            if (v > 0 && r > 0) {
                sizes.add(TurnoutShareCell.of(new PrecinctFigures.Figures("", "", v, p.issued(), r, p.votes[0],
                        r - p.votes[0])), v, p.votes[0]);
            }
        }
        return sizes;
    }

    private static double defaultOf(String parameter) {
        return ((Number) CheckCatalog.find(KlimekCheck.ID).defaults().get(parameter)).doubleValue();
    }

    static List<List<String>> rows(List<Cell> cells) {
        double flagFi = defaultOf("flag_fi");
        double flagFe = defaultOf("flag_fe");
        List<List<String>> out = new ArrayList<>();
        for (Cell c : cells) {
            List<KlimekEstimate> fits = c.fits();
            int n = fits.size();
            long fiCovered = fits.stream().filter(e -> e.fiLow() <= c.fi() && c.fi() <= e.fiHigh()).count();
            long feCovered = fits.stream().filter(e -> e.feLow() <= c.fe() && c.fe() <= e.feHigh()).count();
            out.add(List.of(number(c.alpha()), number(c.fi()), number(c.fe()), Long.toString(c.precincts()),
                    Integer.toString(n), number(mean(fits, KlimekEstimate::fi)), Long.toString(fiCovered),
                    number(mean(fits, KlimekEstimate::fe)), Long.toString(feCovered),
                    number(mean(fits, e -> e.fiHigh() - e.fiLow())), number(mean(fits, e -> e.feHigh() - e.feLow())),
                    number((double) fiCovered / n), number((double) feCovered / n),
                    number(ClopperPearson.lower(fiCovered, n, 0.975)),
                    number(ClopperPearson.upper(fiCovered, n, 0.975)),
                    number(ClopperPearson.lower(feCovered, n, 0.975)),
                    number(ClopperPearson.upper(feCovered, n, 0.975)),
                    Long.toString(fits.stream().filter(e -> e.fiLow() <= 0).count()),
                    Long.toString(fits.stream().filter(e -> e.feLow() <= 0).count()),
                    Long.toString(fits.stream().filter(e -> e.flags(flagFi, flagFe)).count())));
        }
        return out;
    }

    private static double mean(List<KlimekEstimate> fits, java.util.function.ToDoubleFunction<KlimekEstimate> f) {
        return fits.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

    private static void write(Settings s, List<Cell> cells, Path specFile) throws IOException {
        InProcessRuns.write(s.table(), COLUMNS, rows(cells), "");
        if (s.honestRates() == null) {
            return;
        }
        double flagFi = defaultOf("flag_fi");
        double flagFe = defaultOf("flag_fe");
        List<List<String>> honest = new ArrayList<>();
        cells.stream().filter(c -> c.fi() == 0 && c.fe() == 0 && c.alpha() == defaultOf("alpha"))
                .forEach(c -> honest.add(List.of(Long.toString(c.precincts()), "klimek",
                        Integer.toString(c.fits().size()),
                        Long.toString(c.fits().stream().filter(e -> e.flags(flagFi, flagFe)).count()))));
        InProcessRuns.write(s.honestRates(), List.of(HonestRates.HEADER.split(",")), honest, "# The honest cell of "
                + "the fraud-model fit's parameter recovery, written by `sanaq calibrate " + specFile + "`: in how "
                + "many honest synthetic elections the fit flagged.\n");
    }
}
