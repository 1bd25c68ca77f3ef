package org.sanaq.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.sanaq.checks.Check;
import org.sanaq.checks.CheckCatalog;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.ContentKeys;
import org.sanaq.checks.digits.DigitTestsCheck;
import org.sanaq.checks.digits.LocalDigitTests;
import org.sanaq.ingest.YamlFiles;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;
import org.sanaq.run.SpecException;
import org.sanaq.schema.Conventions;
import org.sanaq.stats.ClopperPearson;
import org.sanaq.text.Messages;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The calibration of the digit tests at national sizes ({@code sanaq calibrate jobs/synthetic/digit-calibration.yaml}):
 * for each statistic that can flag, the share of honest synthetic elections in which it flags any cell (any unit,
 * any row), its false-positive rate, and the share of elections with a planted irregularity in which it does, its
 * detection rate, each with one-sided 95 % Clopper–Pearson bounds. Hundreds of elections of 100,000 precincts are
 * out of reach of a Spark run each; here each election's precincts are drawn as the generator draws them
 * ({@link HonestElection}, {@link PrecinctIrregularities}) and handed to the digit tests in-process
 * ({@link LocalDigitTests}), one election per thread. The honest rows are also written as the resource the report's
 * placebo reads ({@link HonestRates}).
 */
public final class DigitCalibration {
    /** The key of the spec's map: a calibration spec with it is this calibration's. */
    static final String KEY = "digit_statistics";
    static final String ANY = "any";
    static final String HONEST = "honest";
    static final double CONFIDENCE = 0.95;
    static final List<String> COLUMNS = List.of("precincts", "scenario", "statistic", "seeds", "flagged_seeds",
            "rate", "nominal_alpha", "lower_95", "upper_95");
    /** The line of a file's first precinct (line 1 is the header). */
    private static final long FIRST_LINE = 2;
    private static final Set<String> KEYS = Set.of("election", "threads", "sizes", "planted", "table",
            "honest_rates");

    /** A size of election and the number of seeds drawn at it, honest and with the planted irregularity. */
    record Size(long precincts, int seeds, int plantedSeeds) {
    }

    /** What a digit calibration spec says; paths resolved against the spec's folder. */
    record Settings(SyntheticSpec election, List<Size> sizes, Map<String, Map<String, Double>> planted, int threads,
            Path table, Path honestRates) {
    }

    /** The elections of one size and scenario, and the seeds in which each statistic flagged. */
    record Tally(long precincts, String scenario, int seeds, Map<String, Integer> flaggedSeeds) {
    }

    private DigitCalibration() {
    }

    /** Whether a calibration spec is a digit calibration (it has a {@value #KEY} map). */
    public static boolean describes(Path specFile) throws IOException {
        return YamlFiles.read(specFile).has(KEY);
    }

    /** Runs the calibration a spec describes and writes its table and the honest rates. */
    public static void run(Path specFile, PrintStream log) throws IOException, SpecException {
        Settings settings = parse(YamlFiles.read(specFile).path(KEY), specFile.toAbsolutePath().getParent(),
                specFile.toString());
        long started = System.nanoTime();
        List<Tally> tallies = new ArrayList<>();
        for (Size size : settings.sizes()) {
            for (Map.Entry<String, Map<String, Map<String, Double>>> scenario : scenarios(settings).entrySet()) {
                int seeds = scenario.getKey().equals(HONEST) ? size.seeds() : size.plantedSeeds();
                if (seeds == 0) {
                    continue;
                }
                long t = System.nanoTime();
                SyntheticSpec election = settings.election().with(settings.election().seed(), size.precincts(),
                        settings.election().files(), settings.election().output(), scenario.getValue());
                Tally tally = tally(election, scenario.getKey(), seeds, settings.threads());
                log.printf(Locale.ROOT, "sanaq: digit calibration: %,d precincts, %s, %d seeds in %.0f s: %s%n",
                        size.precincts(), scenario.getKey(), seeds, (System.nanoTime() - t) / 1e9,
                        tally.flaggedSeeds());
                tallies.add(tally);
                // written after each step, so that a long calibration stopped part-way keeps what it measured
                write(settings, tallies, specFile);
            }
        }
        log.printf(Locale.ROOT, "sanaq: digit calibration written to %s and %s in %.0f s%n", settings.table(),
                settings.honestRates(), (System.nanoTime() - started) / 1e9);
    }

    private static void write(Settings settings, List<Tally> tallies, Path specFile) throws IOException {
        InProcessRuns.write(settings.table(), COLUMNS, rows(tallies, alpha()), "");
        InProcessRuns.write(settings.honestRates(), List.of(HonestRates.HEADER.split(",")), honestRows(tallies),
                "# The honest rows of the digit calibration, written by `sanaq calibrate " + specFile + "`: in how "
                        + "many honest synthetic elections of each size each digit statistic flagged any cell (any "
                        + "unit, any row).\n");
    }

    /** The honest scenario, then the planted one (when the spec plants anything), by label. */
    private static Map<String, Map<String, Map<String, Double>>> scenarios(Settings settings) {
        Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
        out.put(HONEST, Map.of());
        if (!settings.planted().isEmpty()) {
            StringBuilder label = new StringBuilder();
            settings.planted().forEach((irregularity, parameters) -> {
                label.append(label.length() == 0 ? "" : " + ").append(irregularity);
                parameters.forEach((k, v) -> label.append(' ').append(k).append('=').append(v));
            });
            out.put(label.toString(), settings.planted());
        }
        return out;
    }

    static Settings parse(JsonNode root, Path base, String where) throws SpecException, IOException {
        String unknown = YamlFiles.unknownKey(root, KEYS);
        if (unknown != null) {
            throw new SpecException(where + ": " + KEY + "." + unknown + ": unknown; known: "
                    + YamlFiles.listing(KEYS));
        }
        SyntheticSpec election = SyntheticSpec.load(base.resolve(root.path("election").asText("realistic.yaml")));
        List<Size> sizes = new ArrayList<>();
        for (JsonNode s : root.path("sizes")) {
            Size size = new Size(s.path("precincts").asLong(), s.path("seeds").asInt(),
                    s.path("planted_seeds").asInt(s.path("seeds").asInt()));
            if (size.precincts() < 1 || size.seeds() < 1 || size.plantedSeeds() < 0) {
                throw new SpecException(where + ": " + KEY + ".sizes: each {precincts, seeds, planted_seeds}, "
                        + "positive (planted_seeds may be 0)");
            }
            sizes.add(size);
        }
        if (sizes.isEmpty()) {
            throw new SpecException(where + ": " + KEY + ".sizes: list {precincts, seeds} of each size");
        }
        Map<String, Map<String, Double>> planted = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("planted").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!SyntheticSpec.IRREGULARITIES.containsKey(e.getKey())) {
                throw new SpecException(where + ": " + KEY + ".planted." + e.getKey() + ": unknown; known: "
                        + YamlFiles.listing(SyntheticSpec.IRREGULARITIES.keySet()));
            }
            Map<String, Double> parameters = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(p -> parameters.put(p.getKey(), p.getValue().asDouble()));
            planted.put(e.getKey(), parameters);
        }
        int threads = root.path("threads").asInt(Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            throw new SpecException(where + ": " + KEY + ".threads: at least 1");
        }
        return new Settings(election, sizes, planted, threads,
                base.resolve(root.path("table").asText("../../reports/calibration/tables/digit_calibration.csv"))
                        .normalize(),
                base.resolve(root.path("honest_rates").asText("../../src/main/resources" + HonestRates.RESOURCE))
                        .normalize());
    }

    /**
     * The elections of seeds {@code election.seed() + k}, k &lt; seeds, judged {@code threads} at a time; the
     * result does not depend on the number of threads.
     */
    static Tally tally(SyntheticSpec election, String scenario, int seeds, int threads) {
        List<Set<String>> perSeed = InProcessRuns.perSeed(threads, seeds, k -> flagged(election.with(
                election.seed() + k, election.precincts(), election.files(), election.output(),
                election.irregularities())), "digit calibration");
        Map<String, Integer> flagged = new LinkedHashMap<>();
        LocalDigitTests.flaggingStatistics().forEach(s -> flagged.put(s, 0));
        flagged.put(ANY, 0);
        perSeed.forEach(statistics -> statistics.forEach(s -> flagged.merge(s, 1, Integer::sum)));
        return new Tally(election.precincts(), scenario, seeds, flagged);
    }

    /** The statistics that flagged any cell in one election ({@value #ANY} when any did). */
    static Set<String> flagged(SyntheticSpec spec) {
        Set<String> out = new LinkedHashSet<>();
        for (Finding f : outcome(spec, PrecinctFile::precinctsName, ContentKeys.NONE).findings()) {
            if (f.verdict() == Verdict.ERROR) {
                throw new IllegalStateException("digit_tests failed on the synthetic election with seed "
                        + spec.seed() + ": " + f.sentence());
            }
            if (f.verdict() == Verdict.FLAG) {
                out.add(LocalDigitTests.flaggingStatistics().contains(f.statistic()) ? f.statistic() : ANY);
            }
        }
        return out;
    }

    /**
     * The digit tests' outcome on one election, its precincts drawn as {@code sanaq generate} writes them: the same
     * figures, in the same files (named by {@code fileName}) at the same lines; the dip's jitter is seeded by the
     * files' {@code keys} (a calibration hashes no file: each name keys itself).
     */
    static CheckOutcome outcome(SyntheticSpec spec, IntFunction<String> fileName, ContentKeys keys) {
        LocalDigitTests tests = new LocalDigitTests(context(spec, keys));
        HonestElection honest = new HonestElection(spec);
        PrecinctIrregularities irregularities = new PrecinctIrregularities(spec);
        for (int file = 0; file < spec.files(); file++) {
            String name = fileName.apply(file);
            long first = PrecinctFile.first(spec, file);
            for (long i = first, end = PrecinctFile.first(spec, file + 1); i < end; i++) {
                Protocol p = honest.precinct(i);
                irregularities.plant(i, p);
                tests.add(precinct(spec, p, name, i - first + FIRST_LINE));
            }
        }
        return tests.outcome();
    }

    /** A protocol as the digit tests read it under the default conventions: ballots issued, shares of valid. */
    static LocalDigitTests.Precinct precinct(SyntheticSpec spec, Protocol p, String file, long line) {
        Map<String, Long> votes = new HashMap<>();
        for (int c = 0; c < p.votes.length; c++) {
            votes.put(spec.candidates().get(c), p.votes[c]);
        }
        return new LocalDigitTests.Precinct(HonestElection.regionName(p.region), file, line,
                p.counts[Protocol.REGISTERED], p.issued(), p.counts[Protocol.VALID], votes);
    }

    /** The digit tests with their defaults, as the generated job.yaml runs them. */
    static CheckContext context(SyntheticSpec spec, ContentKeys keys) {
        Check<?> check = CheckCatalog.find(DigitTestsCheck.ID);
        try {
            return new CheckContext(spec.election(), spec.country(), Conventions.DEFAULT,
                    new CheckParameters("checks." + DigitTestsCheck.ID, check.defaults(), Map.of()),
                    Messages.of("en"), keys);
        } catch (SpecException e) {
            throw new IllegalStateException("digit_tests' defaults are not valid parameters", e);
        }
    }

    private static double alpha() {
        return ((Number) CheckCatalog.find(DigitTestsCheck.ID).defaults().get("alpha")).doubleValue();
    }

    static List<List<String>> rows(List<Tally> tallies, double alpha) {
        List<List<String>> out = new ArrayList<>();
        for (Tally t : tallies) {
            t.flaggedSeeds().forEach((statistic, k) -> out.add(List.of(Long.toString(t.precincts()), t.scenario(),
                    statistic, Integer.toString(t.seeds()), Integer.toString(k), number((double) k / t.seeds()),
                    number(alpha), number(ClopperPearson.lower(k, t.seeds(), CONFIDENCE)),
                    number(ClopperPearson.upper(k, t.seeds(), CONFIDENCE)))));
        }
        return out;
    }

    private static List<List<String>> honestRows(List<Tally> tallies) {
        List<List<String>> out = new ArrayList<>();
        tallies.stream().filter(t -> t.scenario().equals(HONEST)).forEach(t -> t.flaggedSeeds().forEach(
                (statistic, k) -> out.add(List.of(Long.toString(t.precincts()), statistic,
                        Integer.toString(t.seeds()), Integer.toString(k)))));
        return out;
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
