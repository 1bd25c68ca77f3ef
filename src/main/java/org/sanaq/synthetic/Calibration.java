package org.sanaq.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sanaq.checks.Check;
import org.sanaq.checks.CheckCatalog;
import org.sanaq.ingest.Ingest;
import org.sanaq.ingest.YamlFiles;
import org.sanaq.report.ReportWriter;
import org.sanaq.results.CheckDescription;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Manifest;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;
import org.sanaq.run.DuplicateProtocols;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpec;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;
import org.sanaq.run.ProgramVersion;
import org.sanaq.run.SpecException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The calibration job: every check of the catalog over K seeds of the honest election (its false-positive rate:
 * the share of seeds where it flags anything) and over each planted irregularity at increasing strengths (its
 * detection rate). A check takes part without code here: its verdicts are read from its findings, and the spec
 * names for each irregularity the check ids expected to catch it (ids not yet in the catalog are reported as
 * such). Writes a run folder: {@code tables/calibration_rates.csv}, metrics, and a report with the chart.
 */
public final class Calibration {
    static final String ID = "calibration";
    static final String TABLE = "calibration_rates";
    /** Elections generated and judged at the same time (spec field {@code parallel_runs}). */
    static final int DEFAULT_PARALLEL_RUNS = 3;
    static final List<String> COLUMNS = List.of("scenario", "irregularity", "strength", "check", "expected", "runs",
            "flagged", "rate", "nominal_alpha", "label", "charted");

    /** One irregularity at one strength (the honest election has none). */
    record Scenario(String irregularity, Map<String, Double> parameters, Set<String> expectedChecks) {
        String label() {
            return irregularity == null ? "honest" : irregularity + " " + parameters.toString().replace(",", ";");
        }
    }

    private Calibration() {
    }

    /** Runs the calibration a spec describes; returns the output folder. */
    public static Path run(SparkSession spark, Path specFile, PrintStream log) throws IOException, SpecException {
        JsonNode root = YamlFiles.read(specFile);
        Path base = specFile.toAbsolutePath().getParent();
        SyntheticSpec election = SyntheticSpec.load(base.resolve(root.path("election").asText("clean.yaml")));
        int seeds = root.path("seeds").asInt(20);
        election = election.with(election.seed(), root.path("precincts").asLong(election.precincts()),
                root.path("files").asInt(election.files()), election.output(), Map.of());
        Path output = base.resolve(root.path("output").asText("../../reports/calibration")).normalize();
        List<Scenario> scenarios = scenarios(root.path("scenarios"));
        String started = Instant.now().toString();
        List<List<String>> rows = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        Path work = Files.createTempDirectory("sanaq-calibration");
        int parallel = root.path("parallel_runs").asInt(DEFAULT_PARALLEL_RUNS);
        if (parallel < 1) {
            throw new SpecException("parallel_runs: must be at least 1, not " + parallel);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            for (Scenario scenario : scenarios) {
                Map<String, Integer> flagged = new LinkedHashMap<>();
                CheckCatalog.ids().forEach(id -> flagged.put(id, 0));
                for (Set<String> checks : flaggingChecksPerSeed(spark, pool, election, scenario, seeds, work)) {
                    checks.forEach(check -> flagged.merge(check, 1, Integer::sum));
                }
                log.printf(Locale.ROOT, "sanaq: calibration: %s over %d seeds: flagged by %s%n", scenario.label(),
                        seeds, flagged);
                tabulate(scenario, seeds, flagged, rows, metrics);
            }
        } finally {
            pool.shutdownNow();
        }
        write(output, specFile, root, seeds, election.seed(), started, rows, metrics);
        return output;
    }

    /**
     * Each seed's election is generated and judged on its own, several at a time: the runs are small, so a run's
     * Spark jobs leave the cores idle while the driver plans the next one, and concurrent runs fill those gaps.
     * Each seed writes to its own folder; results are returned in seed order, so the table does not depend on
     * {@code parallel_runs}.
     */
    private static List<Set<String>> flaggingChecksPerSeed(SparkSession spark, ExecutorService pool,
            SyntheticSpec election, Scenario scenario, int seeds, Path work) throws IOException, SpecException {
        Map<String, Map<String, Double>> plants = scenario.irregularity() == null ? Map.of()
                : Map.of(scenario.irregularity(), scenario.parameters());
        List<Future<Set<String>>> runs = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            SyntheticSpec spec = election.with(election.seed() + k, election.precincts(), election.files(),
                    work.resolve("election-" + k).toString(), plants);
            runs.add(pool.submit(() -> flaggingChecks(spark, spec)));
        }
        List<Set<String>> out = new ArrayList<>();
        for (Future<Set<String>> run : runs) {
            try {
                out.add(run.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("calibration interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof SpecException spec) {
                    throw spec;
                }
                throw new IllegalStateException("a calibration run failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    /** The scenario's rows of the rates table and its metrics; a check expected but not written yet gets a row. */
    private static void tabulate(Scenario scenario, int seeds, Map<String, Integer> flagged, List<List<String>> rows,
            List<Metric> metrics) {
        for (String missing : scenario.expectedChecks()) {
            if (CheckCatalog.find(missing) == null) {
                rows.add(List.of("planted", scenario.irregularity(), strength(scenario), missing, "yes", "0",
                        "", "", "", missing + " (not in the catalog yet)", "no"));
            }
        }
        for (Map.Entry<String, Integer> e : flagged.entrySet()) {
            rows.add(row(scenario, e.getKey(), seeds, e.getValue()));
            metrics.add(new Metric(ID, "national", e.getKey(), scenario.irregularity() == null
                    ? "false_positive_rate" : "detection_rate_" + scenario.label().replaceAll("\\W+", "_"),
                    (double) e.getValue() / seeds));
        }
    }

    /** The honest scenario first, then each irregularity at each strength listed. */
    static List<Scenario> scenarios(JsonNode list) throws SpecException {
        List<Scenario> out = new ArrayList<>();
        out.add(new Scenario(null, Map.of(), Set.of()));
        for (JsonNode s : list) {
            String irregularity = s.path("irregularity").asText();
            if (!SyntheticSpec.IRREGULARITIES.containsKey(irregularity)) {
                throw new SpecException("scenarios: unknown irregularity '" + irregularity + "'; known: "
                        + YamlFiles.listing(SyntheticSpec.IRREGULARITIES.keySet()));
            }
            Set<String> expected = new LinkedHashSet<>();
            s.path("expected_checks").forEach(c -> expected.add(c.asText()));
            for (JsonNode strength : s.path("strengths")) {
                Map<String, Double> params = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = strength.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    params.put(e.getKey(), e.getValue().asDouble());
                }
                out.add(new Scenario(irregularity, params, expected));
            }
        }
        return out;
    }

    /** Generates one election, runs every check on it, and returns the ids of the checks that flagged. */
    private static Set<String> flaggingChecks(SparkSession spark, SyntheticSpec spec) throws IOException,
            SpecException {
        SyntheticElection.generate(spark, spec, 0);
        JobSpec job = JobSpecLoader.load(Path.of(spec.output(), SyntheticElection.JOB_FILE));
        Dataset<Row> ingested = DuplicateProtocols.mark(Ingest.read(spark, job.inputs())).cache();
        try {
            Set<String> flagged = new LinkedHashSet<>();
            for (CheckOutcome o : JobRunner.judge(job, ingested, new Progress(
                    new PrintStream(OutputStream.nullOutputStream()), 2))) {
                for (var f : o.findings()) {
                    if (f.verdict() == Verdict.ERROR) {
                        // a check that could not run has no rate to report: counting it as "not flagged" would
                        // pass off a failure as a perfect false-positive rate
                        throw new IllegalStateException("the check " + f.check() + " failed on the synthetic election"
                                + " with seed " + spec.seed() + ": " + f.sentence());
                    }
                    if (f.verdict() == Verdict.FLAG) {
                        flagged.add(f.check());
                    }
                }
            }
            return flagged;
        } finally {
            ingested.unpersist();
        }
    }

    private static List<String> row(Scenario s, String check, int runs, int flagged) {
        Check<?> c = CheckCatalog.find(check);
        Object alpha = c.defaults().get("alpha");
        String expected = s.irregularity() == null ? "no" : s.expectedChecks().contains(check) ? "yes" : "no";
        return List.of(s.irregularity() == null ? "honest" : "planted", s.irregularity() == null ? ""
                : s.irregularity(), strength(s), check, expected,
                Integer.toString(runs), Integer.toString(flagged),
                String.format(Locale.ROOT, "%.4f", (double) flagged / runs), alpha == null ? "" : alpha.toString(),
                s.irregularity() == null ? "honest: " + check : chartLabel(s),
                s.irregularity() == null || expected.equals("yes") ? "yes" : "no");
    }

    /**
     * Short enough for a bar label (the chart cuts them at about twenty characters): the strength first with
     * parameter names cut to three letters, e.g. "reg=1 dec=2 round_regional_totals".
     */
    private static String chartLabel(Scenario s) {
        StringBuilder sb = new StringBuilder();
        s.parameters().forEach((k, v) -> sb.append(k, 0, Math.min(3, k.length())).append('=').append(v == Math.rint(v) ? Long.toString(v
                .longValue()) : v.toString()).append(' '));
        return sb + s.irregularity();
    }

    private static String strength(Scenario s) {
        return s.parameters().toString().replace(",", ";");
    }

    private static void write(Path output, Path specFile, JsonNode root, int seeds, long firstSeed, String started,
            List<List<String>> rows, List<Metric> metrics) throws IOException {
        DetailTable table = new DetailTable(TABLE, "Flag rates of each check: honest seeds (false positives) and "
                + "planted irregularities by strength (detection)", COLUMNS, rows);
        FigureSpec chart = new FigureSpec(ID, "calibration_rates", "ranked_bars",
                "Share of " + seeds + " seeds in which each check flagged, by scenario", TABLE,
                Map.of("label", "label", "value", "rate"), Map.of("charted", "yes"), "scenario",
                "share of seeds flagged", "Honest bars give each check's false-positive rate (compare with its "
                        + "nominal level); the others the detection rate, at each strength, of the checks expected to "
                        + "catch the irregularity.");
        Map<String, Long> seedMap = new LinkedHashMap<>();
        seedMap.put("first_seed", firstSeed);
        seedMap.put("seeds", (long) seeds);
        String text = Files.readString(specFile);
        Manifest manifest = new Manifest(ID, "Calibration of the checks on synthetic elections", "synthetic",
                "en", List.of(), text, "", Map.of("spec", root.toString()), Map.of(), seedMap,
                ProgramVersion.version(), ProgramVersion.commit(), "", "", started, Instant.now().toString());
        RunFolder.Contents contents = new RunFolder.Contents(manifest, List.of(), metrics, List.of(chart),
                Map.of(TABLE, table));
        Files.createDirectories(output);
        RunFolder.write(output, contents);
        ReportWriter.write(output, contents, id -> id.equals(ID) ? description()
                : CheckCatalog.find(id) == null ? null : CheckCatalog.find(id).description());
    }

    static CheckDescription description() {
        return new CheckDescription(ID, "Calibration on synthetic elections",
                "How often does each check flag an honest election, and how often does it catch a planted "
                        + "irregularity of a given strength?",
                "Synthetic elections are generated from consecutive seeds (sanaq generate); every check runs on "
                        + "each; a check counts as flagging a seed when any of its findings is a flag.",
                "Rates are estimates from a finite number of seeds (a binomial standard error of about "
                        + "sqrt(r(1 − r)/K)); the synthetic model is simpler than real elections.");
    }
}
