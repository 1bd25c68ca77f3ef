package org.sanaq.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.TreeMap;

/**
 * Figures a mapping names beside the canonical fields, fitted to one header: the further protocol lines
 * ({@link ExtraLines}) and the figures' own reading confidences ({@link FieldConfidences}). Names and rules are in
 * the same order; {@code key} is the mapping key they come from, which a problem of one record names
 * ({@code lines.absentee_lost: …}, {@code confidence.invalid: …}).
 */
record NamedRules(String key, List<String> names, List<FieldRule.BoundField> rules) implements Serializable {

    /** How one rule's value is read from a record: as a count, or as a fraction. */
    interface Reading<T> {
        T read(FieldRule.BoundField rule, List<String> cells, NumberFormat numbers) throws NumberFormat.NumberProblem;
    }

    /** One record's values, in name order; a figure with no value (empty, or marked missing) is left out. */
    <T> TreeMap<String, T> read(List<String> cells, NumberFormat numbers, Reading<T> reading)
            throws NumberFormat.NumberProblem {
        TreeMap<String, T> out = new TreeMap<>();
        for (int k = 0; k < names.size(); k++) {
            T value;
            try {
                value = reading.read(rules.get(k), cells, numbers);
            } catch (NumberFormat.NumberProblem problem) {
                throw new NumberFormat.NumberProblem(key + "." + names.get(k) + ": " + problem.getMessage());
            }
            if (value != null) {
                out.put(names.get(k), value);
            }
        }
        return out;
    }
}
