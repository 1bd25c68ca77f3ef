package org.sanaq.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Region-name aliases, kept as data: a CSV with columns {@code alias,name}, one spelling per line mapped to the
 * name used across the job (Aqmola Region → Akmola Region).
 */
public final class RegionAliases {
    private RegionAliases() {
    }

    public static Map<String, String> load(Path file) throws IOException {
        Map<String, String> aliases = new LinkedHashMap<>();
        CsvRecordReader reader = new CsvRecordReader(
                new StringReader(Files.readString(file, StandardCharsets.UTF_8)), ',', '"', 100_000);
        CsvRecord header = reader.next();
        if (header == null || header.cells().size() < 2 || !header.cells().get(0).strip().equals("alias")) {
            throw new IOException("the first line must be 'alias,name'");
        }
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
            if (r.cells().size() < 2) {
                throw new IOException("line " + r.line() + " has no name after the alias");
            }
            aliases.put(r.cells().get(0).strip(), r.cells().get(1).strip());
        }
        return aliases;
    }
}
