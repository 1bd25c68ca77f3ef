package org.sanaq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolRecord;

/**
 * What {@code sanaq validate} shows of an input, so that a wrong binding shows before a run: for its first data
 * file (and every later one whose header differs), each canonical field and what it is bound to (a column, a
 * constant, joined columns, a sum, the smallest of columns, with the steps after), the candidates found (name ←
 * header), the columns no rule reads, and the first {@link #ROWS} records as the canonical table would hold them,
 * or the reason each would be quarantined. Local files only; no Spark.
 */
public final class BindingReport {
    /** How many canonical rows (or quarantined records) of a file are shown. */
    static final int ROWS = 5;

    private final InputSpec input;
    private final PrintStream out;

    private BindingReport(InputSpec input, PrintStream out) {
        this.input = input;
        this.out = out;
    }

    /** Prints the listing of one input; a data file that cannot be read is said in its place. */
    public static void print(InputSpec input, PrintStream out) {
        new BindingReport(input, out).print();
    }

    private void print() {
        Mapping m = input.mapping();
        out.println("input '" + input.id() + "' (mapping " + m.name() + ")");
        List<String> shownHeader = null;
        List<String> same = new ArrayList<>();
        for (int i = 0; i < input.files().size(); i++) {
            String file = input.files().get(i);
            String name = input.names().get(i);
            if (DataFiles.isRemote(file)) {
                out.println("  " + name + ": not read here (a remote file)");
                continue;
            }
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                DataFiles.Entries entries = DataFiles.open(name, in, m.format());
                for (DataFiles.Entry e = entries.next(); e != null; e = entries.next()) {
                    CsvRecord header = DataFiles.header(e.reader(), m.format());
                    List<String> cells = header == null ? List.of() : header.cells();
                    if (cells.equals(shownHeader)) {
                        same.add(e.name());
                        continue;
                    }
                    shownHeader = cells;
                    entry(e, header);
                    // the rest of an entry is not read: a zip moves on to its next entry by itself
                }
            } catch (IOException | RuntimeException e) {
                out.println("  " + name + ": cannot be read: " + e.getMessage());
            }
        }
        if (!same.isEmpty()) {
            out.println("  " + same.size() + " more file(s) with the same header: " + String.join(", ", same));
        }
    }

    private void entry(DataFiles.Entry e, CsvRecord header) throws IOException {
        out.println("  " + e.name() + (header == null ? "" : " (header on line " + header.line() + ")"));
        if (header == null) {
            out.println("    the file is empty: it has no header line");
            return;
        }
        BoundMapping bound;
        try {
            bound = input.mapping().bind(header.cells());
        } catch (MappingException m) {
            out.println("    the header does not fit the mapping: " + m.getMessage());
            return;
        }
        List<String> columns = header.cells().stream().map(ColumnSelector::clean).toList();
        TreeSet<Integer> used = new TreeSet<>();
        fields(bound, columns, used);
        namedFigures(bound, columns, used);
        candidates(bound.candidates(), used);
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!used.contains(i)) {
                unused.add(column(columns, i));
            }
        }
        out.println("    columns left unused (" + unused.size() + ")" + (unused.isEmpty() ? "" : ": "
                + String.join(", ", unused)));
        rows(bound, e.reader());
    }

    private void fields(BoundMapping bound, List<String> columns, TreeSet<Integer> used) {
        List<Map<Field, FieldRule.BoundField>> variants = bound.rules();
        // every unpivot value reads its own columns: all of them are used, the first value's are shown
        variants.forEach(v -> v.values().forEach(rule -> describe(rule, columns, used)));
        Map<Field, FieldRule.BoundField> rules = variants.get(0);
        Mapping.Unpivot unpivot = input.mapping().unpivot();
        out.println("    fields" + (unpivot.key() == null ? "" : " (for " + unpivot.key() + " = " + unpivot.values()
                .get(0) + ", the first of " + unpivot.values().size() + " values unpivoted)") + ":");
        int width = java.util.Arrays.stream(Field.values()).mapToInt(f -> f.column().length()).max().orElse(0);
        for (Field field : Field.values()) {
            FieldRule.BoundField rule = rules.get(field);
            String binding = rule != null ? describe(rule, columns, used)
                    : input.mapping().fields().containsKey(field) ? "absent from the file (optional: not reported)"
                    : null;
            if (binding != null) {
                out.printf("      %-" + width + "s ← %s%n", field.column(), binding);
            }
        }
    }

    /** The further lines and figure confidences, each with what it is bound to; none listed when there are none. */
    private void namedFigures(BoundMapping bound, List<String> columns, TreeSet<Integer> used) {
        Map<String, FieldRule.BoundField> rules = bound.namedFigureRules();
        if (rules.isEmpty()) {
            return;
        }
        out.println("    lines and confidences:");
        int width = rules.keySet().stream().mapToInt(String::length).max().orElse(0);
        rules.forEach((name, rule) -> out.printf("      %-" + width + "s ← %s%n", name, describe(rule, columns,
                used)));
    }

    /** What a field is bound to, in words; marks its columns used. */
    private static String describe(FieldRule.BoundField rule, List<String> columns, TreeSet<Integer> used) {
        used.addAll(rule.origin());
        used.addAll(rule.minus());
        StringBuilder s = new StringBuilder();
        String origin = rule.origin().stream().map(i -> column(columns, i)).collect(Collectors.joining(", "));
        if (rule.constant() != null) {
            s.append("constant '").append(rule.constant()).append("'");
        } else if (rule.join() != null) {
            s.append("columns ").append(origin).append(" joined with '").append(rule.join()).append("'");
        } else if (rule.takeMinimum()) {
            s.append("the smallest of ").append(origin);
        } else if (rule.origin().size() > 1) {
            s.append("the sum of ").append(origin);
        } else {
            s.append("column ").append(origin);
        }
        if (!rule.minus().isEmpty()) {
            s.append(" minus ").append(rule.minus().stream().map(i -> column(columns, i))
                    .collect(Collectors.joining(", ")));
        }
        if (rule.extract() != null) {
            s.append(", extract /").append(rule.extract().pattern()).append("/");
        }
        if (!rule.values().isEmpty() || rule.otherwise() != null) {
            s.append(", values ").append(rule.values()).append(rule.otherwise() == null ? ""
                    : " otherwise '" + rule.otherwise() + "'");
        }
        if (rule.normalize() != null) {
            s.append(", normalize ").append(rule.normalize());
        }
        if (rule.constant() == null && !rule.missing().markers().isEmpty()) {
            s.append(", missing ").append(rule.missing());
        }
        return s.toString();
    }

    private void candidates(CandidateRules.Bound candidates, TreeSet<Integer> used) {
        out.println("    candidates (" + (candidates.votes().size() + candidates.pairs().size()) + ")"
                + (candidates.votes().isEmpty() && candidates.pairs().isEmpty() ? "" : ":"));
        for (CandidateRules.NamedColumn c : candidates.votes()) {
            used.add(c.index());
            out.println("      " + c.candidate() + " ← '" + c.header() + "'");
        }
        for (CandidateRules.BoundPair pair : candidates.pairs()) {
            used.add(pair.votes());
            used.addAll(pair.name().origin());
            if (pair.pct() != null) {
                used.add(pair.pct());
            }
            out.println("      (the name in " + pair.name().originNames().stream().map(n -> "'" + n + "'")
                    .collect(Collectors.joining(", ")) + ") ← '" + pair.votesHeader() + "'");
        }
        if (!candidates.pcts().isEmpty()) {
            out.println("    printed percentages (" + candidates.pcts().size() + "):");
            for (CandidateRules.NamedColumn c : candidates.pcts()) {
                used.add(c.index());
                out.println("      " + c.candidate() + " ← '" + c.header() + "'");
            }
        }
    }

    private void rows(BoundMapping bound, CsvRecordReader reader) throws IOException {
        out.println("    first rows, as the canonical table holds them:");
        int shown = 0;
        for (CsvRecord r = reader.next(); r != null && shown < ROWS; r = reader.next()) {
            BoundMapping.Conversion c = bound.convert(r);
            if (c.reason() != null) {
                out.println("      line " + r.line() + ": quarantined: " + c.reason());
                shown++;
            }
            for (ProtocolRecord p : c.protocols().subList(0, Math.min(c.protocols().size(), ROWS - shown))) {
                out.println("      line " + r.line() + ": " + canonical(p));
                shown++;
            }
        }
        if (shown == 0) {
            out.println("      (none: the file has no record after its header)");
        }
    }

    /**
     * A protocol as field=value pairs in canonical order, then its votes, printed percentages, lines and figure
     * confidences.
     */
    static String canonical(ProtocolRecord p) {
        List<String> parts = new ArrayList<>();
        for (Field f : Field.values()) {
            if (p.get(f) != null) {
                parts.add(f.column() + "=" + p.get(f));
            }
        }
        parts.add("votes=" + p.votes());
        if (!p.publishedPct().isEmpty()) {
            parts.add("published_pct=" + p.publishedPct());
        }
        if (!p.lines().isEmpty()) {
            parts.add("lines=" + p.lines());
        }
        if (!p.confidence().isEmpty()) {
            parts.add("confidence=" + p.confidence());
        }
        return String.join(" ", parts);
    }

    /** A column in the listing: its 1-based position and its header. */
    private static String column(List<String> columns, int index) {
        return (index + 1) + " '" + columns.get(index) + "'";
    }
}
