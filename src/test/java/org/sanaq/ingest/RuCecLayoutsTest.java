package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanaq.TestData;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolRecord;

/**
 * The Russian CEC mappings on every layout of the collection in shared/datasets/ru-cec, on excerpts made for the
 * test: each is the real file's header, read from shared/datasets when the test runs (no part of the collection is
 * committed), and rows invented for the test (src/test/resources/ingest/ru-cec-invented-rows), the same figures in
 * every year's layout
 * (registered 1,500; ballots received 1,200; early 10, in the station 700, outside 40; cancelled 450; portable boxes
 * 40, stationary 708; invalid 8, valid 740; none lost or unaccounted; absentee certificates received 21, issued to
 * voters 12, voted with one 9, unused 8, issued by the territorial commission 3, lost 1, not accounted 0; the first
 * candidate 740 − 10 per other candidate, each other 10), so that a column bound to the wrong field shows.
 */
class RuCecLayoutsTest {
    private static final Path ROWS = Path.of("src", "test", "resources", "ingest", "ru-cec-invented-rows");
    private static final List<String> FILES = List.of("2004.csv", "2007.csv", "2008.csv", "2011.csv", "2012.csv",
            "2016.csv", "2018.csv", "2020.csv", "2021.csv", "2024.csv", "2024-electronic-voting.csv");
    @TempDir
    static Path excerpts;

    /** Each layout's excerpt: the header of the collection's file, then the rows invented for it. */
    @BeforeAll
    static void makeExcerpts() throws IOException {
        for (String file : FILES) {
            String name = file.replace(".csv", "");
            Path real = TestData.shared("ru-cec/" + (name.equals("2024-electronic-voting") ? file : file + ".zip"));
            String rows = Files.readString(ROWS.resolve("layout-" + name + ".rows"), StandardCharsets.UTF_8);
            Files.writeString(excerpts.resolve(file), header(real) + "\n" + rows, StandardCharsets.UTF_8);
        }
    }

    /** The first line of a data file, or of the first .csv entry of a zip, without a byte-order mark. */
    private static String header(Path file) throws IOException {
        if (!file.toString().endsWith(".zip")) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return in.readLine().replace("\uFEFF", "");
            }
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry csv = zip.stream().filter(e -> e.getName().endsWith(".csv")).findFirst().orElseThrow();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(csv),
                    StandardCharsets.UTF_8))) {
                return in.readLine().replace("\uFEFF", "");
            }
        }
    }
    private static final Map<String, Long> ABSENTEE = Map.of("absentee_received", 21L, "absentee_issued_to_voters",
            12L, "voted_by_absentee", 9L, "absentee_cancelled", 8L, "absentee_issued_by_tik", 3L, "absentee_lost", 1L,
            "absentee_unaccounted", 0L);

    private static List<ShippedMappingsTest.Converted> read(String file, String mapping) throws Exception {
        List<ShippedMappingsTest.Converted> out = new ArrayList<>();
        ShippedMappingsTest.scan(excerpts.resolve(file), ShippedMappingsTest.load(mapping)
                .withConstants(Map.of(Field.ELECTION, "e")), out::add);
        return out;
    }

    /** The absentee-certificate lines named (none when null), with the figures of the excerpts. */
    private static Map<String, Long> absentee(String names) {
        Map<String, Long> out = new TreeMap<>();
        for (String name : names == null ? new String[0] : names.split(" ")) {
            out.put(name, ABSENTEE.get(name));
        }
        return out;
    }

    /** The twelve protocol lines every layout but 2020's has, with the figures of the excerpts. */
    private static void assertProtocolLines(ProtocolRecord p) {
        Map<Field, Long> counts = new TreeMap<>();
        for (Field f : Field.values()) {
            if (f.kind() == Field.Kind.COUNT && p.count(f) != null) {
                counts.put(f, p.count(f));
            }
        }
        assertEquals(new TreeMap<>(Map.ofEntries(Map.entry(Field.REGISTERED, 1500L),
                Map.entry(Field.BALLOTS_RECEIVED, 1200L), Map.entry(Field.BALLOTS_ISSUED_EARLY, 10L),
                Map.entry(Field.BALLOTS_ISSUED_IN_STATION, 700L), Map.entry(Field.BALLOTS_ISSUED_OUTSIDE, 40L),
                Map.entry(Field.BALLOTS_CANCELLED, 450L), Map.entry(Field.BALLOTS_IN_PORTABLE_BOXES, 40L),
                Map.entry(Field.BALLOTS_IN_STATIONARY_BOXES, 708L), Map.entry(Field.INVALID, 8L),
                Map.entry(Field.VALID, 740L), Map.entry(Field.BALLOTS_LOST, 0L),
                Map.entry(Field.BALLOTS_UNACCOUNTED, 0L))), counts);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2004.csv | absentee_received absentee_issued_to_voters voted_by_absentee absentee_cancelled absentee_issued_by_tik | 7 | Глазьев Сергей Юрьевич | 680
            2007.csv | absentee_received absentee_issued_to_voters voted_by_absentee absentee_cancelled absentee_issued_by_tik absentee_lost absentee_unaccounted | 11 | 1.Политическая партия «Аграрная партия России» | 640
            2008.csv | absentee_received absentee_issued_to_voters voted_by_absentee absentee_cancelled absentee_issued_by_tik absentee_lost absentee_unaccounted | 4 | Богданов Андрей Владимирович | 710
            2011.csv | absentee_received absentee_issued_to_voters voted_by_absentee absentee_cancelled absentee_issued_by_tik absentee_lost | 7 | 1. Политическая партия СПРАВЕДЛИВАЯ РОССИЯ | 680
            2012.csv | absentee_received absentee_issued_to_voters voted_by_absentee absentee_cancelled absentee_issued_by_tik absentee_lost | 5 | Жириновский Владимир Вольфович | 700
            2016.csv | absentee_received absentee_issued_to_voters voted_by_absentee absentee_cancelled absentee_issued_by_tik absentee_lost | 14 | 1. ВСЕРОССИЙСКАЯ ПОЛИТИЧЕСКАЯ ПАРТИЯ "РОДИНА" | 610
            2018.csv | | 8 | Бабурин Сергей Николаевич | 670
            2021.csv | | 14 | 1. Политическая партия "КОММУНИСТИЧЕСКАЯ ПАРТИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ" | 610
            2024.csv | | 4 | Даванков Владислав Андреевич | 710
            """)
    void eachElectionLayoutGivesEveryProtocolLineAndItsAbsenteeLines(String file, String lines, int candidates,
            String first, long firstVotes) throws Exception {
        ProtocolRecord p = read(file, "ru-cec-polling-stations.yaml").get(0).only();
        assertEquals("Тестовая область", p.text(Field.REGION));
        assertEquals("Первая тестовая", p.text(Field.DISTRICT));
        assertEquals("554", p.text(Field.PRECINCT)); // "554" or "УИК №554"
        assertProtocolLines(p);
        assertEquals(absentee(lines), p.lines());
        assertEquals(candidates, p.votes().size(), () -> p.votes().keySet().toString());
        assertEquals(firstVotes, p.votes().get(first));
        assertEquals(740L, p.votes().values().stream().mapToLong(Long::longValue).sum());
        assertNull(p.get(Field.SPECIAL));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2004.csv, Территория за пределами РФ", "2007.csv, Зарубежная территория",
            "2008.csv, Территория за пределами РФ", "2011.csv, Зарубежная территория",
            "2012.csv, Территория за пределами РФ", "2018.csv, Территория за пределами РФ"})
    void stationsAbroadAreMarkedSpecial(String file, String region) throws Exception {
        ProtocolRecord p = read(file, "ru-cec-polling-stations.yaml").get(1).only();
        assertEquals(region, p.text(Field.REGION)); // "99 " dropped
        assertEquals("8000", p.text(Field.PRECINCT));
        assertEquals("abroad", p.text(Field.SPECIAL));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2021.csv | missing precinct (required at level precinct)
            2024.csv | missing registered
            """)
    void rowsWithoutAStationOrFiguresAreQuarantined(String file, String reason) throws Exception {
        // 2021: a remote electronic voting row (no station number); 2024: a station with no figures
        assertEquals(reason, read(file, "ru-cec-polling-stations.yaml").get(1).conversion().reason());
    }

    @Test
    void theConstitutionalVoteOf2020() throws Exception {
        List<ShippedMappingsTest.Converted> rows = read("2020.csv", "ru-cec-2020-vote.yaml");
        ProtocolRecord p = rows.get(0).only();
        assertEquals("554", p.text(Field.PRECINCT));
        assertEquals(1500L, p.count(Field.REGISTERED));
        assertEquals(750L, p.count(Field.BALLOTS_ISSUED));
        assertEquals(748L, p.count(Field.BALLOTS_CAST));
        assertEquals(8L, p.count(Field.INVALID));
        assertEquals(740L, p.count(Field.VALID)); // ДА 500 + НЕТ 240
        assertEquals(Map.of("ДА", 500L, "НЕТ", 240L), p.votes());
        assertEquals(Map.of(), p.lines());
        assertEquals("abroad", rows.get(1).only().text(Field.SPECIAL));
    }

    @Test
    void theRemoteElectronicVotingOf2024IsOneStationPerRegion() throws Exception {
        ProtocolRecord p = read("2024-electronic-voting.csv", "ru-cec-2024-electronic-voting.yaml").get(0).only();
        assertEquals("Тестовая область", p.text(Field.REGION));
        assertEquals("ДЭГ", p.text(Field.DISTRICT));
        assertEquals("ДЭГ", p.text(Field.PRECINCT));
        assertEquals("remote_electronic", p.text(Field.SPECIAL));
        assertProtocolLines(p);
        assertEquals(Map.of("Даванков Владислав Андреевич", 710L, "Путин Владимир Владимирович", 10L,
                "Слуцкий Леонид Эдуардович", 10L, "Харитонов Николай Михайлович", 10L), p.votes());
    }
}
