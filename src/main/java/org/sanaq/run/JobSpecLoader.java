package org.sanaq.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sanaq.checks.Check;
import org.sanaq.checks.CheckCatalog;
import org.sanaq.checks.CheckParameters;
import org.sanaq.ingest.DataFiles;
import org.sanaq.ingest.InputSpec;
import org.sanaq.ingest.Mapping;
import org.sanaq.ingest.MappingException;
import org.sanaq.ingest.MappingLoader;
import org.sanaq.ingest.YamlFiles;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolRules;
import org.sanaq.text.Messages;

/**
 * Reads and validates a job spec (YAML) before Spark starts: every key known, every file present, every mapping
 * loaded and fitted to its files' headers, every check known with valid parameters. Errors name the file and the
 * field. Relative paths are relative to the spec file's folder.
 */
public final class JobSpecLoader {
    private static final Set<String> TOP = Set.of("job", "title", "election", "country", "language", "inputs",
            "aggregate", "conventions", "checks", "output");
    private static final Set<String> INPUT = Set.of("id", "files", "mapping", "source", "election",
            "symlinks", "origin");

    private final Path file;
    /** Mappings read so far: one named by many inputs is read once. */
    private final Map<Path, Mapping> mappings = new HashMap<>();

    private JobSpecLoader(Path file) {
        this.file = file;
    }

    public static JobSpec load(Path file) throws SpecException {
        return new JobSpecLoader(file).read();
    }

    private JobSpec read() throws SpecException {
        if (!Files.isRegularFile(file)) {
            throw new SpecException(file + ": no such job spec file");
        }
        String text;
        JsonNode root;
        try {
            text = YamlFiles.text(file);
            root = YamlFiles.parse(text);
        } catch (IOException e) {
            throw new SpecException(file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(file + ": a job spec is a YAML map (job, election, inputs, checks, output)");
        }
        keys(root, TOP, "");
        String job = required(root, "job");
        if (!JobNames.isSafe(job)) {
            throw error("job", "'" + YamlFiles.shown(job) + "' " + JobNames.RULE);
        }
        String election = required(root, "election");
        String language = optional(root, "language", "en", "", "a single value such as en");
        if (!Messages.LANGUAGES.contains(language)) {
            throw error("language", "must be one of " + new java.util.TreeSet<>(Messages.LANGUAGES) + ", not "
                    + YamlFiles.shown(language));
        }
        Path base = file.toAbsolutePath().getParent();
        String output = optional(root, "output", "../reports/" + job);
        List<InputSpec> inputs = inputs(root, base, election);
        Set<String> lines = new TreeSet<>();
        inputs.forEach(input -> lines.addAll(input.mapping().lines().names()));
        return new JobSpec(file, text, job, optional(root, "title", job), election,
                optional(root, "country", "national"), language, inputs, levels(root),
                conventions(root.path("conventions")), checks(root.path("checks"), lines),
                base.resolve(output).normalize(), origins(root.path("inputs")));
    }

    /**
     * Each input's {@code origin}: who published its data and where a reader gets them, as the report's first page
     * shows it; inputs without one are left out.
     */
    private Map<String, String> origins(JsonNode inputs) throws SpecException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            String origin = optional(inputs.get(i), "origin", null, "inputs[" + i + "]");
            if (origin != null) {
                out.put(inputs.get(i).path("id").asText(), origin);
            }
        }
        return out;
    }

    private List<InputSpec> inputs(JsonNode root, Path base, String election) throws SpecException {
        JsonNode list = root.path("inputs");
        if (!list.isArray() || list.isEmpty()) {
            throw error("inputs", "must list at least one input (id, files, mapping)");
        }
        List<InputSpec> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "inputs[" + i + "]";
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                throw error(path, "is a map with id, files and mapping");
            }
            keys(node, INPUT, path);
            String id = required(node, "id", path);
            if (!ids.add(id)) {
                throw error(path + ".id", "'" + YamlFiles.shown(id) + "' is used by two inputs");
            }
            String links = optional(node, "symlinks", InputSpec.Symlinks.FOLLOW.word(), path);
            if (!links.equals(InputSpec.Symlinks.FOLLOW.word()) && !links.equals(InputSpec.Symlinks.REFUSE.word())) {
                throw error(path + ".symlinks", "is 'follow' or 'refuse', not '" + links + "'");
            }
            InputSpec.Symlinks symlinks = InputSpec.Symlinks.valueOf(links.toUpperCase(java.util.Locale.ROOT));
            List<String> files = new ArrayList<>();
            List<String> names = new ArrayList<>();
            JsonNode fileNode = node.path("files");
            if (fileNode.isTextual()) {
                files.add(resolveFile(base, fileNode.asText(), path + ".files", symlinks));
                names.add(nameInJob(fileNode.asText(), files.get(0)));
            } else if (fileNode.isArray() && !fileNode.isEmpty()) {
                for (int k = 0; k < fileNode.size(); k++) {
                    String item = path + ".files[" + k + "]";
                    String name = checkedText(fileNode.get(k), item, "a file name");
                    if (name == null || name.isBlank()) {
                        throw error(item, "is empty: name a data file");
                    }
                    files.add(resolveFile(base, name, item, symlinks));
                    names.add(nameInJob(name, files.get(k)));
                }
            } else {
                throw error(path + ".files", "must name a data file or a list of them");
            }
            Path mappingFile = base.resolve(required(node, "mapping", path)).normalize();
            if (!Files.isRegularFile(mappingFile)) {
                throw error(path + ".mapping", "no such mapping file: " + mappingFile);
            }
            Mapping mapping = mappings.get(mappingFile);
            if (mapping == null) {
                try {
                    mapping = MappingLoader.load(mappingFile);
                } catch (MappingException e) {
                    throw error(path + ".mapping", e.getMessage());
                }
                mappings.put(mappingFile, mapping);
            }
            Map<Field, String> overrides = new EnumMap<>(Field.class);
            String source = optional(node, "source", null, path);
            if (source != null) {
                if (!ProtocolRules.isSource(source)) {
                    throw error(path + ".source", "is 'official' or '<kind>:<who>' (kind observer, ocr, platform or "
                            + "claim), not '" + YamlFiles.shown(source) + "'");
                }
                overrides.put(Field.SOURCE, source);
            }
            String inputElection = optional(node, "election", null, path);
            if (inputElection != null) {
                overrides.put(Field.ELECTION, inputElection);
            }
            InputSpec input = new InputSpec(id, files, mapping.withConstants(overrides), symlinks, names);
            if (files.stream().noneMatch(DataFiles::isRemote)) {
                try {
                    DataFiles.checkLocalHeaders(input);
                } catch (MappingException e) {
                    throw error(path, e.getMessage());
                }
            }
            out.add(input);
        }
        return out;
    }

    /**
     * The name a data file goes by in the ingested table and the outputs: a relative path as the job writes it
     * (normalised: {@code ./a/../b.csv} is {@code b.csv}), so that the outputs do not depend on the folder the job
     * lies in; a URI or an absolute path as resolved.
     */
    private static String nameInJob(String written, String resolved) {
        if (DataFiles.isRemote(written) || Path.of(written).isAbsolute()) {
            return resolved;
        }
        return Path.of(written).normalize().toString();
    }

    /**
     * A data file as the job names it: a URI of another file system as given (it must be a valid URI), or a local
     * path resolved against the job's folder that is a regular file (a symbolic link to one unless the input
     * refuses links). The name is kept literally: it is never a pattern or a list.
     */
    private String resolveFile(Path base, String name, String path, InputSpec.Symlinks symlinks)
            throws SpecException {
        if (DataFiles.isRemote(name)) {
            try {
                java.net.URI.create(name);
            } catch (IllegalArgumentException e) {
                throw error(path, "'" + name + "' is not a valid URI (write a space as %20): " + e.getMessage());
            }
            return name;
        }
        Path resolved;
        try {
            resolved = base.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw error(path, "is not a valid file name: " + e.getReason());
        }
        if (Files.isSymbolicLink(resolved) && symlinks == InputSpec.Symlinks.REFUSE) {
            throw error(path, resolved + " is a symbolic link and this input has 'symlinks: refuse': name the file "
                    + "itself, or set 'symlinks: follow'");
        }
        if (Files.isDirectory(resolved)) {
            throw error(path, resolved + " is a folder: name the files in it");
        }
        if (!Files.exists(resolved)) {
            throw error(path, "no such data file: " + resolved + " (see the README for where to get the data)");
        }
        if (!Files.isRegularFile(resolved)) {
            throw error(path, resolved + " is not a regular file (a pipe or device): sanaq reads files");
        }
        return resolved.toString();
    }

    private List<Level> levels(JsonNode root) throws SpecException {
        List<Level> levels = new ArrayList<>();
        JsonNode given = root.path("aggregate");
        if (given.isNull()) {
            return levels;
        }
        if (given.isValueNode()) {
            // one level may be written without a list, as inputs[].files may
            given = new ObjectMapper().createArrayNode().add(given);
        } else if (!given.isMissingNode() && !given.isArray()) {
            throw error("aggregate", "lists levels to derive from precincts: district, region, national");
        }
        for (JsonNode l : given) {
            String name = checkedText(l, "aggregate", "a level name");
            Level level = Level.parse(name);
            if (level == null || level == Level.PRECINCT) {
                throw error("aggregate", "lists levels to derive from precincts: district, region, national; not '"
                        + YamlFiles.shown(name) + "'");
            }
            if (levels.contains(level)) {
                throw error("aggregate", "lists " + name + " twice; keep one");
            }
            levels.add(level);
        }
        return levels;
    }

    private Conventions conventions(JsonNode node) throws SpecException {
        if (!node.isMissingNode() && !node.isObject()) {
            throw error("conventions", "is a map with turnout and share_base");
        }
        keys(node, Set.of("turnout", "share_base"), "conventions");
        Conventions.Turnout turnout = choice(node, "turnout", Conventions.Turnout.class,
                Conventions.DEFAULT.turnout());
        Conventions.ShareBase base = choice(node, "share_base", Conventions.ShareBase.class,
                Conventions.DEFAULT.shareBase());
        return new Conventions(turnout, base);
    }

    private <E extends Enum<E>> E choice(JsonNode node, String key, Class<E> type, E otherwise)
            throws SpecException {
        String value = optional(node, key, null, "conventions");
        if (value == null) {
            return otherwise;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase());
        }
        throw error("conventions." + key, "must be one of " + allowed + ", not " + YamlFiles.shown(value));
    }

    /** The job's checks; {@code lines}: the extra lines its mappings name, which parameters may refer to. */
    private List<JobSpec.ConfiguredCheck> checks(JsonNode node, Set<String> lines) throws SpecException {
        if (!node.isObject() || node.isEmpty()) {
            throw error("checks", "must name at least one check (sanaq list-checks shows them)");
        }
        List<JobSpec.ConfiguredCheck> out = new ArrayList<>();
        ObjectMapper plain = new ObjectMapper();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String id = it.next();
            Check<?> check = CheckCatalog.find(id);
            if (check == null) {
                throw error("checks." + YamlFiles.shown(id), "unknown check; known: " + CheckCatalog.ids());
            }
            JsonNode params = node.get(id);
            if (params != null && !params.isNull() && !params.isObject()) {
                throw error("checks." + id, "its parameters are a map (name: value); sanaq explain " + id
                        + " lists them");
            }
            Map<String, Object> given = params == null || params.isNull() ? Map.of()
                    : plain.convertValue(params, new TypeReference<LinkedHashMap<String, Object>>() { });
            try {
                CheckParameters parameters = new CheckParameters("checks." + id, check.defaults(), given, lines);
                check.validate(parameters);
                out.add(new JobSpec.ConfiguredCheck(check, parameters));
            } catch (SpecException e) {
                throw new SpecException(file + ": " + e.getMessage());
            }
        }
        return out;
    }

    private void keys(JsonNode node, Set<String> allowed, String path) throws SpecException {
        String key = YamlFiles.unknownKey(node, allowed);
        if (key != null) {
            throw error(field(path, key), "unknown field; allowed: " + YamlFiles.listing(allowed));
        }
    }

    private String required(JsonNode node, String key) throws SpecException {
        return required(node, key, "");
    }

    private String required(JsonNode node, String key, String path) throws SpecException {
        String value = optional(node, key, null, path);
        if (value == null) {
            throw error(field(path, key), "is required");
        }
        return value;
    }

    private String optional(JsonNode node, String key, String otherwise) throws SpecException {
        return optional(node, key, otherwise, "");
    }

    private String optional(JsonNode node, String key, String otherwise, String path) throws SpecException {
        return optional(node, key, otherwise, path, "text");
    }

    /** A text value, or {@code otherwise} when it is missing or blank; a list, a map, true or 2.5 is an error. */
    private String optional(JsonNode node, String key, String otherwise, String path, String expected)
            throws SpecException {
        String value = checkedText(node.get(key), field(path, key), expected);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private String checkedText(JsonNode value, String field, String expected) throws SpecException {
        String problem = YamlFiles.whyNotText(value, expected);
        if (problem != null) {
            throw error(field, problem);
        }
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String field(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private SpecException error(String path, String message) {
        return new SpecException(file + ": " + path + ": " + message);
    }
}
