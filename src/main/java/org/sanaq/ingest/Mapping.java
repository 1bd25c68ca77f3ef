package org.sanaq.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sanaq.schema.Field;

/**
 * A mapping file, loaded and checked: how to read one published layout into the canonical protocol table.
 * The language is documented in the README ("Writing a mapping"); {@link MappingLoader} reads it from YAML.
 *
 * @param name         the mapping's name, for messages and the manifest
 * @param file         where the mapping was loaded from
 * @param format       the text format of the data files
 * @param numbers      how counts and percentages are written
 * @param fields       how each canonical field is filled
 * @param candidates   how candidate columns are found
 * @param aliases      region names as published mapped to one spelling
 * @param unpivot      for wide-over-time tables: one output row per value of a key (empty for one row per record)
 * @param sharedColumns the fields that may read the same column ({@code shared_columns}; see {@link SharedColumns})
 * @param lines        further named lines of the protocol ({@code lines:}; see {@link ExtraLines})
 * @param confidence   the reading confidence of single figures ({@code confidence:}; see {@link FieldConfidences})
 */
public record Mapping(String name, String file, TextFormat format, NumberFormat numbers, Map<Field, FieldRule> fields,
        CandidateRules candidates, Map<String, String> aliases, Unpivot unpivot, Set<Field> sharedColumns,
        ExtraLines lines, FieldConfidences confidence) implements Serializable {

    /** The text layout of a data file. {@code headerLine} is 1-based; lines above it are skipped. */
    public record TextFormat(String encoding, char separator, char quote, int headerLine, String zipEntry)
            implements Serializable {
    }

    /** One output row per value: {@code {key}} in column names and constants is replaced by each value. */
    public record Unpivot(String key, List<String> values) implements Serializable {
        public static final Unpivot NONE = new Unpivot(null, List.of());
    }

    public Mapping {
        fields = fields.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(fields);
        aliases = Map.copyOf(aliases);
        sharedColumns = sharedColumns.isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(sharedColumns);
    }

    /** This mapping with some fields set to constants (a job's input may name its own source or election). */
    public Mapping withConstants(Map<Field, String> constants) {
        Map<Field, FieldRule> merged = new EnumMap<>(Field.class);
        merged.putAll(fields);
        constants.forEach((f, v) -> merged.put(f, FieldRule.constant(v)));
        return new Mapping(name, file, format, numbers, merged, candidates, aliases, unpivot, sharedColumns,
                lines, confidence);
    }

    /** Resolves every column of the mapping against a file's header; the errors name the mapping key. */
    public BoundMapping bind(List<String> header) throws MappingException {
        List<Map<String, String>> variants = new ArrayList<>();
        if (unpivot.key() == null) {
            variants.add(Map.of());
        } else {
            for (String value : unpivot.values()) {
                variants.add(Map.of(unpivot.key(), value));
            }
        }
        // fields first, so that a file missing a field's column is told so before anything about its candidates
        List<Map<Field, FieldRule.BoundField>> boundFields = new ArrayList<>();
        for (Map<String, String> variant : variants) {
            Map<Field, FieldRule.BoundField> variantFields = new LinkedHashMap<>();
            for (Map.Entry<Field, FieldRule> e : fields.entrySet()) {
                FieldRule rule = e.getValue();
                for (Map.Entry<String, String> sub : variant.entrySet()) {
                    rule = rule.substitute(sub.getKey(), sub.getValue());
                }
                FieldRule.BoundField boundField = rule.bind(header, file + ": fields." + e.getKey().column());
                if (boundField != null) {
                    variantFields.put(e.getKey(), boundField);
                }
            }
            SharedColumns.refuse(variantFields, header, sharedColumns, file);
            boundFields.add(variantFields);
        }
        CandidateRules.Bound boundCandidates = candidates.bind(header, file + ": candidates");
        List<BoundMapping.Variant> bound = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            ExtraLines variantLines = lines;
            FieldConfidences variantConfidence = confidence;
            for (Map.Entry<String, String> sub : variants.get(v).entrySet()) {
                variantLines = variantLines.substitute(sub.getKey(), sub.getValue());
                variantConfidence = variantConfidence.substitute(sub.getKey(), sub.getValue());
            }
            bound.add(new BoundMapping.Variant(boundFields.get(v),
                    variantLines.bind(header, file, boundFields.get(v), boundCandidates),
                    variantConfidence.bind(header, file)));
        }
        return new BoundMapping(this, header.size(), bound, boundCandidates);
    }
}
