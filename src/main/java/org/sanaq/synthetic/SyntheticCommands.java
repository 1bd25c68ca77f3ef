package org.sanaq.synthetic;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.SparkSession;
import org.sanaq.run.SparkSessions;
import org.sanaq.run.SpecException;

/**
 * The command-line side of synthetic elections: {@code generate <spec.yaml> [--output <folder>]},
 * {@code calibrate <calibration.yaml>} (or the digit calibration's spec, {@link DigitCalibration}, or the
 * fraud-model fit's parameter recovery, {@link KlimekRecovery}) and {@code benchmark --precincts <n>
 * [--spec <spec.yaml>] [--data <folder>] [--csv <file>]}.
 */
public final class SyntheticCommands {
    private SyntheticCommands() {
    }

    /** Runs one of the three commands; throws SpecException for a wrong command line or spec. */
    public static int run(List<String> a, PrintStream err) throws Exception {
        String command = a.get(0);
        if (!command.equals("benchmark") && (a.size() < 2 || a.get(1).startsWith("--"))) {
            throw new SpecException(command + " needs a spec file");
        }
        if (command.equals("calibrate") && DigitCalibration.describes(Path.of(a.get(1)))) {
            DigitCalibration.run(Path.of(a.get(1)), err); // in-process: no Spark session
            return 0;
        }
        if (command.equals("calibrate") && KlimekRecovery.describes(Path.of(a.get(1)))) {
            KlimekRecovery.run(Path.of(a.get(1)), err); // in-process: no Spark session
            return 0;
        }
        SparkSession spark = SparkSessions.start(command);
        try {
            switch (command) {
                case "generate" -> {
                    SyntheticSpec spec = SyntheticSpec.load(Path.of(a.get(1)));
                    String output = option(a, "--output", spec.output());
                    spec = spec.with(spec.seed(), spec.precincts(), spec.files(), output, spec.irregularities());
                    SyntheticElection.generate(spark, spec, 0);
                    err.printf(Locale.ROOT, "sanaq: %,d precincts written to %s (run its %s)%n", spec.precincts(),
                            spec.output(), SyntheticElection.JOB_FILE);
                }
                case "calibrate" -> err.println("sanaq: calibration written to "
                        + Calibration.run(spark, Path.of(a.get(1)), err));
                default -> {
                    long precincts = Long.parseLong(option(a, "--precincts", "100000"));
                    SyntheticSpec spec = SyntheticSpec.load(Path.of(option(a, "--spec", "jobs/synthetic/clean.yaml")));
                    Benchmark.run(spark, spec, precincts, option(a, "--data",
                            System.getProperty("java.io.tmpdir") + "/sanaq-benchmark-" + precincts),
                            Path.of(option(a, "--csv", "reports/benchmark/benchmark.csv")), err);
                }
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static String option(List<String> a, String name, String otherwise) throws SpecException {
        int i = a.indexOf(name);
        if (i < 0) {
            return otherwise;
        }
        if (i + 1 >= a.size()) {
            throw new SpecException(name + " needs a value");
        }
        return a.get(i + 1);
    }
}
