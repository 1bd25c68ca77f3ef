package org.sanaq.run;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sanaq.checks.Check;
import org.sanaq.checks.CheckCatalog;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.ContentKeys;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.Plan;
import org.sanaq.ingest.InputSpec;
import org.sanaq.report.ReportWriter;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.results.SafeCsv;
import org.sanaq.results.Verdict;
import org.sanaq.schema.ProtocolSchema;
import org.sanaq.text.Messages;

/**
 * Runs a validated job: ingest every input once (cached), account for every row, derive totals where asked,
 * compute every check's plan (their folds in one shared pass), judge them, and write the run folder and the report
 * atomically.
 */
public final class JobRunner {
    private final Progress progress;
    private final boolean readCache;

    /** A runner that reads the inputs from the {@link IngestCache} when it holds them. */
    public JobRunner(Progress progress) {
        this(progress, true);
    }

    private JobRunner(Progress progress, boolean readCache) {
        this.progress = progress;
        this.readCache = readCache;
    }

    /** This runner parsing the inputs afresh ({@code --no-cache}); the cache entry is rewritten. */
    public JobRunner withoutCache() {
        return new JobRunner(progress, false);
    }

    /**
     * What a run left: its output folder, the protocols its checks used (none: the inputs held nothing usable, and
     * the report says so), and the checks that could not run (each an ERROR finding in the report).
     */
    public record Result(Path folder, long protocolsUsed, List<String> failedChecks) {
        public Result {
            failedChecks = List.copyOf(failedChecks);
        }
    }

    /** Runs the job in the given session, beginning its output folder itself (without --force). */
    public Result run(JobSpec spec, SparkSession spark) throws IOException {
        try (OutputFolder output = OutputFolder.begin(spec, false, progress::note)) {
            return run(spec, spark, output);
        }
    }

    /**
     * Runs the job in the given session and commits the run folder into {@code output}, which the caller began
     * before the compute (so that an output that cannot be written fails before it) and closes after.
     *
     * @throws EnvironmentFailure writing the run folder found the disk full, read-only or not writable
     */
    public Result run(JobSpec spec, SparkSession spark, OutputFolder output) throws IOException {
        String started = Instant.now().toString();
        progress.start("reading " + spec.inputs().size() + " input(s) through their mappings");
        long hashing = System.nanoTime();
        List<List<Manifest.FileHash>> hashes = InputAccounting.hashes(spec.inputs(),
                spark.sparkContext().hadoopConfiguration());
        progress.detail("hashed the data files", hashing);
        long reading = System.nanoTime();
        IngestCache.Ingested ingest = IngestCache.beside(spec.output(), progress::note)
                .ingest(spark, spec.inputs(), hashes, readCache);
        progress.detail(ingest.use() == IngestCache.Use.HIT ? "read the cached table"
                : "parsed the inputs and stored the table in the cache", reading);
        Dataset<Row> ingested = ingest.rows();
        List<Manifest.InputAccount> accounts = InputAccounting.account(ingested, spec.inputs(), hashes,
                spec.conventions()).stream().map(a -> a.withOrigin(spec.origins().get(a.id()))).toList();
        long read = accounts.stream().mapToLong(Manifest.InputAccount::rowsRead).sum();
        long quarantined = accounts.stream().mapToLong(Manifest.InputAccount::rowsQuarantined).sum();
        long setAside = accounts.stream().mapToLong(Manifest.InputAccount::rowsSetAside).sum();
        progress.done(String.format(Locale.ROOT, "%,d rows read, %,d used, %,d quarantined, %,d set aside as copies;"
                + " %s", read, read - quarantined - setAside, quarantined, setAside, ingest.said()));

        List<CheckOutcome> outcomes = judge(spec, ingested, contentKeys(spec.inputs(), hashes), progress);
        long used = accounts.stream().mapToLong(Manifest.InputAccount::protocols).sum();

        progress.start("writing " + spec.output());
        try {
            Manifest manifest = new Manifest(spec.job(), spec.title(), spec.election(), spec.language(),
                    accounts.stream().map(a -> InputAccounting.relativeTo(a, spec.output())).toList(),
                    spec.text(), sha256(spec.text()), spec.parameters(), spec.conventions().asMap(), spec.seeds(),
                    ProgramVersion.version(), ProgramVersion.commit(), spark.version(),
                    spark.sparkContext().master(), started, Instant.now().toString(), ingest.use().word(),
                    ingest.key());
            RunFolder.Contents contents = contents(manifest, outcomes);
            write(ingested, contents, spec.language(), output);
        } finally {
            ingested.unpersist();
        }
        progress.done("report.pdf, summary.html, summary.md, findings.json, metrics.csv, tables/, quarantine.csv, "
                + "names_cleaned.csv, manifest.json");
        return new Result(spec.output(), used, failedChecks(outcomes));
    }

    /** Writes the run folder into the staging folder and commits it; a full or read-only disk says which file. */
    private static void write(Dataset<Row> ingested, RunFolder.Contents contents, String language,
            OutputFolder output) throws IOException {
        try {
            writeQuarantine(ingested, output.staging().resolve(RunFolder.QUARANTINE));
            writeNamesCleaned(ingested, output.staging().resolve(RunFolder.NAMES_CLEANED));
            RunFolder.write(output.staging(), contents);
            Messages messages = Messages.of(language);
            ReportWriter.write(output.staging(), contents, id -> CheckCatalog.describe(id, messages));
            output.commit();
        } catch (IOException | RuntimeException e) {
            Optional<EnvironmentFailure> environment = EnvironmentFailure.ofWriting(e, output.staging(),
                    OutputFolder.FIX);
            if (environment.isPresent()) {
                throw environment.get();
            }
            throw e;
        }
    }

    /** The ingested rows the checks use: neither quarantined nor set aside as a copy of another protocol. */
    static Dataset<Row> usable(Dataset<Row> ingested) {
        return ingested.filter(col(ProtocolSchema.REASON).isNull().and(col(DuplicateProtocols.STATUS).isNull()));
    }

    /**
     * The checks' outcomes over the usable ingested rows (marked by {@link DuplicateProtocols#mark}): totals derived
     * where the job asks, what the checks must know first ({@link ElectionFacts}, one pass), every check's plan
     * computed (the folds of all checks in one shared pass), then each check judged. A check whose plan, compute or
     * judge throws becomes an ERROR finding ({@link IsolatedChecks}); the others are unaffected. Used by runs and by
     * the synthetic calibration; the data files are hashed here for their content keys ({@link ContentKeys}).
     */
    public static List<CheckOutcome> judge(JobSpec spec, Dataset<Row> ingested, Progress progress) {
        try {
            return judge(spec, ingested, contentKeys(spec.inputs(), InputAccounting.hashes(spec.inputs(),
                    ingested.sparkSession().sparkContext().hadoopConfiguration())), progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data files' content keys: each file's name in the job with the key of its SHA-256. */
    static ContentKeys contentKeys(List<InputSpec> inputs, List<List<Manifest.FileHash>> hashes) {
        Map<String, String> sha256 = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (int f = 0; f < inputs.get(i).names().size(); f++) {
                sha256.put(inputs.get(i).names().get(f), hashes.get(i).get(f).sha256());
            }
        }
        return ContentKeys.ofSha256(sha256);
    }

    /** {@link #judge(JobSpec, Dataset, Progress)} with the data files' content keys already taken. */
    private static List<CheckOutcome> judge(JobSpec spec, Dataset<Row> ingested, ContentKeys keys,
            Progress progress) {
        progress.start("computing the checks");
        Dataset<Row> usable = usable(ingested)
                .drop(ProtocolSchema.REASON, ProtocolSchema.RAW, DuplicateProtocols.STATUS);
        Dataset<Row> derived = spec.levels().isEmpty() ? null
                : LevelTotals.derived(usable, spec.levels(), spec.country()).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> protocols = derived == null ? usable : usable.unionByName(derived);
        try {
            Messages messages = Messages.of(spec.language());
            long factsStarted = System.nanoTime();
            ElectionFacts facts = ElectionFacts.of(SharedScan.run(protocols,
                    List.of(ElectionFacts.fold(spec.conventions()))).get(0));
            progress.detail("learnt each election's leader and regions", factsStarted);
            IsolatedChecks isolated = new IsolatedChecks(ingested.sparkSession(), progress);
            Map<String, CheckContext> contexts = new LinkedHashMap<>();
            Map<String, Plan<?>> plans = new LinkedHashMap<>();
            for (JobSpec.ConfiguredCheck c : spec.checks()) {
                CheckContext context = new CheckContext(spec.election(), spec.country(), spec.conventions(),
                        c.parameters(), messages, keys);
                contexts.put(c.check().id(), context);
                isolated.attempt(c.check().id(), () -> c.check().plan(context, facts))
                        .ifPresent(p -> plans.put(c.check().id(), p));
            }
            long computeStarted = System.nanoTime();
            Map<String, Object> results = isolated.compute(protocols, plans);
            progress.detail("computed " + plans.size() + " check(s): " + count(plans, Plan.Folded.class)
                    + " folded in one shared pass, " + count(plans, Plan.Joined.class) + " with a join of their own",
                    computeStarted);
            progress.done(results.size() + " check(s) computed");

            progress.start("judging");
            List<CheckOutcome> outcomes = new ArrayList<>(List.of(DuplicateProtocols.outcome(ingested, messages)));
            for (JobSpec.ConfiguredCheck c : spec.checks()) {
                String id = c.check().id();
                outcomes.add(isolated.attempt(id, () -> judge(c.check(), contexts.get(id), results.get(id)))
                        .orElseGet(() -> isolated.failure(id).orElseThrow().outcome(messages)));
            }
            long flags = outcomes.stream().flatMap(o -> o.findings().stream())
                    .filter(f -> f.verdict() == Verdict.FLAG).count();
            progress.done(outcomes.stream().mapToInt(o -> o.findings().size()).sum() + " finding(s), " + flags
                    + " worth a closer look" + (isolated.failed() == 0 ? ""
                            : ", " + isolated.failed() + " check(s) could not run"));
            return outcomes;
        } finally {
            if (derived != null) {
                derived.unpersist();
            }
        }
    }

    /** A check's judge on the results its own plan computed (the plan and the judge share the type {@code T}). */
    @SuppressWarnings("unchecked")
    private static <T> CheckOutcome judge(Check<T> check, CheckContext context, Object results) {
        return check.judge(context, (T) results);
    }

    private static long count(Map<String, Plan<?>> plans, Class<?> kind) {
        return plans.values().stream().filter(kind::isInstance).count();
    }

    /** The checks that could not run: those whose outcome holds an ERROR finding, in the order of the outcomes. */
    static List<String> failedChecks(List<CheckOutcome> outcomes) {
        return outcomes.stream().flatMap(o -> o.findings().stream()).filter(f -> f.verdict() == Verdict.ERROR)
                .map(Finding::check).distinct().toList();
    }

    static RunFolder.Contents contents(Manifest manifest, List<CheckOutcome> outcomes) {
        List<Finding> findings = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        List<FigureSpec> figures = new ArrayList<>();
        Map<String, DetailTable> tables = new LinkedHashMap<>();
        for (CheckOutcome o : outcomes) {
            findings.addAll(o.findings());
            metrics.addAll(o.metrics());
            figures.addAll(o.figures());
            o.tables().forEach(t -> tables.put(t.name(), t));
        }
        return new RunFolder.Contents(manifest, findings, metrics, figures, tables);
    }

    /** Streams the quarantined rows to a CSV through the driver, one partition at a time, in file and line order. */
    private static void writeQuarantine(Dataset<Row> ingested, Path file) throws IOException {
        Dataset<Row> bad = ingested.filter(col(ProtocolSchema.REASON).isNotNull())
                .select(col(ProtocolSchema.INPUT), col(ProtocolSchema.FILE), col(ProtocolSchema.LINE),
                        col(ProtocolSchema.REASON), col(ProtocolSchema.RAW))
                .orderBy(col(ProtocolSchema.INPUT), col(ProtocolSchema.FILE), col(ProtocolSchema.LINE));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SafeCsv.writeRow(out, List.of("input", "file", "line", "reason", "raw"));
            for (Iterator<Row> it = bad.toLocalIterator(); it.hasNext();) {
                Row r = it.next();
                SafeCsv.writeRow(out, List.of(r.getString(0), r.getString(1), Long.toString(r.getLong(2)),
                        r.getString(3), r.isNullAt(4) ? "" : r.getString(4)));
            }
        }
    }

    /**
     * Streams the used records whose names had NUL or bidi control characters removed (the ingest keeps their raw
     * text) to a CSV, one line per record, so that the bytes as published stay on record beside the cleaned names.
     */
    private static void writeNamesCleaned(Dataset<Row> ingested, Path file) throws IOException {
        Dataset<Row> cleaned = ingested.filter(col(ProtocolSchema.REASON).isNull()
                        .and(col(ProtocolSchema.RAW).isNotNull()))
                .select(col(ProtocolSchema.INPUT), col(ProtocolSchema.FILE), col(ProtocolSchema.LINE),
                        col(ProtocolSchema.RAW))
                .distinct()
                .orderBy(col(ProtocolSchema.INPUT), col(ProtocolSchema.FILE), col(ProtocolSchema.LINE));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SafeCsv.writeRow(out, List.of("input", "file", "line", "raw"));
            for (Iterator<Row> it = cleaned.toLocalIterator(); it.hasNext();) {
                Row r = it.next();
                SafeCsv.writeRow(out, List.of(r.getString(0), r.getString(1), Long.toString(r.getLong(2)),
                        r.getString(3)));
            }
        }
    }

    /** The SHA-256 of a text's UTF-8 bytes, in hexadecimal. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
