package org.sanaq.checks;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanaq.SparkTestSession;
import org.sanaq.ingest.Ingest;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;
import org.sanaq.run.DuplicateProtocols;
import org.sanaq.run.JobRunner;
import org.sanaq.run.JobSpec;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.run.Progress;
import org.sanaq.schema.ProtocolSchema;

/**
 * Small checks' cases kept as data, as Great Expectations keeps its test definitions: each folder
 * {@code src/test/resources/fixtures/<check id>/<case>/} is one case, run on the shared Spark session through the
 * public {@link JobRunner#judge} (never a check's internals), its expectations compared with the check's outcome.
 *
 * <p>A case folder holds:
 * <ul>
 * <li>{@code case.yaml}: {@code about} (one line: what the case shows), and optionally {@code parameters} (the
 * check's, as under {@code checks.<id>} in a job), {@code conventions}, {@code aggregate} (levels derived from the
 * precincts) and {@code inputs} (input ids, default {@code [protocols]}).</li>
 * <li>{@code <input>.csv} for each input: protocol rows in the canonical mapping (jobs/mappings/canonical.yaml). The
 * job's election is {@code e} and its country {@code C}; every row must be usable (none quarantined).</li>
 * <li>{@code metrics.csv}: {@code scope,subject,metric,value,tolerance,tolerance_reason,why}, one expected metric of
 * the check per row. {@code value} is a decimal or an exact ratio {@code a/b}; {@code tolerance} blank or 0 means
 * exactly, above 0 it needs {@code tolerance_reason}; {@code why} shows the hand arithmetic.</li>
 * <li>{@code findings.csv} (optional): {@code scope,subject,verdict,value,tolerance,tolerance_reason,contains,why};
 * each row must match a finding of its own with that scope, subject and verdict, the value if given, and
 * {@code contains} (if given) in its sentence or evidence.</li>
 * <li>{@code README.md} (optional): the arithmetic at more length.</li>
 * </ul>
 * A case fails when an expected metric is missing (it is named, with what the check gave in that scope), produced
 * twice or off, when an expected finding has no match, when the check could not run (ERROR), and when its folder
 * holds an unknown file or key or expects nothing ({@link FixtureCase}, {@link ExpectedFigures}).
 */
class CheckFixturesTest {
    @TempDir
    Path dir;

    static List<FixtureCase> cases() throws Exception {
        return FixtureCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCheckGivesTheFiguresWorkedOutByHand(FixtureCase fixture) throws Exception {
        JobSpec spec = JobSpecLoader.load(fixture.writeJob(dir));
        Dataset<Row> read = Ingest.read(SparkTestSession.get(), spec.inputs()).cache();
        try {
            List<String> quarantined = read.filter(col(ProtocolSchema.REASON).isNotNull())
                    .select(ProtocolSchema.FILE, ProtocolSchema.LINE, ProtocolSchema.REASON).collectAsList()
                    .stream().map(Row::toString).toList();
            assertEquals(List.of(), quarantined, fixture + ": every input row must be usable");
            List<CheckOutcome> outcomes = JobRunner.judge(spec, DuplicateProtocols.mark(read),
                    new Progress(new PrintStream(OutputStream.nullOutputStream()), 2));
            List<String> errors = outcomes.stream().flatMap(o -> o.findings().stream())
                    .filter(f -> f.verdict() == Verdict.ERROR).map(Finding::sentence).toList();
            assertEquals(List.of(), errors, fixture + ": the check could not run");
            List<String> unmet = fixture.expected().unmet(outcomes);
            assertTrue(unmet.isEmpty(), fixture + " (" + fixture.about() + "):\n  " + String.join("\n  ", unmet));
        } finally {
            read.unpersist();
        }
    }
}
