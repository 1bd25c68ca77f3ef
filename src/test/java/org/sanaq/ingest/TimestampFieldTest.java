package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.schema.Field;

/**
 * {@link TimestampField}: times with and without an offset, in runs and mixed, in one file; each record gets what
 * it would get alone: its text as written, or the reason it is no ISO 8601 date-time.
 */
class TimestampFieldTest {
    @TempDir
    Path dir;

    @Test
    void eachRecordsTimeIsCheckedWhateverFormTheRecordBeforeHad() throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, """
                constants: {election: e, source: official, level: precinct}
                fields: {region: r, precinct: p, registered: n, reported_at: {column: t}}
                candidates: {pattern: "^cand"}
                """, StandardCharsets.UTF_8);
        BoundMapping b = MappingLoader.load(file).bind(List.of("r", "p", "n", "t", "cand1"));
        List<String> got = new ArrayList<>();
        for (String time : List.of("2023-03-19T10:00+06:00", "2023-03-19T11:00+06:00", "2023-03-19T12:00",
                "2023-03-19T13:00:30", "2023-03-19T14:00Z", "2023-02-30T10:00", "19.03.2023 10:00", "")) {
            CsvRecord record = new CsvRecordReader(new StringReader("R,1,9," + time + ",4"), ',', '"', 100).next();
            BoundMapping.Conversion c = b.convert(record);
            got.add(c.reason() != null ? c.reason() : String.valueOf(c.protocols().get(0).text(Field.REPORTED_AT)));
        }
        assertEquals(List.of("2023-03-19T10:00+06:00", "2023-03-19T11:00+06:00", "2023-03-19T12:00",
                "2023-03-19T13:00:30", "2023-03-19T14:00Z",
                "reported_at: '2023-02-30T10:00' is not an ISO 8601 date-time",
                "reported_at: '19.03.2023 10:00' is not an ISO 8601 date-time",
                "null"), got);
    }
}
