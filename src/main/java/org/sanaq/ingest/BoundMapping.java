package org.sanaq.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolRecord;
import org.sanaq.schema.ProtocolRules;

/**
 * A mapping fitted to one file's header: turns each record into canonical protocols, or into the one reason it
 * cannot be used. Fitting compiles every field into a {@link Converter} over column positions once, so that a record
 * costs no lookup by name and no regular expression for a text that repeats the record before ({@link TextField}).
 * Pure Java, so that Spark tasks run it and tests call it directly; one serves the records of one file in one thread.
 */
public final class BoundMapping {
    private static final java.math.BigDecimal HUNDRED = java.math.BigDecimal.valueOf(100);

    /** The field and line rules of one unpivot value (or of the whole record when there is no unpivot). */
    record Variant(Map<Field, FieldRule.BoundField> fields, NamedRules lines, NamedRules confidence)
            implements Serializable {
    }

    /**
     * What a record became: its protocols, or why none could be made; {@code namesCleaned} when a name (a text
     * field or a candidate's) lost NUL or bidirectional control characters on the way, so the raw text is kept.
     */
    public record Conversion(List<ProtocolRecord> protocols, String reason, boolean namesCleaned) {
        static Conversion rejected(String reason) {
            return new Conversion(List.of(), reason, false);
        }
    }

    /** One field's value in a record; sets {@code cleaned[0]} when a name lost control characters on the way. */
    private interface Converter {
        Object value(List<String> cells, boolean[] cleaned) throws NumberFormat.NumberProblem;
    }

    /**
     * The fields of one {@link Variant} with their rules and converters, in the mapping's order, and its further
     * lines and figure confidences.
     */
    private record CompiledVariant(Field[] fields, FieldRule.BoundField[] rules, Converter[] converters,
            NamedRules lines, NamedRules confidence) {
    }

    private final Mapping mapping;
    private final int columns;
    private final List<CompiledVariant> variants = new ArrayList<>();
    private final CandidateRules.Bound candidates;
    private final MissingMarkers candidateMarkers;
    /** The name of each of {@code candidates.pairs()}, in the same order. */
    private final List<TextField> pairNames = new ArrayList<>();
    /** Whether a candidate's name in the header had control characters: then every record's names are cleaned. */
    private final boolean headerCleaned;

    BoundMapping(Mapping mapping, int columns, List<Variant> variants, CandidateRules.Bound candidates) {
        this.mapping = mapping;
        this.columns = columns;
        this.candidates = candidates;
        this.candidateMarkers = mapping.candidates().markers();
        this.headerCleaned = java.util.stream.Stream.concat(candidates.votes().stream(), candidates.pcts().stream())
                .anyMatch(c -> !c.header().equals(ControlCharacters.strip(c.header())));
        for (Variant variant : variants) {
            Field[] fields = variant.fields().keySet().toArray(Field[]::new);
            Converter[] converters = new Converter[fields.length];
            FieldRule.BoundField[] rules = new FieldRule.BoundField[fields.length];
            for (int k = 0; k < fields.length; k++) {
                rules[k] = variant.fields().get(fields[k]);
                converters[k] = converter(fields[k], rules[k]);
            }
            this.variants.add(new CompiledVariant(fields, rules, converters, variant.lines(), variant.confidence()));
        }
        for (CandidateRules.BoundPair pair : candidates.pairs()) {
            pairNames.add(new TextField(pair.name(), Map.of()));
        }
    }

    private Converter converter(Field field, FieldRule.BoundField rule) {
        NumberFormat numbers = mapping.numbers();
        return switch (field.kind()) {
            case COUNT -> (cells, cleaned) -> rule.count(cells, numbers);
            case FRACTION -> (cells, cleaned) -> rule.fraction(cells, numbers);
            case PERCENT -> (cells, cleaned) -> percent(rule.text(cells), numbers, null);
            case TIMESTAMP -> {
                TimestampField time = new TimestampField(rule);
                yield (cells, cleaned) -> time.value(cells);
            }
            case TEXT -> new TextField(rule, field == Field.REGION ? mapping.aliases() : Map.of())::value;
        };
    }

    public Mapping mapping() {
        return mapping;
    }

    /** The rules of each unpivot value (one map without unpivot), by field in the mapping's order. */
    List<Map<Field, FieldRule.BoundField>> rules() {
        List<Map<Field, FieldRule.BoundField>> out = new ArrayList<>();
        for (CompiledVariant variant : variants) {
            Map<Field, FieldRule.BoundField> rules = new java.util.LinkedHashMap<>();
            for (int k = 0; k < variant.fields().length; k++) {
                rules.put(variant.fields()[k], variant.rules()[k]);
            }
            out.add(rules);
        }
        return out;
    }

    /**
     * The further lines' and the figure confidences' rules of the first unpivot value, each by name (prefixed
     * {@code lines.} and {@code confidence.}), for {@link BindingReport}.
     */
    Map<String, FieldRule.BoundField> namedFigureRules() {
        Map<String, FieldRule.BoundField> out = new java.util.LinkedHashMap<>();
        CompiledVariant first = variants.get(0);
        for (NamedRules named : List.of(first.lines(), first.confidence())) {
            for (int k = 0; k < named.names().size(); k++) {
                out.put(named.key() + "." + named.names().get(k), named.rules().get(k));
            }
        }
        return out;
    }

    /** The candidates' columns and pairs of the header ({@link BindingReport}). */
    CandidateRules.Bound candidates() {
        return candidates;
    }

    /** Converts one data record. A record is used whole or quarantined whole. */
    public Conversion convert(CsvRecord record) {
        if (record.problem() != null) {
            return Conversion.rejected(record.problem());
        }
        List<String> cells = record.cells();
        if (cells.size() != columns) {
            return Conversion.rejected("the record has " + cells.size() + " cells where the header has " + columns);
        }
        List<ProtocolRecord> out = new ArrayList<>();
        boolean[] cleaned = {headerCleaned};
        for (CompiledVariant variant : variants) {
            try {
                ProtocolRecord protocol = protocol(variant, cells, cleaned);
                String invalid = ProtocolRules.whyUnusable(protocol);
                if (invalid != null) {
                    return Conversion.rejected(invalid + marker(invalid, variant, cells));
                }
                out.add(protocol);
            } catch (NumberFormat.NumberProblem e) {
                return Conversion.rejected(e.getMessage());
            }
        }
        return new Conversion(out, null, cleaned[0]);
    }

    /**
     * Where the field a reason says is missing was given as a missing-value marker: ": the column 'X' holds the
     * missing-value marker 'NA'"; "" when the reason is another.
     */
    private static String marker(String reason, CompiledVariant variant, List<String> cells) {
        for (int k = 0; k < variant.fields().length; k++) {
            String marked = variant.rules()[k].marked(cells);
            if (marked != null && reason.startsWith("missing " + variant.fields()[k].column())) {
                return ": " + marked;
            }
        }
        return "";
    }

    /** One protocol of a record; sets {@code cleaned[0]} when a name lost control characters. */
    private ProtocolRecord protocol(CompiledVariant variant, List<String> cells, boolean[] cleaned)
            throws NumberFormat.NumberProblem {
        EnumMap<Field, Object> values = new EnumMap<>(Field.class);
        NumberFormat numbers = mapping.numbers();
        for (int k = 0; k < variant.fields().length; k++) {
            Field field = variant.fields()[k];
            Object value;
            try {
                value = variant.converters()[k].value(cells, cleaned);
            } catch (NumberFormat.NumberProblem problem) {
                throw new NumberFormat.NumberProblem(field.column() + ": " + problem.getMessage());
            }
            if (value != null) {
                values.put(field, value);
            }
        }
        // in name order, as the protocol keeps them
        TreeMap<String, Long> votes = new TreeMap<>();
        TreeMap<String, String> pcts = new TreeMap<>();
        for (CandidateRules.NamedColumn c : candidates.votes()) {
            put(votes, c.candidate(), cells, c.index(), c.header());
        }
        for (CandidateRules.NamedColumn c : candidates.pcts()) {
            String pct = printed(cells.get(c.index()), numbers, c.header());
            if (pct != null) {
                pcts.put(c.candidate(), pct);
            }
        }
        for (int k = 0; k < pairNames.size(); k++) {
            CandidateRules.BoundPair pair = candidates.pairs().get(k);
            String name = pairNames.get(k).value(cells, cleaned);
            if (name == null) {
                if (unmarked(cells.get(pair.votes())) && numbers.parseCount(cells, pair.votes(), pair.votesHeader())
                        != null) {
                    throw new NumberFormat.NumberProblem("votes in '" + pair.votesHeader() + "' with no candidate name");
                }
                continue;
            }
            put(votes, name, cells, pair.votes(), pair.votesHeader());
            String pct = pair.pct() == null ? null : printed(cells.get(pair.pct()), numbers, name);
            if (pct != null) {
                pcts.put(name, pct);
            }
        }
        return new ProtocolRecord(values, votes, pcts,
                variant.lines().read(cells, numbers, FieldRule.BoundField::count),
                variant.confidence().read(cells, numbers, FieldRule.BoundField::fraction));
    }

    /**
     * Puts a candidate's count from a cell: an empty cell leaves the candidate out of the protocol, a missing-value
     * marker puts it in with a null count (on the ballot, its count unknown).
     */
    private void put(Map<String, Long> votes, String candidate, List<String> cells, int index, String header)
            throws NumberFormat.NumberProblem {
        boolean marked = !unmarked(cells.get(index));
        Long value = marked ? null : mapping.numbers().parseCount(cells, index, header);
        if (value == null && !marked) {
            return;
        }
        if (votes.containsKey(candidate)) {
            throw new NumberFormat.NumberProblem("candidate '" + candidate + "' appears twice in one record");
        }
        votes.put(candidate, value);
    }

    /** A candidate's printed percentage; null when not given (empty, or a missing-value marker). */
    private String printed(String cell, NumberFormat numbers, String whose) throws NumberFormat.NumberProblem {
        return unmarked(cell) ? percent(cell, numbers, whose) : null;
    }

    /** Whether a candidate's cell holds no missing-value marker. */
    private boolean unmarked(String cell) {
        return candidateMarkers.match(cell) == null;
    }

    /**
     * A printed percentage, kept with its decimals; a trailing % sign is dropped and the decimal mark made '.'. One
     * outside 0–100 cannot be a share or a turnout, so its record is quarantined ({@code whose}: the candidate).
     */
    private static String percent(String text, NumberFormat numbers, String whose) throws NumberFormat.NumberProblem {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        var value = numbers.parseDecimal(s);
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            throw new NumberFormat.NumberProblem((whose == null ? "" : whose + ": ") + "printed percentage "
                    + value.toPlainString() + " is outside 0–100");
        }
        return value == null ? null : value.toPlainString();
    }
}
