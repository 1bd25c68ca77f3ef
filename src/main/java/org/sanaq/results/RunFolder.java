package org.sanaq.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.sanaq.ingest.CsvRecord;
import org.sanaq.ingest.CsvRecordReader;

/**
 * The machine-readable part of a run folder (FORMATS.md "Out"): findings.json, metrics.csv, tables/*.csv and
 * manifest.json, written and read back. The report is rendered from what this class reads, so that
 * {@code sanaq render} rebuilds it without Spark.
 */
public final class RunFolder {
    public static final String FINDINGS = "findings.json";
    public static final String METRICS = "metrics.csv";
    public static final String MANIFEST = "manifest.json";
    public static final String TABLES = "tables";
    public static final String QUARANTINE = "quarantine.csv";
    /** Used records whose names had control characters removed, with their text as read. */
    public static final String NAMES_CLEANED = "names_cleaned.csv";
    private static final List<String> METRIC_COLUMNS = List.of("check", "scope", "subject", "metric", "value");

    /**
     * What findings.json holds: the findings, the charts the checks asked for, and the detail tables' titles by
     * table name (the CSV files hold only columns and rows; a run folder written before titles were kept has none,
     * and its tables are titled by name).
     */
    public record FindingsFile(List<Finding> findings, List<FigureSpec> figures, Map<String, String> tableTitles) {
    }

    /** A run folder's contents as values. */
    public record Contents(Manifest manifest, List<Finding> findings, List<Metric> metrics, List<FigureSpec> figures,
            Map<String, DetailTable> tables) {
    }

    private RunFolder() {
    }

    public static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    public static void write(Path dir, Contents contents) throws IOException {
        Files.createDirectories(dir.resolve(TABLES));
        ObjectMapper json = json();
        Map<String, String> titles = new java.util.TreeMap<>();
        contents.tables().values().forEach(t -> titles.put(t.name(), t.title()));
        json.writeValue(dir.resolve(FINDINGS).toFile(), new FindingsFile(contents.findings(), contents.figures(),
                titles));
        json.writeValue(dir.resolve(MANIFEST).toFile(), contents.manifest());
        try (Writer out = Files.newBufferedWriter(dir.resolve(METRICS), StandardCharsets.UTF_8)) {
            SafeCsv.writeRow(out, METRIC_COLUMNS);
            for (Metric m : contents.metrics()) {
                // A value that could not be computed (NaN, infinite) is left out: metrics.csv holds numbers only.
                if (Double.isFinite(m.value())) {
                    SafeCsv.writeRow(out, List.of(m.check(), m.scope(), m.subject(), m.metric(), number(m.value())));
                }
            }
        }
        for (DetailTable table : contents.tables().values()) {
            if (!table.name().matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
                // A table's name becomes a file name: it must never reach outside tables/.
                throw new IllegalArgumentException("a detail table may not be named '" + table.name() + "'");
            }
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(TABLES).resolve(table.name() + ".csv"),
                    StandardCharsets.UTF_8)) {
                SafeCsv.writeRow(out, table.columns());
                for (List<String> row : table.rows()) {
                    SafeCsv.writeRow(out, row);
                }
            }
        }
    }

    public static Contents read(Path dir) throws IOException {
        ObjectMapper json = json();
        FindingsFile findings = json.readValue(dir.resolve(FINDINGS).toFile(), FindingsFile.class);
        Manifest manifest = json.readValue(dir.resolve(MANIFEST).toFile(), Manifest.class);
        List<Metric> metrics = new ArrayList<>();
        for (List<String> row : readCsv(dir.resolve(METRICS)).rows()) {
            metrics.add(new Metric(row.get(0), row.get(1), row.get(2), row.get(3), Double.parseDouble(row.get(4))));
        }
        Map<String, DetailTable> tables = new LinkedHashMap<>();
        Path tableDir = dir.resolve(TABLES);
        if (Files.isDirectory(tableDir)) {
            try (Stream<Path> files = Files.list(tableDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    DetailTable t = readCsv(f);
                    String title = findings.tableTitles() == null ? null : findings.tableTitles().get(t.name());
                    tables.put(t.name(), title == null ? t : new DetailTable(t.name(), title, t.columns(), t.rows()));
                }
            }
        }
        return new Contents(manifest, findings.findings(), metrics, findings.figures(), tables);
    }

    /** Reads a CSV this class wrote; the table's name is the file name without .csv, its title the name. */
    public static DetailTable readCsv(Path file) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)),
                ',', '"', Integer.MAX_VALUE);
        CsvRecord header = reader.next();
        List<List<String>> rows = new ArrayList<>();
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
            rows.add(r.cells().stream().map(RunFolder::undefuse).toList());
        }
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        return new DetailTable(name, name,
                header == null ? List.of() : header.cells().stream().map(RunFolder::undefuse).toList(), rows);
    }

    /** Plain decimal text for a metric value: integers without a decimal point, others in full precision. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String undefuse(String cell) {
        return SafeCsv.undefuse(cell);
    }

    /** Reads a JSON value of a generic type (used for the manifest's free-form parts). */
    public static <T> T readJson(String text, TypeReference<T> type) throws IOException {
        return json().readValue(text, type);
    }
}
