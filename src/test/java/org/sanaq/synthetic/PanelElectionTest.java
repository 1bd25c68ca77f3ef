package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.run.SpecException;

/**
 * A panel of synthetic elections (DESIGN19 §3.6), read back as text: the first election is the election the spec
 * makes without a panel, the second holds the same precincts in the same regions and districts with changed figures,
 * the job names both for the panel check, and a planted jump alters exactly the last election's protocols that the
 * ground truth names.
 */
class PanelElectionTest {
    @TempDir
    static Path dir;
    static Path single;
    static Path panel;
    static Path jumps;

    private static SyntheticSpec spec(String name, String panel, String irregularities) throws Exception {
        String yaml = """
                name: %s
                seed: 11
                precincts: 400
                files: 2
                regions: 3
                candidates: {A: 0.5, B: 0.3, C: 0.2}
                districts: {per_region: 4}
                %s
                mapping: %s
                output: %s
                irregularities: %s
                """.formatted(name, panel, Path.of("jobs/mappings/canonical.yaml").toAbsolutePath(),
                dir.resolve(name), irregularities);
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return SyntheticSpec.load(file);
    }

    private static Path generate(SyntheticSpec spec) throws IOException {
        SyntheticElection.generate(SparkTestSession.get(), spec, 0);
        return Path.of(spec.output());
    }

    @BeforeAll
    static void generateAll() throws Exception {
        String twoElections = "panel: {elections: 2, turnout_change_sd: 0.1}";
        single = generate(spec("single", "", "{}"));
        panel = generate(spec("twice", twoElections, "{}"));
        jumps = generate(spec("jumps", twoElections, "{jump: {fraction: 0.1, size: 0.3}}"));
    }

    /** The precinct rows of one election, by precinct number, without the election's name. */
    private static Map<String, String> rows(Path folder, String election) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String line : SyntheticElectionTest.lines(folder, "precincts-")) {
            String[] cells = line.split(",", 7);
            if (cells[0].equals(election)) {
                out.put(cells[5], line.substring(line.indexOf(',')));
            }
        }
        return out;
    }

    @Test
    void theFirstElectionIsTheElectionWithoutAPanelAndTheSecondKeepsItsPrecincts() throws IOException {
        Map<String, String> alone = rows(single, "synthetic-single");
        Map<String, String> first = rows(panel, "synthetic-twice-1");
        Map<String, String> second = rows(panel, "synthetic-twice-2");
        assertEquals(400, alone.size());
        assertEquals(alone, first, "election 1 draws what the spec without a panel draws");
        assertEquals(first.keySet(), second.keySet());
        int changed = 0;
        for (String id : first.keySet()) {
            String[] a = first.get(id).split(",");
            String[] b = second.get(id).split(",");
            assertEquals(List.of(a[3], a[4]), List.of(b[3], b[4]), "region and district of precinct " + id);
            changed += first.get(id).equals(second.get(id)) ? 0 : 1;
        }
        assertEquals(400, changed, "every count is drawn anew");
    }

    @Test
    void theJobAnalysesTheLastElectionAndNamesBothForThePanel() throws IOException {
        String job = Files.readString(panel.resolve(SyntheticElection.JOB_FILE));
        assertTrue(job.contains("\nelection: synthetic-twice-2\n"), job);
        assertTrue(job.contains("  panel: {elections: [synthetic-twice-1, synthetic-twice-2]}\n"), job);
        assertTrue(Files.readString(single.resolve(SyntheticElection.JOB_FILE)).contains("  panel: {}\n"));
    }

    @Test
    void aJumpAltersExactlyTheLastElectionsProtocolsTheGroundTruthNames() throws IOException {
        assertEquals(rows(panel, "synthetic-twice-1").values().stream().toList(),
                rows(jumps, "synthetic-jumps-1").values().stream().toList(), "the earlier election stays honest");
        Map<String, String> honest = rows(panel, "synthetic-twice-2");
        Map<String, String> jumped = rows(jumps, "synthetic-jumps-2");
        Set<String> differing = new TreeSet<>();
        honest.forEach((id, line) -> {
            if (!line.equals(jumped.get(id))) {
                differing.add(id);
            }
        });
        Set<String> named = new TreeSet<>();
        for (String t : SyntheticElectionTest.lines(jumps, "truth-")) {
            String[] c = t.split(",", -1);
            assertEquals("jump", c[5]);
            assertTrue(c[6].startsWith("jump x=0.3000: "), c[6]);
            named.add(c[2]);
        }
        assertFalse(named.isEmpty());
        assertEquals(differing, named);
        assertTrue(named.size() > 20 && named.size() < 60, "about 10 % of 400: " + named.size());
    }

    @Test
    void aBadPanelIsNamed() {
        SpecException e = assertThrows(SpecException.class, () -> spec("bad", "panel: {elections: 12}", "{}"));
        assertTrue(e.getMessage().endsWith("panel: elections from 1 to 9, turnout_change_sd and size_change_sd of "
                + "at least 0 and a positive share_concentration"), e.getMessage());
    }
}
