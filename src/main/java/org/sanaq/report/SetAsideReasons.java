package org.sanaq.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sanaq.ingest.CsvRecord;
import org.sanaq.ingest.CsvRecordReader;
import org.sanaq.results.RunFolder;
import org.sanaq.results.SafeCsv;

/**
 * The commonest reasons a run set rows aside, read from its quarantine.csv ({@code input,file,line,reason,raw}) in
 * one streaming pass, for the first page of a run that could use nothing. Bounded whatever the file's size: at most
 * {@link #DISTINCT} different reasons are counted, and the {@link #SHOWN} commonest are given.
 */
final class SetAsideReasons {
    static final int SHOWN = 5;
    private static final int DISTINCT = 10_000;
    private static final int REASON_COLUMN = 3;

    private SetAsideReasons() {
    }

    /** "reason (n rows)" for the commonest reasons, most rows first; empty when the run folder has no quarantine. */
    static List<String> top(Path runFolder, Wording words) throws IOException {
        Path file = runFolder.resolve(RunFolder.QUARANTINE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Map<String, Long> counts = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRecordReader reader = new CsvRecordReader(in, ',', '"', 1 << 20);
            reader.next(); // the header
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                if (r.cells().size() <= REASON_COLUMN) {
                    continue;
                }
                String reason = SafeCsv.undefuse(r.cells().get(REASON_COLUMN));
                if (counts.size() < DISTINCT || counts.containsKey(reason)) {
                    counts.merge(reason, 1L, Long::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(SHOWN).map(e -> words.get("nothing_used.count", ShownText.words(e.getKey()), e.getValue()))
                .toList();
    }
}
