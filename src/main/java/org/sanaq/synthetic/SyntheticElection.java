package org.sanaq.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sanaq.checks.CheckCatalog;
import org.sanaq.checks.panel.PanelCheck;

/**
 * The generator job: writes a synthetic election in the canonical CSV format, one Spark task per output file,
 * each task drawing its precincts from (seed, precinct index) alone, so the bytes depend on the spec and the seed
 * and not on how many tasks run. Beside the data it writes the ground truth ({@code truth-*.csv}) and a job file
 * ({@code job.yaml}) that runs every check of the catalog over it.
 */
public final class SyntheticElection {
    public static final String JOB_FILE = "job.yaml";

    private SyntheticElection() {
    }

    /** Generates the election with {@code partitions} Spark tasks at most (0: one per file). */
    public static void generate(SparkSession spark, SyntheticSpec spec, int partitions) throws IOException {
        OutputFiles out = new OutputFiles(spec.output());
        out.clear();
        List<Integer> files = IntStream.range(0, spec.files()).boxed().toList();
        PrecinctFile writer = new PrecinctFile(spec);
        Protocol[] sums = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(files, partitions > 0 ? partitions : spec.files())
                .map(f -> writer.write(f, out))
                .treeReduce(SyntheticElection::add);
        RegionalTable.write(spec, sums, out);
        try (OutputStream job = out.create(JOB_FILE)) {
            job.write(jobFile(spec, false).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Protocol[] add(Protocol[] a, Protocol[] b) {
        Protocol[] out = new Protocol[a.length];
        for (int r = 0; r < a.length; r++) {
            if (a[r] == null || b[r] == null) {
                out[r] = a[r] == null ? b[r] : a[r];
            } else {
                out[r] = a[r].copy();
                out[r].add(b[r]);
            }
        }
        return out;
    }

    /**
     * A job over the generated files that runs every check in the catalog with its defaults. Paths are relative
     * to the output folder (the job.yaml written there), or {@code absolute} for a job file kept elsewhere (a
     * benchmark's, or the driver's copy when the data are on a cluster file system).
     */
    static String jobFile(SyntheticSpec spec, boolean absolute) {
        boolean relative = !absolute && !spec.output().contains("://");
        String mapping = relative ? Path.of(spec.output()).toAbsolutePath().relativize(Path.of(spec.mapping())
                .toAbsolutePath()).toString() : Path.of(spec.mapping()).toAbsolutePath().toString();
        String folder = relative ? "" : spec.output() + "/";
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by `sanaq generate`: the synthetic election ").append(spec.name()).append(", seed ")
                .append(spec.seed()).append(".\n");
        sb.append("job: ").append(spec.election()).append('\n');
        sb.append("title: \"Synthetic election ").append(spec.name()).append(" (seed ").append(spec.seed())
                .append(")\"\n");
        sb.append("election: ").append(spec.election()).append('\n');
        sb.append("country: ").append(spec.country()).append('\n');
        sb.append("language: en\ninputs:\n");
        sb.append(input("precincts", files(spec, f -> folder + PrecinctFile.precinctsName(f)), mapping));
        sb.append(input("regions", List.of(folder + RegionalTable.FILE), mapping));
        if (spec.plants("observer_copies")) {
            sb.append(input("observers", files(spec, f -> folder + PrecinctFile.observersName(f)), mapping));
        }
        sb.append("checks:\n");
        CheckCatalog.ids().forEach(id -> sb.append("  ").append(id).append(": ").append(parameters(spec, id))
                .append('\n'));
        sb.append("output: report\n");
        return sb.toString();
    }

    /** A check's parameters in the job: its defaults, but a panel's elections for the panel check. */
    private static String parameters(SyntheticSpec spec, String check) {
        if (!check.equals(PanelCheck.ID) || !spec.panel().any()) {
            return "{}";
        }
        List<String> elections = new ArrayList<>();
        for (int e = 1; e <= spec.panel().elections(); e++) {
            elections.add(spec.election(e));
        }
        return "{elections: [" + String.join(", ", elections) + "]}";
    }

    private static List<String> files(SyntheticSpec spec, java.util.function.IntFunction<String> name) {
        List<String> out = new ArrayList<>();
        for (int f = 0; f < spec.files(); f++) {
            out.add(name.apply(f));
        }
        return out;
    }

    private static String input(String id, List<String> files, String mapping) {
        StringBuilder sb = new StringBuilder("  - id: ").append(id).append("\n    files:\n");
        files.forEach(f -> sb.append("      - ").append(f).append('\n'));
        return sb.append("    mapping: ").append(mapping).append('\n').toString();
    }
}
