package org.sanaq.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.sanaq.schema.Field;

/**
 * The keys of a mapping that would be read and then change nothing in their combination: {@code normalize} on a
 * count, {@code minus} on a constant, {@code except} beside {@code pairs} alone, an {@code unpivot} key no rule
 * names. Each is refused by name, so that a
 * mapping never silently does less than it says.
 */
final class KeyEffects {
    /** The refusal of a key, saying where it has no effect ("on a count field", "beside a constant"). */
    static String noEffect(String where) {
        return "has no effect " + where + "; remove it";
    }

    /** The keys of a field rule that a field of each kind never reads. */
    private static final Map<Field.Kind, List<String>> UNREAD = Map.of(
            Field.Kind.COUNT, List.of("extract", "values", "otherwise", "normalize", "columns", "join"),
            Field.Kind.FRACTION, List.of("constant", "minus", "extract", "values", "otherwise", "normalize",
                    "columns", "join"),
            Field.Kind.PERCENT, List.of("sum_of", "min_of", "minus", "columns", "join"),
            Field.Kind.TIMESTAMP, List.of("sum_of", "min_of", "minus", "columns", "join"),
            Field.Kind.TEXT, List.of("sum_of", "min_of", "minus"));
    /** The keys a constant makes idle: it has no column to subtract from, to miss or to find a marker in. */
    private static final List<String> IDLE_BESIDE_CONSTANT = List.of("minus", "optional", "missing");

    private KeyEffects() {
    }

    /**
     * The first key of a field rule that has no effect on a field of {@code kind}, with why ("normalize: has no effect
     * on a count field; remove it"), or null.
     */
    static String ofRule(JsonNode rule, Field.Kind kind) {
        if (!rule.isObject()) {
            return null;
        }
        for (String key : UNREAD.get(kind)) {
            if (rule.has(key)) {
                return key + ": " + noEffect("on a " + kind.name().toLowerCase(Locale.ROOT) + " field");
            }
        }
        if (rule.has("constant")) {
            for (String key : IDLE_BESIDE_CONSTANT) {
                if (rule.has(key)) {
                    return key + ": " + noEffect("beside a constant");
                }
            }
        }
        return null;
    }

    /**
     * The first key of {@code candidates:} that has no effect, with why, or null: except and rename act on the
     * headers that pattern and after find, not on names in cells.
     */
    static String ofCandidates(JsonNode candidates) {
        boolean headerNames = candidates.has("pattern") || candidates.has("after");
        for (String key : List.of("except", "rename")) {
            if (candidates.has(key) && !headerNames) {
                return key + ": " + noEffect("without pattern or after");
            }
        }
        return null;
    }

    /** Whether some field rule names {@code {key}}, so that each unpivot value makes another row. */
    static boolean unpivots(Map<Field, FieldRule> fields, String key) {
        return fields.values().stream().anyMatch(rule -> !rule.substitute(key, "\u0001").equals(rule));
    }
}
