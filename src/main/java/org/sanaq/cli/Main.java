package org.sanaq.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.SparkSession;
import org.sanaq.checks.Check;
import org.sanaq.checks.CheckCatalog;
import org.sanaq.ingest.BindingReport;
import org.sanaq.report.ReportWriter;
import org.sanaq.text.Messages;
import org.sanaq.results.CheckDescription;
import org.sanaq.results.RunFolder;
import org.sanaq.run.EnvironmentFailure;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpec;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.OutputFolder;
import org.sanaq.run.OutputRefused;
import org.sanaq.run.Progress;
import org.sanaq.run.ProgramVersion;
import org.sanaq.run.SparkSessions;
import org.sanaq.run.SpecException;
import org.sanaq.synthetic.SyntheticCommands;

/**
 * The command line: {@code run}, {@code validate}, {@code list-checks}, {@code explain}, {@code render}, and the
 * synthetic commands. Exit codes (README, "Exit codes"): 0 done; 1 the run failed during the compute; 2 the command
 * or the job spec is wrong; 3 the output folder is refused; 4 the report is written but the inputs held no usable
 * protocol; 5 the environment failed (Spark could not start, a folder is full, read-only or not writable); 6 the
 * report is written but a check could not run (4 takes precedence). 2, 3 and 5 before the compute mean nothing was
 * started; every failure is one line naming the file or path and the fix.
 */
public final class Main {
    static final String USAGE = """
            sanaq %s: election-integrity forensics on Apache Spark

            Usage:
              sanaq run <job.yaml> [--output <folder>] [--force] [--no-cache]
                                                         read the job's inputs, run its checks, write the report
                                                         into a new or empty folder, or over a previous run of the
                                                         same job (--force: of any job; never anything else);
                                                         --no-cache: parse the inputs again, not from the cache
              sanaq validate <job.yaml>                  check a job spec, its mappings and data headers; no Spark
              sanaq list-checks                          the checks a job can name
              sanaq explain <check>                      what a check asks, how, and what else explains a flag
              sanaq render <run folder>                  rebuild report.pdf and the summaries from a run folder
              sanaq generate <spec.yaml> [--output <folder>]  write a synthetic election with its ground truth
              sanaq calibrate <calibration.yaml>         false-positive and detection rates of every check
                                                         (digit-calibration.yaml: each digit statistic's)
              sanaq benchmark --precincts <n> [--spec <spec.yaml>] [--data <folder>] [--csv <file>]
              sanaq --help | --version

            Locally (embedded Spark):   mvn -q -DskipTests package exec:exec -Dsanaq.args="run jobs/<job>.yaml"
            On a cluster:               jobs/spark-submit.sh <master> jobs/<job>.yaml

            Exit codes of run: 0 done; 1 the run failed; 2 the command or the job spec is wrong; 3 the output
            folder is refused; 4 the report is written, but the inputs held no usable protocol; 5 the environment
            failed (Spark could not start, or a folder is full, read-only or not writable); 6 the report is
            written, but a check could not run (its first page says which; the other checks' findings stand).
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = List.of(args);
        if (a.isEmpty() || a.contains("--help") || a.contains("-h") || a.get(0).equals("help")) {
            out.print(USAGE.formatted(ProgramVersion.version()));
            return a.isEmpty() ? 2 : 0;
        }
        if (a.contains("--version")) {
            out.println("sanaq " + ProgramVersion.version() + " (" + ProgramVersion.commit() + ")");
            return 0;
        }
        try {
            return switch (a.get(0)) {
                case "run" -> runJob(a, err);
                case "validate" -> validate(a, out);
                case "list-checks" -> listChecks(out);
                case "explain" -> explain(a, out);
                case "render" -> render(a, out);
                case "generate", "calibrate", "benchmark" -> SyntheticCommands.run(a, err);
                default -> usage(err, "unknown command '" + a.get(0) + "'");
            };
        } catch (SpecException e) {
            err.println("sanaq: the job spec cannot run: " + e.getMessage());
            return 2;
        } catch (UsageException e) {
            return usage(err, e.getMessage());
        } catch (OutputRefused e) {
            err.println("sanaq: " + e.getMessage());
            return 3;
        } catch (EnvironmentFailure e) {
            err.println("sanaq: " + e.getMessage());
            debug(e, err);
            return 5;
        } catch (Exception e) {
            Optional<EnvironmentFailure> diskFull = EnvironmentFailure.ofComputing(e);
            if (diskFull.isPresent()) {
                err.println("sanaq: " + diskFull.get().getMessage());
                debug(e, err);
                return 5;
            }
            err.println("sanaq: the run failed: " + describe(e));
            err.println("sanaq: no report was written; a previous report in the output folder is untouched.");
            if (!debug(e, err)) {
                err.println("sanaq: set SANAQ_DEBUG=1 for the stack trace.");
            }
            return 1;
        }
    }

    /** Prints the stack trace when SANAQ_DEBUG is set; says whether it did. */
    private static boolean debug(Exception e, PrintStream err) {
        if (System.getenv("SANAQ_DEBUG") == null) {
            return false;
        }
        e.printStackTrace(err);
        return true;
    }

    /**
     * {@code run}: the output folder is checked, locked and staged before Spark starts, so that a refused or
     * unwritable output costs nothing; it is committed only when the report is whole.
     */
    private static int runJob(List<String> a, PrintStream err) throws Exception {
        Path file = Path.of(argument(a, "run", "<job.yaml>"));
        boolean force = false;
        boolean noCache = false;
        Path output = null;
        for (int i = 2; i < a.size(); i++) {
            switch (a.get(i)) {
                case "--force" -> force = true;
                case "--no-cache" -> noCache = true;
                case "--output" -> {
                    if (++i >= a.size()) {
                        throw new UsageException("--output needs a folder");
                    }
                    output = Path.of(a.get(i)).toAbsolutePath().normalize();
                }
                default -> throw new UsageException("run does not know '" + a.get(i) + "'");
            }
        }
        JobSpec spec = JobSpecLoader.load(file);
        if (output != null) {
            spec = spec.withOutput(output);
        }
        Progress progress = new Progress(err, 5);
        try (OutputFolder folder = OutputFolder.begin(spec, force, progress::note)) {
            progress.start("starting Spark");
            // A session that was running before (a test's) belongs to its owner, who stops it.
            boolean ours = !SparkSessions.running();
            SparkSession spark = SparkSessions.start(spec.job());
            progress.done("Spark " + spark.version() + " on " + spark.sparkContext().master());
            JobRunner.Result result;
            try {
                JobRunner runner = new JobRunner(progress);
                result = (noCache ? runner.withoutCache() : runner).run(spec, spark, folder);
            } finally {
                if (ours) {
                    spark.stop();
                }
            }
            return finished(result, err);
        }
    }

    /**
     * The exit code of a run that wrote its report, with its line on stderr: 4 when no protocol was usable, which
     * takes precedence over 6 (with nothing to test, no check could conclude anything; a failed check is still
     * named), 6 when a check could not run, else 0.
     */
    static int finished(JobRunner.Result result, PrintStream err) {
        Path report = result.folder().resolve(ReportWriter.PDF);
        if (!result.failedChecks().isEmpty()) {
            err.println("sanaq: the check(s) " + String.join(", ", result.failedChecks()) + " could not run; "
                    + report + " says why on its first page, and the other checks' findings stand");
        }
        if (result.protocolsUsed() == 0) {
            err.println("sanaq: no usable protocol in the inputs: every row was quarantined or set aside as a"
                    + " copy, or there was none; " + report + " says so, and quarantine.csv lists the rows not"
                    + " used");
            return 4;
        }
        err.println("sanaq: report written to " + report);
        return result.failedChecks().isEmpty() ? 0 : 6;
    }

    private static int validate(List<String> a, PrintStream out) throws SpecException, UsageException {
        JobSpec spec = JobSpecLoader.load(Path.of(argument(a, "validate", "<job.yaml>")));
        out.printf(Locale.ROOT, "%s is valid: %d input(s), checks %s, output %s%n", spec.file(), spec.inputs().size(),
                spec.checks().stream().map(c -> c.check().id()).toList(), spec.output());
        spec.inputs().forEach(input -> BindingReport.print(input, out));
        return 0;
    }

    private static int listChecks(PrintStream out) {
        for (Check<?> c : CheckCatalog.all()) {
            out.printf(Locale.ROOT, "%-22s %s%n", c.id(), c.description().title());
        }
        return 0;
    }

    private static int explain(List<String> a, PrintStream out) throws UsageException {
        String id = argument(a, "explain", "<check>");
        Check<?> check = CheckCatalog.find(id);
        if (check == null) {
            throw new UsageException("no check is called '" + id + "'; sanaq list-checks shows them");
        }
        CheckDescription d = check.description();
        out.println(d.title() + " (" + d.id() + ")\n");
        out.println("Asks: " + d.question() + "\n");
        out.println("Method: " + d.method() + "\n");
        out.println("What else could explain a flag: " + d.caveats() + "\n");
        out.println("Parameters (defaults):");
        for (Map.Entry<String, Object> p : check.defaults().entrySet()) {
            out.println("  " + p.getKey() + ": " + p.getValue());
        }
        return 0;
    }

    private static int render(List<String> a, PrintStream out) throws Exception {
        Path folder = Path.of(argument(a, "render", "<run folder>"));
        RunFolder.Contents contents = RunFolder.read(folder);
        Messages messages = Messages.of(contents.manifest() == null || contents.manifest().language() == null
                ? Messages.FALLBACK : contents.manifest().language());
        ReportWriter.write(folder, contents, id -> CheckCatalog.describe(id, messages));
        out.println("sanaq: report rebuilt in " + folder);
        return 0;
    }

    private static String argument(List<String> a, String command, String what) throws UsageException {
        if (a.size() < 2 || a.get(1).startsWith("--")) {
            throw new UsageException(command + " needs " + what);
        }
        return a.get(1);
    }

    private static int usage(PrintStream err, String message) {
        err.println("sanaq: " + message + "\n");
        err.print(USAGE.formatted(ProgramVersion.version()));
        return 2;
    }

    /** The chain of causes in one line, without Java class names where a message exists. */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 1000; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            m = m.length() > 300 ? m.substring(0, 300) + "…" : m;
            if (sb.indexOf(m) < 0) {
                sb.append(sb.length() == 0 ? "" : " ← ").append(m.lines().findFirst().orElse(m));
            }
        }
        return sb.toString();
    }

    /** A command line that does not say what to do. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
