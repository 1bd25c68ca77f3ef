package org.sanaq.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import org.sanaq.schema.Field;

/**
 * Reads a mapping file (YAML) into a {@link Mapping}, checking every key so that a mistake is reported with the
 * file and the key's path ({@code fields.registered.column}) before any data is read.
 */
public final class MappingLoader {
    private static final Set<String> TOP = Set.of("name", "description", "encoding", "separator", "quote",
            "header_line", "zip_entry", "numbers", "constants", "fields", "candidates", "region_aliases", "unpivot",
            "shared_columns", "lines", "confidence", "missing");
    private static final Set<String> RULE = Set.of("column", "pattern", "position", "constant", "sum_of", "min_of",
            "minus", "extract", "values", "otherwise", "normalize", "optional", "columns", "join", "missing");
    private static final Set<String> SELECTOR = Set.of("column", "pattern", "position");
    private static final Set<String> CANDIDATES = Set.of("pattern", "after", "except", "published_pct_pattern",
            "rename", "pairs", "missing");

    private MappingLoader() {
    }

    public static Mapping load(Path file) throws MappingException {
        JsonNode root;
        try {
            root = YamlFiles.read(file);
        } catch (IOException e) {
            throw new MappingException(file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MappingException(file + ": a mapping is a YAML map of keys (name, fields, candidates, ...)");
        }
        return new MappingLoader.Reader(file).mapping(root);
    }

    /** Reads one file; holds its name for messages. */
    private record Reader(Path file) {

        Mapping mapping(JsonNode root) throws MappingException {
            keys(root, TOP, "");
            String encoding = text(root, "encoding", "UTF-8", "");
            try {
                Charset.forName(encoding);
            } catch (RuntimeException e) {
                throw error("encoding", "unknown encoding '" + YamlFiles.shown(encoding) + "'");
            }
            Mapping.TextFormat format = new Mapping.TextFormat(encoding, oneChar(root, "separator", ','),
                    oneChar(root, "quote", '"'), intValue(root, "header_line", 1), regex(root, "zip_entry"));
            Map<Field, FieldRule> fields = new EnumMap<>(Field.class);
            JsonNode constants = map(root.path("constants"), "constants");
            for (Iterator<String> it = constants.fieldNames(); it.hasNext();) {
                String key = it.next();
                fields.put(field(key, "constants." + key),
                        FieldRule.constant(given(constants.get(key), "constants." + key)));
            }
            JsonNode fieldNodes = map(root.path("fields"), "fields");
            for (Iterator<String> it = fieldNodes.fieldNames(); it.hasNext();) {
                String key = it.next();
                Field field = field(key, "fields." + key);
                if (fields.containsKey(field)) {
                    throw error("fields." + key, "is also given in constants");
                }
                fields.put(field, rule(fieldNodes.get(key), "fields." + key));
                ineffective(fieldNodes.get(key), field.kind(), "fields." + key);
            }
            MissingMarkers missing = missing(root, "");
            fields.replaceAll((field, rule) -> rule.withMissingDefault(missing));
            Mapping.Unpivot unpivot = unpivot(root.path("unpivot"));
            if (unpivot.key() != null && !KeyEffects.unpivots(fields, unpivot.key())) {
                throw error("unpivot.key", "no column, pattern or constant holds {" + unpivot.key()
                        + "}, so every value would make the same row");
            }
            ExtraLines lines = lines(root.path("lines"), missing);
            return new Mapping(text(root, "name", file.getFileName().toString(), ""), file.toString(), format,
                    numbers(root.path("numbers")), fields,
                    root.has("candidates") ? candidates(root.get("candidates")).withMissingDefault(missing)
                            : CandidateRules.NONE, aliases(root),
                    unpivot, sharedColumns(root.path("shared_columns")), lines, confidence(root.path("confidence"),
                            lines.names()));
        }

        /**
         * The {@code confidence:} map: each name a count field or line ({@link FieldConfidences#whyNotAFigure}),
         * each rule read as a fraction field's.
         */
        private FieldConfidences confidence(JsonNode node, Set<String> lines) throws MappingException {
            Map<String, FieldRule> rules = new LinkedHashMap<>();
            JsonNode figures = map(node, "confidence");
            for (Iterator<String> it = figures.fieldNames(); it.hasNext();) {
                String key = it.next();
                String problem = FieldConfidences.whyNotAFigure(key, lines);
                if (problem != null) {
                    throw error("confidence." + YamlFiles.shown(key), problem);
                }
                rules.put(key, rule(figures.get(key), "confidence." + key));
                ineffective(figures.get(key), Field.Kind.FRACTION, "confidence." + key);
            }
            return new FieldConfidences(rules);
        }

        /**
         * The {@code lines:} map: each name checked ({@link ExtraLines#whyNotAName}), each rule read, checked for
         * keys without effect and given the mapping's missing-value markers as a count field's.
         */
        private ExtraLines lines(JsonNode node, MissingMarkers missing) throws MappingException {
            Map<String, FieldRule> rules = new LinkedHashMap<>();
            JsonNode lines = map(node, "lines");
            for (Iterator<String> it = lines.fieldNames(); it.hasNext();) {
                String key = it.next();
                String problem = ExtraLines.whyNotAName(key);
                if (problem != null) {
                    throw error("lines." + YamlFiles.shown(key), problem);
                }
                rules.put(key, rule(lines.get(key), "lines." + key).withMissingDefault(missing));
                ineffective(lines.get(key), Field.Kind.COUNT, "lines." + key);
            }
            return new ExtraLines(rules);
        }

        private NumberFormat numbers(JsonNode node) throws MappingException {
            if (node.isMissingNode()) {
                return NumberFormat.PLAIN;
            }
            keys(map(node, "numbers"), Set.of("thousands", "decimal"), "numbers");
            Set<Character> grouping = new HashSet<>();
            for (JsonNode sep : list(node.path("thousands"), "numbers.thousands")) {
                String s = given(sep, "numbers.thousands");
                if (s.length() != 1) {
                    throw error("numbers.thousands", "each separator is one character, not '" + YamlFiles.shown(s)
                            + "'");
                }
                grouping.add(s.charAt(0));
            }
            Character decimal = '.';
            if (node.has("decimal")) {
                String d = node.get("decimal").isNull() ? "" : scalar(node.get("decimal"), "numbers.decimal");
                decimal = d.isEmpty() ? null : d.charAt(0);
            }
            try {
                return new NumberFormat(grouping, decimal, node.has("decimal"));
            } catch (IllegalArgumentException e) {
                throw error("numbers", e.getMessage());
            }
        }

        private FieldRule rule(JsonNode node, String path) throws MappingException {
            if (node.isTextual()) {
                return FieldRule.column(node.asText());
            }
            if (!node.isObject()) {
                throw error(path, "is a column name or a map with column, pattern, position, constant, ...");
            }
            keys(node, RULE, path);
            ColumnSelector column = node.has("column") || node.has("pattern") || node.has("position")
                    ? selector(node, path) : null;
            String constant = text(node, "constant", null, path);
            List<ColumnSelector> sumOf = selectors(node.path("sum_of"), path + ".sum_of");
            List<ColumnSelector> minOf = selectors(node.path("min_of"), path + ".min_of");
            List<ColumnSelector> joined = selectors(node.path("columns"), path + ".columns");
            int origins = (column != null ? 1 : 0) + (constant != null ? 1 : 0) + (sumOf.isEmpty() ? 0 : 1)
                    + (minOf.isEmpty() ? 0 : 1) + (joined.isEmpty() ? 0 : 1);
            if (origins != 1) {
                throw error(path, "needs exactly one of column, pattern, position, constant, sum_of, min_of, columns");
            }
            String join = text(node, "join", null, path);
            if (joined.isEmpty() != (join == null)) {
                throw error(path + (join == null ? ".columns" : ".join"), "columns and join go together: the "
                        + "columns whose cells make the value, and the text between them");
            }
            Map<String, String> values = new LinkedHashMap<>();
            JsonNode v = map(node.path("values"), path + ".values");
            for (Iterator<String> it = v.fieldNames(); it.hasNext();) {
                String key = it.next();
                values.put(key, given(v.get(key), path + ".values." + key));
            }
            String normalize = text(node, "normalize", null, path);
            if (normalize != null && !normalize.equals("digits")) {
                throw error(path + ".normalize", "the only normalisation is 'digits', not '"
                        + YamlFiles.shown(normalize) + "'");
            }
            return new FieldRule(column, constant, sumOf, minOf, selectors(node.path("minus"), path + ".minus"),
                    regex(node, "extract", path), values, text(node, "otherwise", null, path), normalize,
                    yesNo(node, "optional", path), joined, join, missing(node, path));
        }

        private ColumnSelector selector(JsonNode node, String path) throws MappingException {
            if (node.isTextual()) {
                return ColumnSelector.byName(node.asText());
            }
            int given = (node.has("column") ? 1 : 0) + (node.has("pattern") ? 1 : 0) + (node.has("position") ? 1 : 0);
            if (given != 1) {
                throw error(path, "names a column by exactly one of column, pattern or position");
            }
            return new ColumnSelector(text(node, "column", null, path), regex(node, "pattern", path),
                    node.has("position") ? position(node.get("position"), path + ".position") : null);
        }

        private List<ColumnSelector> selectors(JsonNode node, String path) throws MappingException {
            List<ColumnSelector> out = new ArrayList<>();
            int i = 0;
            for (JsonNode item : list(node, path)) {
                if (item.isObject()) {
                    keys(item, SELECTOR, path + "[" + i + "]");
                }
                ColumnSelector selector = selector(item, path + "[" + i + "]");
                if (out.contains(selector)) {
                    // sum_of: [a, a] would count a twice
                    throw error(path + "[" + i + "]", "names " + selector + " a second time; name each column once");
                }
                out.add(selector);
                i++;
            }
            return out;
        }

        private CandidateRules candidates(JsonNode node) throws MappingException {
            keys(map(node, "candidates"), CANDIDATES, "candidates");
            List<String> except = new ArrayList<>();
            for (JsonNode e : list(node.path("except"), "candidates.except")) {
                except.add(checkedRegex(given(e, "candidates.except"), "candidates.except"));
            }
            Map<String, String> rename = new LinkedHashMap<>();
            JsonNode r = map(node.path("rename"), "candidates.rename");
            for (Iterator<String> it = r.fieldNames(); it.hasNext();) {
                String key = it.next();
                rename.put(key, given(r.get(key), "candidates.rename." + key));
            }
            List<CandidateRules.Pair> pairs = new ArrayList<>();
            int i = 0;
            for (JsonNode p : list(node.path("pairs"), "candidates.pairs")) {
                String path = "candidates.pairs[" + i++ + "]";
                keys(p, Set.of("name", "votes", "published_pct"), path);
                if (!p.has("name") || !p.has("votes")) {
                    throw error(path, "needs name and votes");
                }
                ineffective(p.get("name"), Field.Kind.TEXT, path + ".name");
                pairs.add(new CandidateRules.Pair(rule(p.get("name"), path + ".name"),
                        selector(p.get("votes"), path + ".votes"),
                        p.has("published_pct") ? selector(p.get("published_pct"), path + ".published_pct") : null));
            }
            String pattern = regex(node, "pattern", "candidates");
            String after = regex(node, "after", "candidates");
            if (pattern == null && after == null && pairs.isEmpty()) {
                throw error("candidates", "needs pattern, after or pairs");
            }
            String ineffective = KeyEffects.ofCandidates(node);
            if (ineffective != null) {
                throw new MappingException(file + ": candidates." + ineffective);
            }
            return new CandidateRules(pattern, after, except, regex(node, "published_pct_pattern", "candidates"),
                    rename, pairs, missing(node, "candidates"));
        }

        private Map<String, String> aliases(JsonNode root) throws MappingException {
            if (!root.has("region_aliases")) {
                return Map.of();
            }
            Path aliasFile = file.toAbsolutePath().getParent().resolve(text(root, "region_aliases", "", ""))
                    .normalize();
            try {
                return RegionAliases.load(aliasFile);
            } catch (IOException e) {
                throw error("region_aliases", "cannot read " + aliasFile + ": " + e.getMessage());
            }
        }

        private Mapping.Unpivot unpivot(JsonNode node) throws MappingException {
            if (node.isMissingNode()) {
                return Mapping.Unpivot.NONE;
            }
            keys(map(node, "unpivot"), Set.of("key", "values"), "unpivot");
            List<String> values = new ArrayList<>();
            for (JsonNode v : list(node.path("values"), "unpivot.values")) {
                String value = given(v, "unpivot.values");
                if (values.contains(value)) {
                    // each value makes one row of every record: a repeat would make every row twice
                    throw error("unpivot.values", "lists '" + YamlFiles.shown(value) + "' twice; keep one");
                }
                values.add(value);
            }
            String key = text(node, "key", null, "unpivot");
            if (key == null || values.isEmpty()) {
                throw error("unpivot", "needs a key and a list of values");
            }
            return new Mapping.Unpivot(key, values);
        }

        /** The fields that may read one column ({@link SharedColumns}); each a canonical field. */
        private Set<Field> sharedColumns(JsonNode node) throws MappingException {
            Set<Field> shared = EnumSet.noneOf(Field.class);
            for (JsonNode name : list(node, "shared_columns")) {
                String key = given(name, "shared_columns");
                if (!shared.add(field(key, "shared_columns"))) {
                    throw error("shared_columns", "lists '" + key + "' twice; keep one");
                }
            }
            if (shared.size() == 1) {
                throw error("shared_columns", "names the fields that may read the same column: at least two");
            }
            return shared;
        }

        /** The {@code missing} markers at {@code node} (whose path is {@code path}); null when not given. */
        private MissingMarkers missing(JsonNode node, String path) throws MappingException {
            if (!node.isObject() || !node.has("missing")) {
                return null;
            }
            String at = path.isEmpty() ? "missing" : path + ".missing";
            List<String> markers = new ArrayList<>();
            for (JsonNode marker : list(node.get("missing"), at)) {
                markers.add(given(marker, at));
            }
            return new MissingMarkers(markers);
        }

        /** Refuses a key of a field rule that would change nothing for a field of this kind. */
        private void ineffective(JsonNode rule, Field.Kind kind, String path) throws MappingException {
            String ineffective = KeyEffects.ofRule(rule, kind);
            if (ineffective != null) {
                throw new MappingException(file + ": " + path + "." + ineffective);
            }
        }

        private Field field(String key, String path) throws MappingException {
            Field field = Field.byColumn(key);
            if (field == null) {
                throw error(path, "'" + key + "' is not a canonical field (see FORMATS.md; candidates go under "
                        + "'candidates')");
            }
            return field;
        }

        private void keys(JsonNode node, Set<String> allowed, String path) throws MappingException {
            String key = YamlFiles.unknownKey(node, allowed);
            if (key != null) {
                throw error(path.isEmpty() ? key : path + "." + key,
                        "unknown key; allowed here: " + YamlFiles.listing(allowed));
            }
        }

        /** The text at {@code key} of {@code node} (whose path is {@code path}), or {@code otherwise}. */
        private String text(JsonNode node, String key, String otherwise, String path) throws MappingException {
            String value = scalar(node.get(key), path.isEmpty() ? key : path + "." + key);
            return value == null ? otherwise : value;
        }

        /** A value that must be text (or a whole number): a list, a map, true or 2.5 is an error naming the key. */
        private String scalar(JsonNode value, String path) throws MappingException {
            String problem = YamlFiles.whyNotText(value, "text");
            if (problem != null) {
                throw error(path, problem);
            }
            return value == null || value.isNull() ? null : value.asText();
        }

        /** Text that must be there: an empty value ({@code ~} or nothing) is an error too. */
        private String given(JsonNode value, String path) throws MappingException {
            String text = scalar(value, path);
            if (text == null) {
                throw error(path, "is empty; write a value (\"\" for empty text)");
            }
            return text;
        }

        /** The items of a list; a missing key is an empty list, anything else but a list an error. */
        private JsonNode list(JsonNode node, String path) throws MappingException {
            if (!node.isMissingNode() && !node.isNull() && !node.isArray()) {
                throw error(path, "is a list, such as [a, b]");
            }
            return node;
        }

        /** A map; a missing key is an empty map, anything else but a map an error. */
        private JsonNode map(JsonNode node, String path) throws MappingException {
            if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
                throw error(path, "is a map of keys and values, such as {a: b}");
            }
            return node;
        }

        private boolean yesNo(JsonNode node, String key, String path) throws MappingException {
            JsonNode v = node.get(key);
            if (v != null && !v.isBoolean()) {
                throw error(path + "." + key, "is true or false");
            }
            return v != null && v.booleanValue();
        }

        private int position(JsonNode v, String path) throws MappingException {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(path, "is a column's 1-based position, a whole number");
            }
            return v.intValue();
        }

        private char oneChar(JsonNode node, String key, char otherwise) throws MappingException {
            String s = text(node, key, null, "");
            if (s == null) {
                return otherwise;
            }
            if ("\\t".equals(s) || "tab".equals(s)) {
                return '\t';
            }
            if (s.length() != 1) {
                throw error(key, "is one character, not '" + YamlFiles.shown(s) + "'");
            }
            return s.charAt(0);
        }

        private int intValue(JsonNode node, String key, int otherwise) throws MappingException {
            if (!node.has(key)) {
                return otherwise;
            }
            if (!node.get(key).canConvertToInt() || node.get(key).asInt() < 1) {
                throw error(key, "is a line number from 1");
            }
            return node.get(key).asInt();
        }

        private String regex(JsonNode node, String key) throws MappingException {
            return regex(node, key, "");
        }

        private String regex(JsonNode node, String key, String path) throws MappingException {
            String s = text(node, key, null, path);
            return s == null ? null : checkedRegex(s, path.isEmpty() ? key : path + "." + key);
        }

        private String checkedRegex(String s, String path) throws MappingException {
            try {
                Pattern.compile(s);
                return s;
            } catch (PatternSyntaxException e) {
                throw error(path, "is not a valid regular expression: " + e.getDescription());
            }
        }

        private MappingException error(String path, String message) {
            return new MappingException(file + ": " + path + ": " + message);
        }
    }
}
