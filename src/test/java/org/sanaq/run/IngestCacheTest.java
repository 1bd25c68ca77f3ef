package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.results.RunFolder;

/**
 * The ingest cache over a small canonical CSV with a quarantined row and an identical copy: a first run parses and
 * stores (miss), a second reads the cache (hit) and writes the same findings, metrics, accounts and quarantine; a
 * changed data file is parsed again (stale); a truncated part file or a missing marker is detected and the entry
 * rebuilt (corrupt); {@code --no-cache} parses again and rewrites the entry (off); old entries are removed beyond
 * the limit, and nothing else; a cache that cannot be written is a note.
 */
class IngestCacheTest {
    /** broken/good.csv, a row whose ballots are text (quarantined) and a copy of precinct 3 (set aside). */
    private static final String EXTRA = "e,official,precinct,South,4,1200,seven,20,680,500,180\n"
            + "e,official,precinct,South,3,1200,700,20,680,500,180\n";

    @TempDir
    Path dir;
    private Path output;

    /** What a run left that the cache must not change, and what it said. */
    private record Run(RunFolder.Contents contents, String quarantine, String progress) {
        String cache() {
            return contents.manifest().cache();
        }

        String key() {
            return contents.manifest().cacheKey();
        }
    }

    @BeforeEach
    void writeJob() throws Exception {
        Files.writeString(dir.resolve("p.csv"), Files.readString(TestData.project()
                .resolve("src/test/resources/broken/good.csv")) + EXTRA, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("job.yaml"), String.join("\n", "job: cache", "election: e", "country: C",
                "inputs:", "  - id: p", "    files: p.csv",
                "    mapping: " + TestData.project().resolve("jobs/mappings/canonical.yaml"), "checks:",
                "  protocol_integrity: {}", "output: out", ""), StandardCharsets.UTF_8);
        output = dir.resolve("out");
    }

    private Run run(boolean readCache) throws Exception {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        JobRunner runner = new JobRunner(new Progress(new PrintStream(lines, true, StandardCharsets.UTF_8), 4));
        (readCache ? runner : runner.withoutCache()).run(JobSpecLoader.load(dir.resolve("job.yaml")),
                SparkTestSession.get());
        return new Run(RunFolder.read(output), Files.readString(output.resolve("quarantine.csv")),
                lines.toString(StandardCharsets.UTF_8));
    }

    /**
     * The two runs wrote the same findings, metrics, accounts (with hashes) and quarantine. Findings and metrics are
     * compared in any order: a check lists its regions in the order Spark collects them, which follows the table's
     * partitions, and a table read from Parquet is partitioned otherwise than a parsed one.
     */
    private static void assertSameResults(Run expected, Run actual) {
        assertEquals(sorted(expected.contents().findings()), sorted(actual.contents().findings()));
        assertEquals(sorted(expected.contents().metrics()), sorted(actual.contents().metrics()));
        assertEquals(expected.contents().manifest().inputs(), actual.contents().manifest().inputs());
        assertEquals(expected.quarantine(), actual.quarantine());
    }

    /** The protocols whose candidates' votes do not add up to their valid ballots. */
    private static double validSumViolations(Run run) {
        return run.contents().metrics().stream().filter(m -> m.check().equals("protocol_integrity")
                && m.scope().equals("national") && m.subject().equals("valid_sum") && m.metric().equals("violations"))
                .mapToDouble(org.sanaq.results.Metric::value).findFirst().orElseThrow();
    }

    private static List<String> sorted(List<?> records) {
        return records.stream().map(Object::toString).sorted().toList();
    }

    private Path entry(Run run) {
        return IngestCache.folderOf(output).resolve(run.key());
    }

    private List<String> cacheListing() throws Exception {
        try (Stream<Path> all = Files.list(IngestCache.folderOf(output))) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstRunParsesAndTheSecondReadsTheCacheWithTheSameResults() throws Exception {
        Run first = run(true);
        assertEquals("miss", first.cache());
        assertTrue(first.key().matches("[0-9a-f]{64}"), first.key());
        assertTrue(first.progress().contains("5 rows read, 3 used, 1 quarantined, 1 set aside as copies; parsed"
                + " (cache key " + first.key().substring(0, 12) + "… stored)"), first.progress());
        assertTrue(first.quarantine().contains("seven"), first.quarantine());
        assertEquals(List.of(first.key()), cacheListing(), "one entry, named by its key, and nothing else");
        assertTrue(Files.isRegularFile(entry(first).resolve(IngestCache.MARKER)));

        Run second = run(true);
        assertEquals("hit", second.cache());
        assertEquals(first.key(), second.key());
        assertTrue(second.progress().contains("5 rows read, 3 used, 1 quarantined, 1 set aside as copies; read from"
                + " the cache (key " + first.key().substring(0, 12) + "…)"), second.progress());
        assertSameResults(first, second);
    }

    @Test
    void aDataFileChangedByOneByteIsParsedAgainAndTheResultsFollowIt() throws Exception {
        Run before = run(true);
        Path data = dir.resolve("p.csv");
        // precinct 1's votes for A, 400 -> 401: now 401 + 190 differs from its 590 valid ballots
        Files.writeString(data, Files.readString(data).replace(",590,400,", ",590,401,"));
        Run after = run(true);
        assertEquals("miss", after.cache(), "a stale entry is never used");
        assertNotEquals(before.key(), after.key());
        assertEquals(0, validSumViolations(before));
        assertEquals(1, validSumViolations(after), "the results follow the new data");
        assertSameResults(run(false), after);
        assertEquals(new LinkedHashSet<>(List.of(before.key(), after.key())), Set.copyOf(cacheListing()),
                "the earlier entry is kept (up to " + IngestCache.KEPT + ")");
    }

    @Test
    void aTruncatedPartFileOrAMissingMarkerIsDetectedAndTheEntryRebuilt() throws Exception {
        Run first = run(true);
        Path part;
        try (Stream<Path> files = Files.list(entry(first))) {
            part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(part);
        Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        // without Hadoop's checksum file beside it, only the marker's listing can tell
        Files.deleteIfExists(part.resolveSibling("." + part.getFileName() + ".crc"));
        Run truncated = run(true);
        assertEquals("miss", truncated.cache());
        assertTrue(truncated.progress().contains("the cache entry " + entry(first) + " is damaged (its part files"),
                truncated.progress());
        assertSameResults(first, truncated);

        Files.delete(entry(first).resolve(IngestCache.MARKER));
        Run unmarked = run(true);
        assertEquals("miss", unmarked.cache());
        assertTrue(unmarked.progress().contains("is damaged (it has no marker " + IngestCache.MARKER + ")"),
                unmarked.progress());
        assertSameResults(first, unmarked);

        assertEquals("hit", run(true).cache(), "the rebuilt entry is whole");
    }

    @Test
    void noCacheParsesAgainAndRewritesTheEntry() throws Exception {
        Run first = run(true);
        Path marker = entry(first).resolve(IngestCache.MARKER);
        String written = Files.readString(marker);
        Run off = run(false);
        assertEquals("off", off.cache());
        assertEquals(first.key(), off.key());
        assertTrue(off.progress().contains("; parsed (--no-cache; cache key " + first.key().substring(0, 12)),
                off.progress());
        assertSameResults(first, off);
        assertNotEquals(written, Files.readString(marker), "the entry is written again (its time differs)");
        assertEquals("hit", run(true).cache());
    }

    @Test
    void entriesBeyondTheLimitAreRemovedOldestFirstAndNothingElse() throws Exception {
        Path cache = Files.createDirectories(IngestCache.folderOf(output));
        List<String> old = new ArrayList<>();
        for (int i = 0; i < IngestCache.KEPT + 1; i++) {
            Path entry = Files.createDirectories(cache.resolve(String.valueOf((char) ('a' + i)).repeat(64)));
            Files.writeString(entry.resolve(IngestCache.MARKER), "{}");
            Files.setLastModifiedTime(entry, FileTime.fromMillis(1_000_000L * (i + 1)));
            old.add(entry.getFileName().toString());
        }
        Path killed = Files.createDirectories(cache.resolve("tmp-999999-123e4567-e89b-12d3-a456-426614174000"));
        Path killedEarlier = Files.createDirectories(cache.resolve(".old-999998-123e4567-e89b-12d3-a456-426614174000"));
        Files.writeString(cache.resolve("notes.txt"), "mine");
        Files.createDirectories(cache.resolve("mine"));
        Run run = run(true);
        // the new entry and the KEPT - 1 most recently used of the others
        Set<String> expected = new java.util.TreeSet<>(List.of(run.key(), "mine", "notes.txt"));
        expected.addAll(old.subList(old.size() - (IngestCache.KEPT - 1), old.size()));
        assertEquals(List.copyOf(expected), cacheListing());
        assertFalse(Files.exists(killed), "a killed run's temporary folder is removed");
        assertFalse(Files.exists(killedEarlier), "and one an earlier version of sanaq named");
    }

    @Test
    void aCacheThatCannotBeWrittenIsANoteAndTheRunGoesOn() throws Exception {
        Path cache = IngestCache.folderOf(output);
        Files.writeString(cache, "a file in the cache's place");
        Run run = run(true);
        assertEquals("miss", run.cache());
        assertTrue(run.progress().contains("could not store the parsed inputs in the cache " + cache + ": " + cache
                + " is not a folder (a file or a symbolic link is in the way); the run goes on"), run.progress());
        assertTrue(run.progress().contains("; parsed (cache key " + run.key().substring(0, 12) + "… not stored)"),
                run.progress());
        assertEquals("a file in the cache's place", Files.readString(cache), "the file is left as it was");
        assertTrue(run.quarantine().contains("seven"), run.quarantine());
    }

    @Test
    void theKeyTextIsTheSameWhateverTheOrderOfSetsAndMaps() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", Set.of('.', ',', ' '));
        a.put("y", List.of("b", "a"));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("y", List.of("b", "a"));
        b.put("x", new LinkedHashSet<>(List.of(' ', ',', '.')));
        assertEquals(IngestCacheKey.canonical(a), IngestCacheKey.canonical(b));
        assertNotEquals(IngestCacheKey.canonical(List.of("a", "b")), IngestCacheKey.canonical(List.of("b", "a")),
                "a list keeps its order");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IngestCacheKey.canonical(new Object()));
        assertTrue(e.getMessage().contains("the cache key cannot describe a java.lang.Object"), e.getMessage());
    }
}
