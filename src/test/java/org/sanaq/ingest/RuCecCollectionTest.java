package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanaq.TestData;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.schema.Field;

/**
 * Every file of the Russian CEC collection (shared/datasets/ru-cec, when it is there) read whole through its
 * mapping, as Spark tasks read it: the records read and the registered voters summed are the collection's own
 * figures in its SOURCE.md; the records quarantined and the absentee-certificate lines found are those counted
 * independently with Python's csv module over the zips. And every shipped Russian job validates.
 */
class RuCecCollectionTest {
    private static final String DATASET = "ru-cec";
    private static final Set<String> ABSENTEE_2011 = Set.of("absentee_received", "absentee_issued_to_voters",
            "voted_by_absentee", "absentee_cancelled", "absentee_issued_by_tik", "absentee_lost");

    /** One row of SOURCE.md's table: the file, its rows and registered voters (null where it states none). */
    record Stated(String file, Long rows, Long registered) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Stated> stated() throws IOException {
        Path source = TestData.sharedDatasets().resolve(DATASET).resolve("SOURCE.md");
        if (!Files.exists(source)) {
            return Stream.of(new Stated("SOURCE.md", null, null)); // then the test skips (or fails) on it
        }
        List<Stated> out = new ArrayList<>();
        for (String line : Files.readAllLines(source)) {
            String[] cells = line.split("\\|");
            if (cells.length > 4 && cells[1].strip().matches("[\\w-]+\\.csv(\\.zip)?")) {
                out.add(new Stated(cells[1].strip(), leadingNumber(cells[3]), leadingNumber(cells[4])));
            }
        }
        assertEquals(11, out.size(), "files listed in SOURCE.md");
        return out.stream();
    }

    /** The number a cell starts with ("95,779 (2,268 stations …)" is 95,779), or null for none. */
    private static Long leadingNumber(String cell) {
        String digits = cell.strip().replaceFirst("^([\\d,]*).*$", "$1").replace(",", "");
        return digits.isEmpty() ? null : Long.valueOf(digits);
    }

    private static String mappingOf(String file) {
        return switch (file) {
            case "2020.csv.zip" -> "ru-cec-2020-vote.yaml";
            case "2024-electronic-voting.csv" -> "ru-cec-2024-electronic-voting.yaml";
            default -> "ru-cec-polling-stations.yaml";
        };
    }

    /** Records quarantined, counted with Python: 2021's remote-voting rows have no station, 2024's annexed ones no figures. */
    private static final Map<String, Long> QUARANTINED = Map.of("2021.csv.zip", 18L, "2024.csv.zip", 2_268L);

    /** The extra lines found in each file (none from 2018 on: absentee certificates were abolished in 2017). */
    private static Set<String> linesOf(String file) {
        Set<String> lines = new TreeSet<>();
        if (file.matches("20(04|07|08|11|12|16)\\.csv\\.zip")) {
            lines.addAll(ABSENTEE_2011);
        }
        if (file.equals("2004.csv.zip")) {
            lines.remove("absentee_lost"); // 2004 has no line for lost certificates
        }
        if (file.equals("2007.csv.zip") || file.equals("2008.csv.zip")) {
            lines.add("absentee_unaccounted");
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stated")
    void everyFileIsReadWholeWithTheCollectionsOwnFigures(Stated stated) throws Exception {
        Path file = TestData.shared(DATASET + "/" + stated.file());
        Mapping mapping = ShippedMappingsTest.load(mappingOf(stated.file()))
                .withConstants(Map.of(Field.ELECTION, "e"));
        long[] tally = new long[3]; // records, quarantined, registered
        Set<String> lines = new TreeSet<>();
        Map<String, Long> reasons = new TreeMap<>();
        ShippedMappingsTest.scan(file, mapping, c -> {
            tally[0]++;
            if (c.conversion().reason() != null) {
                tally[1]++;
                reasons.merge(c.conversion().reason(), 1L, Long::sum);
            } else {
                var p = c.only();
                tally[2] += p.count(Field.REGISTERED);
                lines.addAll(p.lines().keySet());
            }
            return true;
        });
        if (stated.rows() != null) {
            assertEquals(stated.rows(), tally[0], "records read");
        }
        if (stated.registered() != null) {
            assertEquals(stated.registered(), tally[2], "registered voters of the protocols used");
        }
        assertEquals(QUARANTINED.getOrDefault(stated.file(), 0L), tally[1], () -> "quarantined: " + reasons);
        assertEquals(linesOf(stated.file()), lines);
    }

    @Test
    void everyRussianJobValidates() throws Exception {
        TestData.shared(DATASET + "/SOURCE.md");
        List<Path> jobs;
        try (Stream<Path> files = Files.list(TestData.project().resolve("jobs"))) {
            jobs = files.filter(f -> f.getFileName().toString().matches("ru-.*\\.yaml")).sorted().toList();
        }
        assertEquals(List.of("ru-2004-president.yaml", "ru-2007-duma.yaml", "ru-2008-president.yaml",
                "ru-2011-duma.yaml", "ru-2012-president.yaml", "ru-2016-duma.yaml", "ru-2018-2024-panel.yaml",
                "ru-2018-president.yaml", "ru-2020-constitution.yaml", "ru-2021-duma.yaml", "ru-2024-president.yaml"),
                jobs.stream().map(j -> j.getFileName().toString()).toList());
        for (Path job : jobs) {
            // as sanaq validate does: the spec, its mappings fitted to the files' headers, the checks' parameters;
            // one election's file per job, the panel's two
            int elections = job.getFileName().toString().contains("panel") ? 2 : 1;
            assertEquals(elections, JobSpecLoader.load(job).inputs().size(), job.toString());
        }
    }
}
