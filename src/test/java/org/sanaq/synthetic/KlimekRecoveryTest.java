package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.checks.klimek.KlimekEstimate;
import org.sanaq.run.SpecException;
import org.sanaq.stats.ClopperPearson;

/** The fraud-model fit's parameter recovery on a tiny cell: its table's columns are the tally of its fits. */
class KlimekRecoveryTest {
    @TempDir
    Path dir;

    /** A recovery spec of clean.yaml in the temporary folder, with {@code settings} (YAML lines) after the election. */
    private Path spec(String name, String settings) throws java.io.IOException {
        Path spec = dir.resolve(name);
        Files.writeString(spec, "klimek_recovery:\n  election: " + Path.of("jobs/synthetic/clean.yaml")
                .toAbsolutePath() + "\n  " + settings);
        return spec;
    }

    @Test
    void aTinyRecoveryWritesItsTableAndTheHonestRates() throws Exception {
        Path spec = spec("recovery.yaml", "precincts: 2000\n  seeds: 3\n  bootstrap: 20\n  fi: [0]\n  fe: [0, 0.05]\n"
                + "  threads: 2\n  table: out/table.csv\n  honest_rates: out/rates.csv\n");
        assertTrue(KlimekRecovery.describes(spec));
        KlimekRecovery.run(spec, new PrintStream(OutputStream.nullOutputStream()));
        List<String> table = Files.readAllLines(dir.resolve("out/table.csv"));
        assertEquals(String.join(",", KlimekRecovery.COLUMNS), table.get(0));
        assertEquals(3, table.size(), "a header and the cells (0, 0) and (0, 0.05)");

        // the same fits, drawn again, give the rows' figures
        KlimekRecovery.Settings settings = KlimekRecovery.parse(
                com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(
                        "{\"election\": \"" + Path.of("jobs/synthetic/clean.yaml").toAbsolutePath()
                                + "\", \"precincts\": 2000, \"seeds\": 3, \"bootstrap\": 20, \"fi\": [0], "
                                + "\"fe\": [0.05], \"threads\": 1}"), dir, "test");
        KlimekRecovery.Cell cell = KlimekRecovery.cell(new org.sanaq.checks.klimek.KlimekModel(2, 0.075), settings,
                2, 0, 0.05);
        List<KlimekEstimate> fits = cell.fits();
        assertEquals(3, fits.size());
        long covered = fits.stream().filter(e -> e.feLow() <= 0.05 && 0.05 <= e.feHigh()).count();
        long zeroInFi = fits.stream().filter(e -> e.fiLow() <= 0).count();
        String[] row = table.get(2).split(",");
        assertEquals("0.0500", row[2]);
        assertEquals("2000", row[3]);
        assertEquals("3", row[4]);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", fits.stream().mapToDouble(KlimekEstimate::fe)
                .average().orElseThrow()), row[7]);
        assertEquals(Long.toString(covered), row[8]);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", covered / 3.0), row[12]);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", ClopperPearson.lower(covered, 3, 0.975)), row[15]);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", ClopperPearson.upper(covered, 3, 0.975)), row[16]);
        assertEquals(Long.toString(zeroInFi), row[17]);

        List<String> rates = Files.readAllLines(dir.resolve("out/rates.csv"));
        assertEquals(HonestRates.HEADER, rates.get(1));
        assertTrue(rates.get(2).matches("2000,klimek,3,[0-3]"), rates.get(2));
    }

    @Test
    void aHomogeneousRecoveryDrawsOneRegionWithoutRegionalTurnoutAndWritesNoHonestRates() throws Exception {
        Path spec = spec("homogeneous.yaml", "homogeneous: true\n  precincts: 500\n  seeds: 1\n  bootstrap: 20\n"
                + "  fi: [0]\n  fe: [0]\n  threads: 1\n  table: out/table.csv\n");
        KlimekRecovery.Settings settings = KlimekRecovery.parse(
                com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(
                        "{\"election\": \"" + Path.of("jobs/synthetic/clean.yaml").toAbsolutePath()
                                + "\", \"homogeneous\": true, \"fi\": [0], \"fe\": [0]}"), dir, "test");
        assertEquals(1, settings.election().regions());
        assertEquals(0, settings.election().turnoutRegionSd(), 0);
        assertEquals(0.35, settings.election().turnoutPrecinctSd(), 0, "precincts vary as in clean.yaml");
        assertEquals(null, settings.honestRates());
        KlimekRecovery.run(spec, new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(2, Files.readAllLines(dir.resolve("out/table.csv")).size());
        assertEquals(List.of("table.csv"), Files.list(dir.resolve("out")).map(p -> p.getFileName().toString())
                .toList(), "no honest rates without honest_rates");
    }

    @Test
    void aSpecWithAnUnknownKeyOrFractionOutsideZeroToOneIsRefused() {
        com.fasterxml.jackson.databind.json.JsonMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .build();
        SpecException unknown = assertThrows(SpecException.class, () -> KlimekRecovery.parse(
                json.readTree("{\"fi\": [0], \"fe\": [0], \"sides\": 3}"), Path.of("jobs/synthetic"), "r.yaml"));
        assertTrue(unknown.getMessage().startsWith("r.yaml: klimek_recovery.sides: unknown"), unknown.getMessage());
        SpecException fraction = assertThrows(SpecException.class, () -> KlimekRecovery.parse(
                json.readTree("{\"fi\": [1.5], \"fe\": [0]}"), Path.of("jobs/synthetic"), "r.yaml"));
        assertEquals("r.yaml: klimek_recovery.fi: fractions from 0 to 1", fraction.getMessage());
    }
}
