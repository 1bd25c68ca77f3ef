package org.sanaq.checks.integrity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.try_element_at;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.spark.sql.Column;
import org.sanaq.ingest.YamlFiles;
import org.sanaq.run.SpecException;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;
import org.sanaq.text.Messages;

/**
 * A control relation a job declares in {@code protocol_integrity.relations}, over canonical count fields and the
 * extra lines its mappings name ({@code lines:}):
 * <pre>
 * relations:
 *   - {id: absentee_balance, left: [absentee_received], right: [absentee_issued_to_voters, absentee_cancelled],
 *      kind: balance, description: "…"}
 * </pre>
 * Each side is the sum of its names; {@code kind} is {@code balance} (the sides are equal), {@code at_most} (left ≤
 * right) or {@code at_least} (left ≥ right). It is counted as the built-in relations are ({@link ControlRelation}):
 * where the protocol reports every name of both sides. The words are the job's {@code description} (one text, or
 * one per report language), else made from the names ({@code protocol_integrity.declared.<kind>}).
 *
 * @param description the job's words by report language; a language it lacks gets words made from the names
 */
record DeclaredRelation(String id, List<String> left, List<String> right, ControlRelation.Kind kind,
        Map<String, String> description) implements Serializable {
    private static final Set<String> KEYS = Set.of("id", "left", "right", "kind", "description");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    DeclaredRelation {
        left = List.copyOf(left);
        right = List.copyOf(right);
        description = Map.copyOf(description);
    }

    /** The relation's Spark expressions: each side the sum of its names (null when any is not reported). */
    ControlRelation relation() {
        return new ControlRelation(id, side(left), side(right), kind);
    }

    private static Column side(List<String> names) {
        Column sum = null;
        for (String name : names) {
            Field field = Field.byColumn(name);
            // a line the protocol does not report is absent from its map: null, so the relation does not apply
            Column value = field != null ? col(field.column()) : try_element_at(col(ProtocolSchema.LINES), lit(name));
            sum = sum == null ? value : sum.plus(value);
        }
        return sum;
    }

    /** The relation in the words of the report's language. */
    String describe(Messages words) {
        String given = description.get(words.language());
        return given != null ? given : words.format(ProtocolIntegrityCheck.ID + ".declared."
                + kind.name().toLowerCase(Locale.ROOT), String.join(" + ", left), String.join(" + ", right));
    }

    /**
     * The {@code relations} parameter: a list of declarations, each checked against the names it may use, the
     * canonical count fields and the job's {@code lines}; {@code path} prefixes the messages.
     *
     * @param taken ids a declared relation may not take (the built-in relations' and level sums')
     */
    static List<DeclaredRelation> parseAll(Object parameter, String path, Set<String> lines, Set<String> taken)
            throws SpecException {
        if (parameter == null) {
            return List.of();
        }
        if (!(parameter instanceof List<?> items)) {
            throw new SpecException(path + ": must be a list of relations ({id, left, right, kind})");
        }
        List<DeclaredRelation> out = new ArrayList<>();
        Set<String> ids = new HashSet<>(taken);
        for (int i = 0; i < items.size(); i++) {
            DeclaredRelation relation = parse(items.get(i), path + "[" + i + "]", lines);
            if (!ids.add(relation.id())) {
                throw new SpecException(path + "[" + i + "].id: '" + relation.id() + "' is taken (by a built-in "
                        + "relation or an earlier one); give each relation its own id");
            }
            out.add(relation);
        }
        return out;
    }

    private static DeclaredRelation parse(Object item, String path, Set<String> lines) throws SpecException {
        if (!(item instanceof Map<?, ?> map)) {
            throw new SpecException(path + ": must be a map with id, left, right and kind");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new SpecException(path + "." + YamlFiles.shown(String.valueOf(key)) + ": unknown key; known: "
                        + new TreeSet<>(KEYS));
            }
        }
        if (!(map.get("id") instanceof String id) || !ID.matcher(id).matches()) {
            throw new SpecException(path + ".id: must be a lower-case identifier (a letter a–z, then letters a–z, "
                    + "digits or _)");
        }
        Set<String> used = new HashSet<>();
        List<String> left = names(map.get("left"), path + ".left", lines, used);
        List<String> right = names(map.get("right"), path + ".right", lines, used);
        Object kind = map.get("kind");
        List<String> kinds = List.of("balance", "at_most", "at_least");
        if (!kinds.contains(kind)) {
            throw new SpecException(path + ".kind: must be one of " + kinds + ", not "
                    + (kind == null ? "nothing" : YamlFiles.shown(kind.toString())));
        }
        return new DeclaredRelation(id, left, right,
                ControlRelation.Kind.valueOf(kind.toString().toUpperCase(Locale.ROOT)),
                description(map.get("description"), path + ".description"));
    }

    /** One side's names: each a canonical count field or a line of the job, none named twice in the relation. */
    private static List<String> names(Object side, String path, Set<String> lines, Set<String> used)
            throws SpecException {
        if (!(side instanceof List<?> list) || list.isEmpty()) {
            throw new SpecException(path + ": must be a non-empty list of count fields and lines, such as [valid]");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            String name = String.valueOf(item);
            Field field = Field.byColumn(name);
            if (field != null && field.kind() != Field.Kind.COUNT) {
                throw new SpecException(path + ": '" + YamlFiles.shown(name) + "' is a canonical field but not a "
                        + "count");
            }
            if (field == null && !lines.contains(name)) {
                throw new SpecException(path + ": '" + YamlFiles.shown(name) + "' is neither a canonical count field "
                        + "nor a line the job's mappings name (lines: " + (lines.isEmpty() ? "none"
                        : String.join(", ", new TreeSet<>(lines))) + ")");
            }
            if (!used.add(name)) {
                // a name twice would count its figure twice, or on both sides cancel out
                throw new SpecException(path + ": '" + name + "' is named a second time in the relation");
            }
            out.add(name);
        }
        return out;
    }

    /** One text for every language, or a text per language of the reports. */
    private static Map<String, String> description(Object given, String path) throws SpecException {
        Map<String, String> out = new LinkedHashMap<>();
        if (given == null) {
            return out;
        }
        if (given instanceof String text && !text.isBlank()) {
            Messages.LANGUAGES.forEach(language -> out.put(language, text));
            return out;
        }
        if (given instanceof Map<?, ?> byLanguage && !byLanguage.isEmpty()) {
            for (Map.Entry<?, ?> e : byLanguage.entrySet()) {
                if (!Messages.LANGUAGES.contains(String.valueOf(e.getKey())) || !(e.getValue() instanceof String text)
                        || text.isBlank()) {
                    throw new SpecException(path + "." + YamlFiles.shown(String.valueOf(e.getKey())) + ": a "
                            + "description per language maps a report language " + new TreeSet<>(Messages.LANGUAGES)
                            + " to a text");
                }
                out.put(e.getKey().toString(), text);
            }
            return out;
        }
        throw new SpecException(path + ": must be a text, or a text per report language such as {en: …, ru: …}");
    }
}
