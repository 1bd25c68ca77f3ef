package org.sanaq.run;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.ingest.Ingest;
import org.sanaq.ingest.InputSpec;
import org.sanaq.ingest.MappingLoader;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;
import org.sanaq.results.Verdict;
import org.sanaq.schema.ProtocolSchema;

/**
 * The duplicate rule on src/test/resources/broken/precinct-twice.csv: precincts 1, 2, 3 on lines 2–4, then
 * precinct 2 again with the same figures (line 5) and precinct 3 again with A 499 and B 181 instead of 500 and 180
 * (line 6).
 */
class DuplicateProtocolsTest {

    @Test
    void identicalCopiesAreUsedOnceAndConflictingCopiesAreLeftOutAndReported() throws Exception {
        InputSpec input = new InputSpec("t", List.of(TestData.project()
                .resolve("src/test/resources/broken/precinct-twice.csv").toString()),
                MappingLoader.load(TestData.project().resolve("jobs/mappings/canonical.yaml")));
        Dataset<Row> marked = DuplicateProtocols.mark(Ingest.read(SparkTestSession.get(), List.of(input)));
        List<Long> used = marked.filter(col(DuplicateProtocols.STATUS).isNull()).orderBy(ProtocolSchema.LINE)
                .select(ProtocolSchema.LINE).as(org.apache.spark.sql.Encoders.LONG()).collectAsList();
        assertEquals(List.of(2L, 3L), used, "precinct 1, and precinct 2 once (its first copy)");

        CheckOutcome outcome = DuplicateProtocols.outcome(marked, org.sanaq.text.Messages.of("en"));
        Finding finding = outcome.findings().get(0);
        assertEquals(Verdict.FLAG, finding.verdict());
        assertEquals(2.0, finding.value(), "both copies of precinct 3");
        assertTrue(finding.sentence().contains("1 identical copies were used once"), finding.sentence());
        assertEquals(List.of("4", "6"), outcome.tables().get(0).rows().stream().map(r -> r.get(8)).toList(),
                "the conflicting copies' lines (column 'line')");
    }

    @Test
    void copiesAreCountedAsSetAsideNotAsUsed() throws Exception {
        // conflicting-copies.csv: precinct 1 once (line 2), then six copies of precinct 2 whose votes differ
        InputSpec conflicting = new InputSpec("c", List.of(broken("conflicting-copies.csv")), canonical());
        Manifest.InputAccount c = account(conflicting);
        assertEquals(7, c.rowsRead());
        assertEquals(1, c.rowsUsed());
        assertEquals(1, c.protocols());
        assertEquals(0, c.rowsQuarantined());
        assertEquals(6, c.rowsSetAside());
        assertEquals(Map.of(Manifest.CONFLICTING_COPIES, 6L), c.setAside());

        InputSpec twice = new InputSpec("t", List.of(broken("precinct-twice.csv")), canonical());
        Manifest.InputAccount t = account(twice);
        assertEquals(5, t.rowsRead());
        assertEquals(2, t.rowsUsed(), "precinct 1, and precinct 2 once");
        assertEquals(Map.of(Manifest.CONFLICTING_COPIES, 2L, Manifest.IDENTICAL_COPIES, 1L), t.setAside());
        assertEquals(3, t.rowsSetAside());
        assertEquals("follow", t.symlinks());
    }

    @Test
    void aRunSaysOnItsFirstPageWhichRowsWereSetAside(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String csv = java.nio.file.Files.readString(java.nio.file.Path.of(broken("conflicting-copies.csv")));
        Manifest.InputAccount account = org.sanaq.CanonicalJob.run(dir, csv, "  round_percentages:").manifest()
                .inputs().get(0);
        assertEquals(List.of(7L, 1L, 0L, 6L), List.of(account.rowsRead(), account.rowsUsed(),
                account.rowsQuarantined(), account.rowsSetAside()));
        String html = java.nio.file.Files.readString(dir.resolve("out/summary.html"));
        assertTrue(html.contains("1 precinct protocol (1,000 registered voters, 600 ballots); 7 rows read, 6 rows set "
                + "aside as conflicting copies (nothing says which copy is right), no row unusable."), html);
    }

    private static String broken(String name) {
        return TestData.project().resolve("src/test/resources/broken").resolve(name).toString();
    }

    private static org.sanaq.ingest.Mapping canonical() throws Exception {
        return MappingLoader.load(TestData.project().resolve("jobs/mappings/canonical.yaml"));
    }

    private static Manifest.InputAccount account(InputSpec input) throws Exception {
        Dataset<Row> marked = DuplicateProtocols.mark(Ingest.read(SparkTestSession.get(), List.of(input)));
        return InputAccounting.account(marked, List.of(input),
                SparkTestSession.get().sparkContext().hadoopConfiguration()).get(0);
    }

    @Test
    void copiesWithTheCandidatesInAnotherColumnOrderAreIdentical(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // the same protocol in two files whose candidate columns are swapped, and a third file where A and B differ
        String header = "election,source,level,region,precinct,registered,valid";
        java.nio.file.Path first = dir.resolve("first.csv");
        java.nio.file.Path second = dir.resolve("second.csv");
        java.nio.file.Path third = dir.resolve("third.csv");
        java.nio.file.Files.writeString(first, header + ",votes:A,votes:B\ne,official,precinct,R,1,900,680,500,180\n");
        java.nio.file.Files.writeString(second, header + ",votes:B,votes:A\ne,official,precinct,R,1,900,680,180,500\n");
        java.nio.file.Files.writeString(third, header + ",votes:B,votes:A\ne,official,precinct,R,2,900,680,180,500\n"
                + "e,official,precinct,R,2,900,680,500,180\n");
        InputSpec input = new InputSpec("t", List.of(first.toString(), second.toString(), third.toString()),
                MappingLoader.load(TestData.project().resolve("jobs/mappings/canonical.yaml")));
        List<Row> marked = DuplicateProtocols.mark(Ingest.read(SparkTestSession.get(), List.of(input)))
                .orderBy(ProtocolSchema.FILE, ProtocolSchema.LINE)
                .select(col(ProtocolSchema.FILE), col(DuplicateProtocols.STATUS)).collectAsList();
        assertEquals(4, marked.size());
        assertEquals(null, marked.get(0).get(1), "precinct 1 in first.csv: used");
        assertEquals(DuplicateProtocols.COPY, marked.get(1).get(1), "precinct 1 in second.csv: the same figures");
        assertEquals(DuplicateProtocols.CONFLICT, marked.get(2).get(1), "precinct 2: A 500 or A 180");
        assertEquals(DuplicateProtocols.CONFLICT, marked.get(3).get(1));
    }
}
