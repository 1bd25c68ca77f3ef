package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.TestData;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolRecord;

/**
 * Each shipped mapping over its real file, through the same path Spark tasks take (DataFiles.open, header, bind,
 * convert). Every expected value was read from the data file by hand (unzip -p / python csv) and is quoted in a
 * comment with its line.
 */
class ShippedMappingsTest {
    private static final Path MAPPINGS = Path.of("jobs", "mappings");
    private static final Path KZ = Path.of("datasets", "kz-2023");

    /** A data record and what the mapping made of it. */
    record Converted(CsvRecord record, BoundMapping.Conversion conversion) {
        ProtocolRecord only() {
            assertNull(conversion.reason(), () -> "line " + record.line() + " rejected: " + conversion.reason());
            assertEquals(1, conversion.protocols().size());
            return conversion.protocols().get(0);
        }
    }

    static Mapping load(String name) throws MappingException {
        return MappingLoader.load(MAPPINGS.resolve(name));
    }

    /** Reads a file record by record; {@code visit} returns false to stop. */
    static void scan(Path file, Mapping mapping, Predicate<Converted> visit) throws IOException, MappingException {
        try (InputStream in = Files.newInputStream(file)) {
            DataFiles.Entries entries = DataFiles.open(file.toString(), in, mapping.format());
            DataFiles.Entry entry = entries.next();
            assertNotNull(entry, "no entry in " + file);
            CsvRecord header = DataFiles.header(entry.reader(), mapping.format());
            assertNotNull(header, "no header in " + file);
            BoundMapping bound = mapping.bind(header.cells());
            for (CsvRecord r = entry.reader().next(); r != null; r = entry.reader().next()) {
                if (!visit.test(new Converted(r, bound.convert(r)))) {
                    return;
                }
            }
        }
    }

    static List<Converted> first(Path file, Mapping mapping, int n) throws IOException, MappingException {
        List<Converted> out = new ArrayList<>();
        scan(file, mapping, c -> {
            out.add(c);
            return out.size() < n;
        });
        return out;
    }

    static Converted find(Path file, Mapping mapping, Predicate<CsvRecord> which) throws Exception {
        List<Converted> out = new ArrayList<>();
        scan(file, mapping, c -> {
            if (which.test(c.record())) {
                out.add(c);
                return false;
            }
            return true;
        });
        assertFalse(out.isEmpty(), "no such record in " + file);
        return out.get(0);
    }

    // ---------------------------------------------------------------- kz-2023 party list

    @Test
    void kzPartyListAbai() throws Exception {
        Mapping m = load("kz-2023-party-list.yaml");
        Converted c = first(KZ.resolve("party-list-by-region.csv"), m, 1).get(0);
        // line 2: Abai Region,416191,158103,67.81,...,4143,237298,57.02
        assertEquals(2, c.record().line());
        ProtocolRecord p = c.only();
        assertEquals("Abai Region", p.text(Field.REGION));
        assertEquals("region", p.text(Field.LEVEL));
        assertEquals("official", p.text(Field.SOURCE));
        assertEquals("kz-2023-majilis-party-list", p.text(Field.ELECTION));
        assertEquals(416191L, p.count(Field.REGISTERED));
        assertEquals(237298L, p.count(Field.BALLOTS_CAST));
        assertEquals(4143L, p.count(Field.INVALID));
        assertEquals(233155L, p.count(Field.VALID)); // 237298 − 4143
        assertEquals("57.02", p.text(Field.PUBLISHED_TURNOUT_PCT));
        Map<String, Long> votes = new LinkedHashMap<>();
        votes.put("Amanat", 158103L);
        votes.put("Auyl", 13919L);
        votes.put("Respublica", 14199L);
        votes.put("Aq Jol", 9000L);
        votes.put("QHP", 15528L);
        votes.put("JSDP", 11285L);
        votes.put("Baytaq", 1562L);
        votes.put("Against all", 9559L);
        assertEquals(votes, p.votes());
        assertEquals("67.81", p.publishedPct().get("Amanat"));
        assertEquals("4.10", p.publishedPct().get("Against all")); // printed 4.10, the trailing zero kept
        assertEquals(8, p.publishedPct().size());
    }

    @Test
    void kzPartyListAliasAndNationalRow() throws Exception {
        Mapping m = load("kz-2023-party-list.yaml");
        List<Converted> all = first(KZ.resolve("party-list-by-region.csv"), m, 1000);
        // 21 data lines (lines 2-22): 20 regions and cities, then Kazakhstan
        assertEquals(21, all.size());
        all.forEach(Converted::only);
        // line 3: Aqmola Region → Akmola Region (datasets/kz-2023/region-aliases.csv)
        assertEquals("Akmola Region", all.get(1).only().text(Field.REGION));
        assertEquals(3, all.get(1).record().line());
        Converted national = all.get(20);
        // line 22: Kazakhstan,12035578,3431510,53.90,...,248.291,3.90,158046,6524487,54.21
        assertEquals(22, national.record().line());
        ProtocolRecord p = national.only();
        assertEquals("Kazakhstan", p.text(Field.REGION));
        assertEquals("national", p.text(Field.LEVEL));
        assertEquals(248291L, p.votes().get("Against all"));
        assertEquals(3431510L, p.votes().get("Amanat"));
        assertEquals("53.90", p.publishedPct().get("Amanat"));
        assertEquals(12035578L, p.count(Field.REGISTERED));
        assertEquals(6366441L, p.count(Field.VALID)); // 6524487 − 158046
        // the regions' "Against all" votes sum to the national 248,291 (SOURCE.md)
        long regions = all.subList(0, 20).stream().mapToLong(x -> x.only().votes().get("Against all")).sum();
        assertEquals(248291L, regions);
    }

    @Test
    void strictNumbersRejectTheNationalRowInsteadOfReading248(@TempDir Path dir) throws Exception {
        // the same header with default (plain) numbers, as canonical.yaml has: 248.291 is not a whole number
        Path yaml = dir.resolve("strict.yaml");
        Files.writeString(yaml, """
                name: strict
                constants:
                  election: kz-2023-majilis-party-list
                  source: official
                fields:
                  level: {column: region, values: {Kazakhstan: national}, otherwise: region}
                  region: region
                  registered: registered_voters
                  ballots_cast: total_ballots
                  invalid: invalid_or_blank
                candidates:
                  pattern: "^(?<name>.+) votes$"
                """, StandardCharsets.UTF_8);
        Mapping strict = MappingLoader.load(yaml);
        assertEquals(NumberFormat.PLAIN, strict.numbers());
        Converted national = find(KZ.resolve("party-list-by-region.csv"), strict,
                r -> r.cells().get(0).equals("Kazakhstan"));
        assertEquals(22, national.record().line());
        assertTrue(national.conversion().protocols().isEmpty(), "must not give 248 votes");
        String reason = national.conversion().reason();
        assertNotNull(reason);
        assertTrue(reason.contains("248.291"), reason);
        assertTrue(reason.contains("Against all votes"), reason);
    }

    // ---------------------------------------------------------------- kz-2023 turnout by hour

    @Test
    void kzTurnoutByHour() throws Exception {
        Mapping m = load("kz-2023-turnout-by-hour.yaml");
        List<Converted> rs = first(KZ.resolve("turnout-by-hour.csv"), m, 2);
        // line 2: Kazakhstan,14.21,30.65,46.84,51.98,53.11,54.09,54.19,1710381,...,6521860
        BoundMapping.Conversion national = rs.get(0).conversion();
        assertNull(national.reason());
        List<ProtocolRecord> ps = national.protocols();
        assertEquals(7, ps.size());
        List<String> hours = List.of("10", "12", "14", "16", "18", "20", "22");
        List<String> pcts = List.of("14.21", "30.65", "46.84", "51.98", "53.11", "54.09", "54.19");
        List<Long> voters = List.of(1710381L, 3687608L, 5635462L, 6254837L, 6390046L, 6509695L, 6521860L);
        for (int i = 0; i < 7; i++) {
            ProtocolRecord p = ps.get(i);
            assertEquals("2023-03-19T" + hours.get(i) + ":00:00+06:00", p.text(Field.REPORTED_AT));
            assertEquals(pcts.get(i), p.text(Field.PUBLISHED_TURNOUT_PCT));
            assertEquals(voters.get(i), p.count(Field.BALLOTS_ISSUED));
            assertEquals("national", p.text(Field.LEVEL));
            assertEquals("Kazakhstan", p.text(Field.REGION));
            assertTrue(p.votes().isEmpty());
        }
        assertEquals("2023-03-19T10:00:00+06:00", ps.get(0).text(Field.REPORTED_AT));
        assertEquals("14.21", ps.get(0).text(Field.PUBLISHED_TURNOUT_PCT));
        assertEquals(6521860L, ps.get(6).count(Field.BALLOTS_ISSUED));

        // line 3: Abai Region,15.13,33.58,52.28,55.23,56.14,57.02,57.02,,,,,,,
        List<ProtocolRecord> abai = rs.get(1).conversion().protocols();
        assertEquals(7, abai.size());
        assertEquals("region", abai.get(0).text(Field.LEVEL));
        assertEquals("15.13", abai.get(0).text(Field.PUBLISHED_TURNOUT_PCT));
        assertEquals("57.02", abai.get(6).text(Field.PUBLISHED_TURNOUT_PCT));
        abai.forEach(p -> assertNull(p.get(Field.BALLOTS_ISSUED)));
    }

    @Test
    void kzAliasesMakeThePartyListRegionsTheTurnoutTableRegions() throws Exception {
        // the turnout table spells regions "Akmola Region", "Aktobe Region", "Karaganda Region", ... while the
        // party list spells them "Aqmola Region", "Aqtöbe Region", "Qarağandy Region", ...: after the aliases the
        // two files name the same 21 units (cut -d, -f1 of both files)
        java.util.Set<String> party = new java.util.TreeSet<>();
        scan(KZ.resolve("party-list-by-region.csv"), load("kz-2023-party-list.yaml"),
                c -> party.add(c.only().text(Field.REGION)));
        java.util.Set<String> turnout = new java.util.TreeSet<>();
        scan(KZ.resolve("turnout-by-hour.csv"), load("kz-2023-turnout-by-hour.yaml"),
                c -> turnout.add(c.conversion().protocols().get(0).text(Field.REGION)));
        assertEquals(21, turnout.size());
        assertEquals(turnout, party);
        assertTrue(party.contains("Türkistan Region") == false && party.contains("Turkistan Region"));
    }

    // ---------------------------------------------------------------- kz-2023 constituencies

    @Test
    void kzConstituencyPairs() throws Exception {
        Mapping m = load("kz-2023-constituencies.yaml");
        // line 5: Almaty,4,3,Erlan Stambekov,Independent,15930,20.66,Sanjar Boqaev,Independent (Namys),11660,15.12
        Converted c = find(KZ.resolve("constituencies.csv"), m, r -> r.cells().get(1).equals("4"));
        assertEquals(5, c.record().line());
        ProtocolRecord p = c.only();
        assertEquals(Map.of("Erlan Stambekov", 15930L, "Sanjar Boqaev", 11660L), p.votes());
        assertEquals(Map.of("Erlan Stambekov", "20.66", "Sanjar Boqaev", "15.12"), p.publishedPct());
        assertEquals("district", p.text(Field.LEVEL));
        assertEquals("4", p.text(Field.DISTRICT));
        assertEquals("Almaty", p.text(Field.REGION));
        assertEquals("kz-2023-majilis-constituency", p.text(Field.ELECTION));
        assertNull(p.get(Field.REGISTERED));
        // all 29 districts convert
        List<Converted> all = first(KZ.resolve("constituencies.csv"), m, 100);
        assertEquals(29, all.size());
        all.forEach(Converted::only);
    }

    // ---------------------------------------------------------------- ru-cec

    private static Mapping ru(String election) throws MappingException {
        // the job gives the election (jobs/ru-2018-president.yaml: inputs[0].election)
        return load("ru-cec-polling-stations.yaml").withConstants(Map.of(Field.ELECTION, election));
    }

    @Test
    void ru2011FirstStation() throws Exception {
        Converted c = first(TestData.shared("ru-cec/2011.csv.zip"), ru("ru-2011-duma"), 1).get(0);
        // unzip -p 2011.csv.zip | sed -n 2p:
        // Республика Адыгея (Адыгея),1 Адыгейская,1,2609,2356,0,1614,182,560,182,1614,4,1792,10,10,2,0,11,0,0,0,
        // 36,13,7,472,16,1242,6,http://www.vybory.izbirkom.ru/...vibid=2012000183551
        assertEquals(2, c.record().line());
        ProtocolRecord p = c.only();
        assertEquals("Республика Адыгея (Адыгея)", p.text(Field.REGION));
        assertEquals("1 Адыгейская", p.text(Field.DISTRICT));
        assertEquals("1", p.text(Field.PRECINCT));
        assertEquals("precinct", p.text(Field.LEVEL));
        assertEquals(2609L, p.count(Field.REGISTERED));
        assertEquals(2356L, p.count(Field.BALLOTS_RECEIVED));
        assertEquals(0L, p.count(Field.BALLOTS_ISSUED_EARLY));
        assertEquals(1614L, p.count(Field.BALLOTS_ISSUED_IN_STATION));
        assertEquals(182L, p.count(Field.BALLOTS_ISSUED_OUTSIDE));
        assertEquals(560L, p.count(Field.BALLOTS_CANCELLED));
        assertEquals(182L, p.count(Field.BALLOTS_IN_PORTABLE_BOXES));
        assertEquals(1614L, p.count(Field.BALLOTS_IN_STATIONARY_BOXES));
        assertEquals(4L, p.count(Field.INVALID));
        assertEquals(1792L, p.count(Field.VALID));
        assertEquals(0L, p.count(Field.BALLOTS_LOST));
        assertEquals(0L, p.count(Field.BALLOTS_UNACCOUNTED));
        Map<String, Long> votes = new LinkedHashMap<>();
        votes.put("1. Политическая партия СПРАВЕДЛИВАЯ РОССИЯ", 36L);
        votes.put("2. Политическая партия \"Либерально-демократическая партия России\"", 13L);
        votes.put("3. Политическая партия \"ПАТРИОТЫ РОССИИ\"", 7L);
        votes.put("4. Политическая партия \"Коммунистическая партия Российской Федерации\"", 472L);
        votes.put("5. Политическая партия \"Российская объединенная демократическая партия \"ЯБЛОКО\"", 16L);
        votes.put("6. Всероссийская политическая партия \"ЕДИНАЯ РОССИЯ\"", 1242L);
        votes.put("7. Всероссийская политическая партия \"ПРАВОЕ ДЕЛО\"", 6L);
        assertEquals(votes, p.votes());
        assertEquals(7, p.votes().size());
        assertFalse(p.votes().containsKey("url"));
        assertEquals("http://www.vybory.izbirkom.ru/region/izbirkom?action=show&global=true&root=12000001"
                + "&tvd=2012000183551&vrn=100100028713299&prver=0&pronetvd=null&region=0&sub_region=99&type=233"
                + "&vibid=2012000183551", p.text(Field.DOCUMENT_REF));
        assertNull(p.get(Field.SPECIAL));
    }

    @Test
    void ru2018FirstStation() throws Exception {
        Converted c = first(TestData.shared("ru-cec/2018.csv.zip"), ru("ru-2018-president"), 1).get(0);
        // line 2: Республика Адыгея (Адыгея),1 Адыгейская,1,2256,2181,0,2107,62,12,62,2107,3,2166,0,0,
        // 0,137,32,1977,14,0,1,5,http://...vibid=2012000364371
        assertEquals(2, c.record().line());
        ProtocolRecord p = c.only();
        assertEquals("1", p.text(Field.PRECINCT));
        assertEquals(2256L, p.count(Field.REGISTERED));
        assertEquals(2107L, p.count(Field.BALLOTS_ISSUED_IN_STATION));
        assertEquals(62L, p.count(Field.BALLOTS_ISSUED_OUTSIDE));
        assertEquals(2107L, p.count(Field.BALLOTS_IN_STATIONARY_BOXES));
        assertEquals(3L, p.count(Field.INVALID));
        assertEquals(2166L, p.count(Field.VALID));
        Map<String, Long> votes = new LinkedHashMap<>();
        votes.put("Бабурин Сергей Николаевич", 0L);
        votes.put("Грудинин Павел Николаевич", 137L);
        votes.put("Жириновский Владимир Вольфович", 32L);
        votes.put("Путин Владимир Владимирович", 1977L);
        votes.put("Собчак Ксения Анатольевна", 14L);
        votes.put("Сурайкин Максим Александрович", 0L);
        votes.put("Титов Борис Юрьевич", 1L);
        votes.put("Явлинский Григорий Алексеевич", 5L);
        assertEquals(votes, p.votes());
        assertEquals(8, p.votes().size());
        assertEquals("http://www.vybory.izbirkom.ru/region/izbirkom?action=show&global=true&root=12000009"
                + "&tvd=2012000364371&vrn=100100084849062&prver=0&pronetvd=0&region=99&sub_region=99&type=227"
                + "&vibid=2012000364371", p.text(Field.DOCUMENT_REF));
        assertEquals("ru-2018-president", p.text(Field.ELECTION));
    }

    @Test
    void ru2024FirstStation() throws Exception {
        Converted c = first(TestData.shared("ru-cec/2024.csv.zip"), ru("ru-2024-president"), 1).get(0);
        // line 2: Алтайский край,Алейская,УИК №554,526,550,0,199,187,164,187,199,1,385,0,0,7,339,16,23 (no url)
        ProtocolRecord p = c.only();
        assertEquals("Алтайский край", p.text(Field.REGION));
        assertEquals("Алейская", p.text(Field.DISTRICT));
        assertEquals("554", p.text(Field.PRECINCT));
        assertEquals(526L, p.count(Field.REGISTERED));
        assertEquals(550L, p.count(Field.BALLOTS_RECEIVED));
        assertEquals(164L, p.count(Field.BALLOTS_CANCELLED));
        assertEquals(1L, p.count(Field.INVALID));
        assertEquals(385L, p.count(Field.VALID));
        assertEquals(Map.of("Даванков Владислав Андреевич", 7L, "Путин Владимир Владимирович", 339L,
                "Слуцкий Леонид Эдуардович", 16L, "Харитонов Николай Михайлович", 23L), p.votes());
        assertNull(p.get(Field.DOCUMENT_REF));
    }

    @Test
    void ruAbroadStations() throws Exception {
        // first abroad station of each file, found with python's csv module:
        // 2011 line 40689: Зарубежная территория,98 Город Байконур (Республика Казахстан),5348,2422,...
        Converted y2011 = find(TestData.shared("ru-cec/2011.csv.zip"), ru("ru-2011-duma"),
                r -> r.cells().get(0).equals("Зарубежная территория"));
        assertEquals(40689, y2011.record().line());
        ProtocolRecord p11 = y2011.only();
        assertEquals("abroad", p11.text(Field.SPECIAL));
        assertEquals("Зарубежная территория", p11.text(Field.REGION));
        assertEquals("5348", p11.text(Field.PRECINCT));
        assertEquals(2422L, p11.count(Field.REGISTERED));

        // 2018 line 97308: 99 Территория за пределами РФ,99 Территория за пределами РФ,8000,5297,11000,...
        Converted y2018 = find(TestData.shared("ru-cec/2018.csv.zip"), ru("ru-2018-president"),
                r -> r.cells().get(0).startsWith("99 "));
        assertEquals(97308, y2018.record().line());
        ProtocolRecord p18 = y2018.only();
        assertEquals("abroad", p18.text(Field.SPECIAL));
        assertEquals("Территория за пределами РФ", p18.text(Field.REGION));
        assertEquals("8000", p18.text(Field.PRECINCT));
        assertEquals(5297L, p18.count(Field.REGISTERED));
        assertEquals(4779L, p18.votes().get("Путин Владимир Владимирович"));

        // 2024 line 77721: Территория за пределами РФ,УИК №8000,УИК №8000,2781,5000,73,...
        Converted y2024 = find(TestData.shared("ru-cec/2024.csv.zip"), ru("ru-2024-president"),
                r -> r.cells().get(0).equals("Территория за пределами РФ"));
        assertEquals(77721, y2024.record().line());
        ProtocolRecord p24 = y2024.only();
        assertEquals("abroad", p24.text(Field.SPECIAL));
        assertEquals("8000", p24.text(Field.PRECINCT));
        assertEquals(2781L, p24.count(Field.REGISTERED));
    }

    @Test
    void ru2018WholeFileIsAccountedFor() throws Exception {
        // python: 97,700 newlines in 2018.csv, no quoted line breaks, 24 cells in every record, no empty cell,
        // so 97,699 data records; 393 of them in region "99 Территория за пределами РФ"
        long[] counts = new long[4]; // converted, rejected, abroad, last line
        List<String> reasons = new ArrayList<>();
        scan(TestData.shared("ru-cec/2018.csv.zip"), ru("ru-2018-president"), c -> {
            if (c.conversion().reason() == null) {
                assertEquals(1, c.conversion().protocols().size());
                counts[0]++;
                if ("abroad".equals(c.conversion().protocols().get(0).text(Field.SPECIAL))) {
                    counts[2]++;
                }
            } else {
                assertFalse(c.conversion().reason().isBlank());
                counts[1]++;
                if (reasons.size() < 5) {
                    reasons.add(c.record().line() + ": " + c.conversion().reason());
                }
            }
            counts[3] = c.record().line();
            return true;
        });
        assertEquals(97_699L, counts[0] + counts[1]);
        assertEquals(0L, counts[1], () -> "rejected: " + reasons);
        assertEquals(97_699L, counts[0]);
        assertEquals(393L, counts[2]);
        assertEquals(97_700L, counts[3]);
    }

    // ---------------------------------------------------------------- ge-2024

    private static Mapping ge(String mapping) throws MappingException {
        return load(mapping).withConstants(Map.of(Field.ELECTION, "ge-2024-parliament-proportional"));
    }

    @Test
    void geWebsiteFirstPrecinct() throws Exception {
        Path file = TestData.shared("ge-2024/cec_scrape_proportional.csv");
        // the file starts with a byte-order mark (EF BB BF) before "district_id"
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bom = in.readNBytes(3);
            assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bom[0], bom[1], bom[2]));
        }
        Converted c = first(file, ge("ge-2024-website.yaml"), 1).get(0);
        // line 2: district_id 01, district_alt_id "Tbilisi - 01 მთაწმინდა", division_id 00.01.01,
        // total_registered_voters 2511, participated_cec 1511, total_votes 1527, CAND41 629, CAND4 250, CAND5 108
        ProtocolRecord p = c.only();
        assertEquals("00.01.01", p.text(Field.PRECINCT));
        assertEquals("01", p.text(Field.DISTRICT));
        assertEquals("Tbilisi - 01 მთაწმინდა", p.text(Field.REGION));
        assertEquals(2511L, p.count(Field.REGISTERED));
        assertEquals(1511L, p.count(Field.BALLOTS_ISSUED));
        assertEquals(1527L, p.count(Field.VALID));
        assertEquals(629L, p.votes().get("Georgian Dream"));
        assertEquals(250L, p.votes().get("Coalition for Change"));
        assertEquals(108L, p.votes().get("United National Movement"));
        assertEquals(199L, p.votes().get("Strong Georgia"));
        assertEquals(162L, p.votes().get("Gakharia For Georgia"));
        assertEquals(4L, p.votes().get("CAND3"));
        assertEquals(18, p.votes().size()); // CAND3 ... CAND41: 18 columns
        assertFalse(p.votes().containsKey("CAND41"));
        assertNull(p.get(Field.SPECIAL)); // is_abroad False
        assertEquals("official", p.text(Field.SOURCE));
        assertEquals("https://results.cec.gov.ge/#/ka-ge/election_57/el/prot/6d1f8e5f-a5f7-4ce5-a286-a903a1e70acf",
                p.text(Field.DOCUMENT_REF));
    }

    @Test
    void geWebsiteAbroad() throws Exception {
        // line 3045: 87,87 საზღვარგარეთი,00.87.01,...,is_abroad True, registered 0, participated_cec empty,
        // total_votes 749, CAND41 80
        Converted c = find(TestData.shared("ge-2024/cec_scrape_proportional.csv"), ge("ge-2024-website.yaml"),
                r -> r.cells().get(8).equals("True"));
        assertEquals(3045, c.record().line());
        ProtocolRecord p = c.only();
        assertEquals("abroad", p.text(Field.SPECIAL));
        assertEquals("00.87.01", p.text(Field.PRECINCT));
        assertNull(p.get(Field.BALLOTS_ISSUED)); // empty cell: not reported, not zero
        assertEquals(0L, p.count(Field.REGISTERED));
        assertEquals(749L, p.count(Field.VALID));
        assertEquals(80L, p.votes().get("Georgian Dream"));
    }

    @Test
    void geOcrFirstPrecinct() throws Exception {
        Converted c = first(TestData.shared("ge-2024/cec_scrape_proportional_electronic_ocr.csv"),
                ge("ge-2024-protocol-ocr.yaml"), 1).get(0);
        // line 2: 00.01.01, participated_ocr_electronic 1535, invalid_ballots_ocr_electronic 8, both confidences
        // 1.0; CAND3 "4.0", CAND41 "629.0", CAND23 "" and every CAND column after CAND41 "" (17 non-blank)
        ProtocolRecord p = c.only();
        assertEquals("ocr:foige", p.text(Field.SOURCE));
        assertEquals("00.01.01", p.text(Field.PRECINCT));
        assertEquals(2511L, p.count(Field.REGISTERED));
        assertEquals(1535L, p.count(Field.BALLOTS_ISSUED));
        assertEquals(8L, p.count(Field.INVALID));
        assertEquals(4L, p.votes().get("CAND3"));
        assertEquals(629L, p.votes().get("Georgian Dream"));
        assertFalse(p.votes().containsKey("CAND23"));
        assertFalse(p.votes().containsKey("CAND19"));
        assertEquals(17, p.votes().size());
        assertNull(p.get(Field.READING_CONFIDENCE), "the file gives no confidence of the whole protocol");
        assertEquals(Map.of("ballots_issued", 1.0, "invalid", 1.0), p.confidence());
    }

    @Test
    void geOcrConfidenceIsEachFiguresOwn() throws Exception {
        // every record of the file has both confidences 1.0 (python), so each figure's own is shown on a copy of
        // the first record with the two confidence cells changed
        Path file = TestData.shared("ge-2024/cec_scrape_proportional_electronic_ocr.csv");
        Mapping m = ge("ge-2024-protocol-ocr.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            DataFiles.Entry e = DataFiles.open(file.toString(), in, m.format()).next();
            List<String> header = DataFiles.header(e.reader(), m.format()).cells();
            assertEquals("district_id", header.get(0)); // BOM dropped
            BoundMapping bound = m.bind(header);
            CsvRecord r = e.reader().next();
            int part = header.indexOf("participated_ocr_confidence_electronic");
            int inv = header.indexOf("invalid_ballots_ocr_confidence_electronic");
            for (String[] pair : new String[][] {{"0.8", "0.6"}, {"0.55", "0.9"}, {"", "0.7"}}) {
                List<String> cells = new ArrayList<>(r.cells());
                cells.set(part, pair[0]);
                cells.set(inv, pair[1]);
                var conv = bound.convert(new CsvRecord(r.line(), cells, r.raw(), null));
                assertNull(conv.reason());
                Map<String, Double> expected = new TreeMap<>(Map.of("invalid", Double.parseDouble(pair[1])));
                if (!pair[0].isEmpty()) {
                    expected.put("ballots_issued", Double.parseDouble(pair[0]));
                }
                assertEquals(expected, conv.protocols().get(0).confidence(), "an empty cell gives no confidence");
            }
            // a confidence above 1 is a reason, naming the figure
            List<String> above = new ArrayList<>(r.cells());
            above.set(inv, "1.5");
            String reason = bound.convert(new CsvRecord(r.line(), above, r.raw(), null)).reason();
            assertTrue(reason.startsWith("confidence.invalid: "), reason);
            // a fractional vote is quarantined, not rounded
            List<String> cells = new ArrayList<>(r.cells());
            cells.set(header.indexOf("CAND41"), "629.5");
            var conv = bound.convert(new CsvRecord(r.line(), cells, r.raw(), null));
            assertNotNull(conv.reason());
            assertTrue(conv.reason().contains("CAND41") && conv.reason().contains("629.5"), conv.reason());
        }
    }
}
