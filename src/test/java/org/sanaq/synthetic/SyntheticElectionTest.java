package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.run.SpecException;

/**
 * The generator's promises, checked on its files read back as plain text (not through the generator's classes):
 * whole counts with the control relations of METHODS.md §1 holding in every honest protocol; regional rows equal to
 * the sums of their precincts and the national row to the sum of the regions; the ground truth naming exactly the
 * protocols that differ from the clean election of the same seed; the same bytes for the same seed whatever the
 * number of Spark tasks, and the same rows whatever the number of files.
 */
class SyntheticElectionTest {
    @TempDir
    static Path dir;
    static Path clean;
    static Path altered;

    static SyntheticSpec spec(String name, long precincts, int files, String irregularities) throws SpecException {
        return spec(dir, name, precincts, files, irregularities);
    }

    /** A small spec written into {@code dir}, its election written to {@code dir/<name>-<files>}. */
    static SyntheticSpec spec(Path dir, String name, long precincts, int files, String irregularities)
            throws SpecException {
        try {
            String yaml = """
                    name: %s
                    seed: 7
                    precincts: %d
                    files: %d
                    regions: 5
                    candidates: {A: 0.5, B: 0.3, C: 0.2}
                    precinct_size: {median: 600, sigma: 0.8, min: 20, max: 2500}
                    mapping: %s
                    output: %s
                    irregularities: %s
                    """.formatted(name, precincts, files, Path.of("jobs/mappings/canonical.yaml").toAbsolutePath(),
                    dir.resolve(name + "-" + files), irregularities);
            Path file = dir.resolve(name + files + ".yaml");
            Files.writeString(file, yaml);
            return SyntheticSpec.load(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path generate(SyntheticSpec spec, int partitions) throws IOException {
        SyntheticElection.generate(SparkTestSession.get(), spec, partitions);
        return Path.of(spec.output());
    }

    @BeforeAll
    static void generateBoth() throws Exception {
        clean = generate(spec("clean", 600, 3, "{}"), 0);
        altered = generate(spec("altered", 600, 3, """
                {stuffing: {fi: 0.1, fe: 0.02}, switching: {fraction: 0.05}, integer_percentages: {fraction: 0.05},
                 round_regional_totals: {regions: 2, decimals: 1}, broken_relations: {fraction: 0.03},
                 last_digit: {fraction: 0.05}, malformed_rows: {fraction: 0.03},
                 observer_copies: {coverage: 0.2, noise: 0.1, duplicates: 0.1, conflicts: 0.1}}"""), 0);
    }

    /** Data lines (without header) of the files matching a prefix, in file order. */
    static List<String> lines(Path folder, String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                List<String> all = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
                out.addAll(all.subList(1, all.size()));
            }
        }
        return out;
    }

    static long[] numbers(String line) {
        String[] cells = line.split(",", -1);
        long[] n = new long[cells.length - 5];
        for (int i = 5; i < cells.length; i++) {
            n[i - 5] = Long.parseLong(cells[i]);
        }
        return n;
    }

    @Test
    void honestProtocolsAreWholeAndKeepEveryControlRelation() throws IOException {
        List<String> rows = lines(clean, "precincts-");
        assertEquals(600, rows.size());
        for (String row : rows) {
            long[] n = numbers(row); // registered, received, early, station, outside, cancelled, portable,
            // stationary, lost, unaccounted, invalid, valid, A, B, C
            for (long v : n) {
                assertTrue(v >= 0, row);
            }
            long issued = n[2] + n[3] + n[4];
            assertEquals(n[1], issued + n[5] + n[8] - n[9], "received: " + row);
            assertEquals(n[6] + n[7], n[10] + n[11], "boxes: " + row);
            assertEquals(n[11], n[12] + n[13] + n[14], "valid: " + row);
            assertTrue(issued <= n[0] && n[6] + n[7] <= issued, row);
            assertTrue(n[0] >= 20 && n[0] <= 2500, row);
        }
    }

    @Test
    void regionRowsAreTheSumsOfTheirPrecinctsAndTheNationOfTheRegions() throws IOException {
        Map<String, long[]> sums = new TreeMap<>();
        for (String row : lines(clean, "precincts-")) {
            long[] n = numbers(row);
            long[] s = sums.computeIfAbsent(row.split(",")[3], k -> new long[n.length]);
            for (int i = 0; i < n.length; i++) {
                s[i] += n[i];
            }
        }
        List<String> table = lines(clean, "regions.csv");
        assertEquals(sums.size() + 1, table.size());
        long[] nation = new long[15];
        for (String row : table.subList(0, sums.size())) {
            assertEquals("region", row.split(",")[2]);
            assertArrayEquals(sums.get(row.split(",")[3]), numbers(row), row);
            long[] n = numbers(row);
            for (int i = 0; i < n.length; i++) {
                nation[i] += n[i];
            }
        }
        String national = table.get(sums.size());
        assertTrue(national.contains(",national,Synthland,"), national);
        assertArrayEquals(nation, numbers(national));
    }

    @Test
    void theGroundTruthNamesExactlyTheAlteredProtocols() throws IOException {
        List<String> truth = lines(altered, "truth-");
        Set<String> official = new TreeSet<>(Set.of("stuffing", "switching", "integer_percentages", "last_digit",
                "broken_relations"));
        Set<String> named = new TreeSet<>();
        Set<String> kinds = new HashSet<>();
        for (String t : truth) {
            String[] c = t.split(",", -1);
            kinds.add(c[5]);
            if (official.contains(c[5])) {
                named.add(c[2]);
            }
        }
        assertTrue(kinds.containsAll(official) && kinds.contains("malformed_rows")
                && kinds.contains("observer_copies") && kinds.contains("round_regional_totals"), kinds.toString());
        Map<String, String> honest = byPrecinct(lines(clean, "precincts-"));
        Map<String, String> published = byPrecinct(lines(altered, "precincts-").stream()
                .filter(l -> l.split(",", -1).length == 20 && !l.contains("O,")).toList());
        Set<String> differing = new TreeSet<>();
        honest.forEach((id, line) -> {
            if (!numbersPart(line).equals(numbersPart(published.get(id)))) {
                differing.add(id);
            }
        });
        assertFalse(differing.isEmpty());
        assertEquals(differing, named);
    }

    @Test
    void malformedRowsAndRoundRegionsAreWhereTheGroundTruthSays() throws IOException {
        Map<String, List<String>> files = new HashMap<>();
        for (String t : lines(altered, "truth-")) {
            String[] c = t.split(",", -1);
            if (!c[5].equals("malformed_rows") && !c[5].equals("round_regional_totals")) {
                continue;
            }
            List<String> file = files.computeIfAbsent(c[3], f -> read(altered.resolve(f)));
            String line = file.get(Integer.parseInt(c[4]) - 1);
            if (c[5].equals("round_regional_totals")) {
                assertTrue(line.contains(",region," + c[1] + ","), line);
                long[] n = numbers(line);
                for (int k = 12; k < 15; k++) { // each vote count is valid × (a one-decimal percentage), rounded
                    double q = Math.round(1000.0 * n[k] / n[11]);
                    assertTrue(Math.abs(n[k] - n[11] * q / 1000) <= 0.5, line);
                }
            } else if (c[6].startsWith("duplicate")) {
                assertEquals(file.get(Integer.parseInt(c[4]) - 2), line);
            } else {
                assertFalse(line.matches("^[\\x20-\\x7e]*$") && line.split(",", -1).length == 20
                        && !line.contains("O,"), "not malformed: " + line);
            }
        }
        assertTrue(files.containsKey("regions.csv"));
    }

    static List<String> read(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> byPrecinct(List<String> rows) {
        Map<String, String> out = new HashMap<>();
        rows.forEach(r -> out.putIfAbsent(r.split(",")[4], r));
        return out;
    }

    static String numbersPart(String line) {
        return line.substring(line.indexOf(',', line.indexOf(",precinct,") + 10));
    }

    @Test
    void theSameSeedGivesTheSameBytesWhateverTheNumberOfTasks() throws Exception {
        SyntheticSpec spec = spec("altered", 600, 3, "{stuffing: {fi: 0.1}, malformed_rows: {fraction: 0.03}}");
        Path one = generate(spec.with(spec.seed(), 600, 3, dir.resolve("one-task").toString(), spec.irregularities()),
                1);
        Path three = generate(spec.with(spec.seed(), 600, 3, dir.resolve("three").toString(), spec.irregularities()),
                3);
        List<String> names;
        try (Stream<Path> s = Files.list(one)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
        assertTrue(names.contains("precincts-00002.csv") && names.contains("job.yaml"), names.toString());
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(one.resolve(n)), Files.readAllBytes(three.resolve(n)), n);
        }
    }

    @Test
    void differentNumbersOfFilesHoldTheSameRows() throws Exception {
        Path single = generate(spec("clean", 600, 1, "{}"), 0);
        assertEquals(new TreeSet<>(lines(clean, "precincts-")), new TreeSet<>(lines(single, "precincts-")));
        assertEquals(lines(clean, "regions.csv"), lines(single, "regions.csv"));
    }
}
