package org.sanaq.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

/**
 * A mapping's {@code confidence:}: how sure a machine reading (OCR) of the protocol photo was of each figure, where
 * the data give it per figure (the Georgian OCR file gives one confidence for the turnout and one for the invalid
 * ballots, none for the votes). Each names a count field or one of the mapping's lines, read by a column rule as a
 * fraction from 0 to 1 into the protocol's {@link ProtocolSchema#CONFIDENCE} map. A figure with none takes the
 * protocol's {@code reading_confidence}, if any; a difference on a figure with no confidence at all is never
 * excused as a possible misreading.
 *
 * @param rules the rule of each figure's confidence, in name order
 */
public record FieldConfidences(Map<String, FieldRule> rules) implements Serializable {

    public FieldConfidences {
        rules = new TreeMap<>(rules);
    }

    /** Why {@code name} cannot name a figure with a confidence, in words, or null when it can. */
    static String whyNotAFigure(String name, Set<String> lines) {
        Field field = Field.byColumn(name);
        if ((field != null && field.kind() == Field.Kind.COUNT) || lines.contains(name)) {
            return null;
        }
        return "'" + name + "' is neither a count field nor one of the mapping's lines: a confidence belongs to a "
                + "figure the protocol reads";
    }

    /** These confidences with {@code {key}} replaced by {@code value} in their columns (for unpivoting). */
    FieldConfidences substitute(String key, String value) {
        Map<String, FieldRule> out = new TreeMap<>();
        rules.forEach((name, rule) -> out.put(name, rule.substitute(key, value)));
        return new FieldConfidences(out);
    }

    /** Resolves each confidence's columns against a header; an optional one whose column is absent is left out. */
    NamedRules bind(List<String> header, String file) throws MappingException {
        List<String> names = new ArrayList<>();
        List<FieldRule.BoundField> bound = new ArrayList<>();
        for (Map.Entry<String, FieldRule> e : rules.entrySet()) {
            FieldRule.BoundField rule = e.getValue().bind(header, file + ": confidence." + e.getKey());
            if (rule != null) {
                names.add(e.getKey());
                bound.add(rule);
            }
        }
        return new NamedRules("confidence", names, bound);
    }
}
