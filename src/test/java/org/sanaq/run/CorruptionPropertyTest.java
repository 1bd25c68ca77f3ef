package org.sanaq.run;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.ingest.Ingest;
import org.sanaq.results.Manifest;
import org.sanaq.results.RunFolder;
import org.sanaq.schema.ProtocolSchema;

/**
 * Random corruptions of a good file (seeded): every corrupted record is quarantined and no other, read = used +
 * quarantined, and the findings on the surviving rows equal those on the same rows given clean.
 */
class CorruptionPropertyTest {
    private static final String HEADER = "election,source,level,region,precinct,registered,ballots_issued,invalid,"
            + "valid,votes:A,votes:B,votes:C";
    private static final int PRECINCTS = 240;
    private static final int CORRUPTED = 25;
    /** Cell-level damage that must make a record unusable (a changed digit would be undetectable, so none here). */
    private static final List<UnaryOperator<String[]>> DAMAGE = List.of(
            c -> set(c, 5, "x" + c[5]),
            c -> set(c, 9, "-" + c[9]),
            c -> set(c, 10, c[10] + ".5"),
            c -> set(c, 3, ""),
            c -> set(c, 2, "precint"),
            c -> set(c, 1, "officail"),
            c -> set(c, 5, ""),
            c -> java.util.Arrays.copyOf(c, c.length - 1),
            c -> (String.join(",", c) + ",0").split(",", -1));

    @TempDir
    Path dir;

    @Test
    void corruptedRowsAreQuarantinedAndTheRestGiveTheSameFindings() throws Exception {
        List<String> clean = cleanLines(new Random(7));
        for (int trial = 0; trial < 3; trial++) {
            Random rnd = new Random(100 + trial);
            Set<Integer> hit = new TreeSet<>();
            while (hit.size() < CORRUPTED) {
                hit.add(rnd.nextInt(PRECINCTS));
            }
            List<String> corrupted = new ArrayList<>();
            List<String> survivors = new ArrayList<>();
            for (int i = 0; i < PRECINCTS; i++) {
                if (hit.contains(i)) {
                    String[] cells = clean.get(i).split(",", -1);
                    corrupted.add(String.join(",", DAMAGE.get(rnd.nextInt(DAMAGE.size())).apply(cells)));
                } else {
                    corrupted.add(clean.get(i));
                    survivors.add(clean.get(i));
                }
            }
            Path bad = write("corrupted-" + trial + ".csv", corrupted);
            Path good = write("survivors-" + trial + ".csv", survivors);

            JobSpec badJob = job(bad, "bad-" + trial);
            Dataset<Row> rows = Ingest.read(SparkTestSession.get(), badJob.inputs());
            Set<Long> quarantinedLines = rows.filter(col(ProtocolSchema.REASON).isNotNull())
                    .select(ProtocolSchema.LINE).as(org.apache.spark.sql.Encoders.LONG()).collectAsList().stream()
                    .collect(Collectors.toCollection(TreeSet::new));
            // data record i is on line i + 2 (line 1 is the header)
            assertEquals(hit.stream().map(i -> (long) i + 2).collect(Collectors.toCollection(TreeSet::new)),
                    quarantinedLines, "trial " + trial);

            RunFolder.Contents fromBad = run(badJob);
            RunFolder.Contents fromGood = run(job(good, "good-" + trial));
            Manifest.InputAccount account = fromBad.manifest().inputs().get(0);
            assertEquals(PRECINCTS, account.rowsRead());
            assertEquals(account.rowsRead(), account.rowsUsed() + account.rowsQuarantined() + account.rowsSetAside());
            assertEquals(CORRUPTED, account.rowsQuarantined());
            assertEquals(fromGood.metrics(), fromBad.metrics(), "trial " + trial);
            assertEquals(fromGood.findings().stream().map(f -> f.sentence()).toList(),
                    fromBad.findings().stream().map(f -> f.sentence()).toList(), "trial " + trial);
        }
    }

    private static String[] set(String[] cells, int i, String value) {
        String[] copy = cells.clone();
        copy[i] = value;
        return copy;
    }

    /** Consistent precincts in four regions: valid = issued − invalid = A + B + C, issued ≤ registered. */
    private static List<String> cleanLines(Random rnd) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PRECINCTS; i++) {
            int registered = 500 + rnd.nextInt(2500);
            int issued = (int) (registered * (0.4 + 0.5 * rnd.nextDouble()));
            int invalid = rnd.nextInt(Math.max(1, issued / 50));
            int valid = issued - invalid;
            int a = (int) (valid * (0.3 + 0.3 * rnd.nextDouble()));
            int b = (int) ((valid - a) * (0.3 + 0.4 * rnd.nextDouble()));
            lines.add(String.join(",", "e", "official", "precinct", "Region " + (i % 4), Integer.toString(i + 1),
                    Integer.toString(registered), Integer.toString(issued), Integer.toString(invalid),
                    Integer.toString(valid), Integer.toString(a), Integer.toString(b),
                    Integer.toString(valid - a - b)));
        }
        return lines;
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, HEADER + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private JobSpec job(Path data, String name) throws Exception {
        Path spec = dir.resolve(name + ".yaml");
        Files.writeString(spec, """
                job: %s
                election: e
                country: Testland
                inputs:
                  - id: precincts
                    files: %s
                    mapping: %s
                aggregate: [region, national]
                checks:
                  round_percentages:
                output: %s
                """.formatted(name, data, TestData.project().resolve("jobs/mappings/canonical.yaml"),
                dir.resolve("out-" + name)), StandardCharsets.UTF_8);
        return JobSpecLoader.load(spec);
    }

    private static RunFolder.Contents run(JobSpec spec) throws Exception {
        new JobRunner(new Progress(new PrintStream(OutputStream.nullOutputStream()), 4))
                .run(spec, SparkTestSession.get());
        return RunFolder.read(spec.output());
    }
}
