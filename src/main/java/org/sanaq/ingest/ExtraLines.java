package org.sanaq.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

/**
 * A mapping's {@code lines:}: further named lines of the protocol that no canonical field names (absentee
 * certificates, lines a country adds), each read by a column rule as a count field is read, into the protocol's
 * {@link ProtocolSchema#LINES} map. A name is a lower-case identifier that is not a canonical field. A number that
 * is not a whole non-negative count quarantines the record, as for count fields; an empty cell, or an optional
 * column the file lacks, leaves the line out of that protocol (not reported). A line may not read a column that a
 * count field, another line or a candidate reads: one figure counted under two names would make relations over
 * them hold or break by construction.
 *
 * @param rules the rule of each line, in name order
 */
public record ExtraLines(Map<String, FieldRule> rules) implements Serializable {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public ExtraLines {
        rules = new TreeMap<>(rules);
    }

    /** The lines' names, in order. */
    public Set<String> names() {
        return rules.keySet();
    }

    /** Why {@code name} cannot name an extra line, in words, or null when it can. */
    static String whyNotAName(String name) {
        if (!NAME.matcher(name).matches()) {
            return "a line's name is a lower-case identifier: a letter a–z, then letters a–z, digits or _";
        }
        if (Field.byColumn(name) != null) {
            return "'" + name + "' is a canonical field: map it under fields, or give the line another name";
        }
        return null;
    }

    /** These lines with {@code {key}} replaced by {@code value} in their columns (for unpivoting). */
    ExtraLines substitute(String key, String value) {
        Map<String, FieldRule> out = new TreeMap<>();
        rules.forEach((name, rule) -> out.put(name, rule.substitute(key, value)));
        return new ExtraLines(out);
    }

    /**
     * Resolves each line's columns against a header, refusing a line whose one column a count field, another line
     * or a candidate also reads; an optional line whose column is absent is left out.
     */
    NamedRules bind(List<String> header, String file, Map<Field, FieldRule.BoundField> fields,
            CandidateRules.Bound candidates) throws MappingException {
        Map<Integer, String> readers = new TreeMap<>();
        fields.forEach((field, rule) -> {
            if (field.kind() != Field.Kind.TEXT && single(rule)) {
                readers.put(rule.origin().get(0), "fields." + field.column());
            }
        });
        candidates.votes().forEach(c -> readers.put(c.index(), "candidates (add it to candidates.except)"));
        Map<String, FieldRule.BoundField> bound = new LinkedHashMap<>();
        for (Map.Entry<String, FieldRule> e : rules.entrySet()) {
            String key = "lines." + e.getKey();
            FieldRule.BoundField rule = e.getValue().bind(header, file + ": " + key);
            if (rule == null) {
                continue;
            }
            if (single(rule)) {
                String other = readers.putIfAbsent(rule.origin().get(0), key);
                if (other != null) {
                    throw new MappingException(file + ": " + key + ": reads the column '"
                            + ColumnSelector.clean(header.get(rule.origin().get(0))) + "', which " + other
                            + " also reads; point each at its own column");
                }
            }
            bound.put(e.getKey(), rule);
        }
        return new NamedRules("lines", new ArrayList<>(bound.keySet()), new ArrayList<>(bound.values()));
    }

    /** Whether a rule takes one column as it stands (no constant, sum or difference). */
    private static boolean single(FieldRule.BoundField rule) {
        return rule.constant() == null && rule.origin().size() == 1 && rule.minus().isEmpty();
    }
}
