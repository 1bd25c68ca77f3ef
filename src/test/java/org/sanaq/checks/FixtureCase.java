package org.sanaq.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.sanaq.TestData;
import org.sanaq.ingest.YamlFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * One fixture case of {@link CheckFixturesTest}: the folder {@code fixtures/<check id>/<case>/}, read and refused
 * when it holds anything the format does not name, and the job it stands for (election {@code e}, country
 * {@code C}, each input read through jobs/mappings/canonical.yaml, the folder's check alone with its parameters).
 */
record FixtureCase(String check, String name, String about, ExpectedFigures expected, ObjectNode job) {
    /** Where the cases live, one folder per check id. */
    private static final Path ROOT = TestData.project().resolve("src/test/resources/fixtures");
    private static final String CASE = "case.yaml";
    private static final String METRICS = "metrics.csv";
    private static final String FINDINGS = "findings.csv";
    private static final String README = "README.md";
    private static final Set<String> KEYS = Set.of("about", "inputs", "parameters", "conventions", "aggregate",
            "all_findings_listed");
    private static final List<String> DEFAULT_INPUTS = List.of("protocols");

    /** Every case under {@link #ROOT}, by check then case name. */
    static List<FixtureCase> all() throws IOException {
        List<FixtureCase> out = new ArrayList<>();
        for (Path check : sortedChildren(ROOT)) {
            for (Path folder : sortedChildren(check)) {
                out.add(read(folder));
            }
        }
        return out;
    }

    /**
     * Reads a case folder.
     *
     * @throws IllegalArgumentException the folder breaks the format: no case.yaml, an unknown key or file, an input
     *     without its CSV, no expectation at all, or an expectation file that {@link ExpectedFigures} refuses
     */
    static FixtureCase read(Path folder) throws IOException {
        String check = folder.getParent().getFileName().toString();
        String name = folder.getFileName().toString();
        Path caseFile = folder.resolve(CASE);
        if (!Files.isRegularFile(caseFile)) {
            throw refused(folder, "has no " + CASE);
        }
        JsonNode spec = YamlFiles.read(caseFile);
        String unknown = YamlFiles.unknownKey(spec, KEYS);
        if (unknown != null) {
            throw refused(folder, CASE + ": unknown key '" + unknown + "'; known: " + new TreeSet<>(KEYS));
        }
        String about = spec.path("about").asText("");
        if (about.isBlank()) {
            throw refused(folder, CASE + ": 'about' says in one line what the case shows");
        }
        JsonNode listed = spec.path("all_findings_listed");
        if (!listed.isMissingNode() && !listed.isBoolean()) {
            throw refused(folder, CASE + ": all_findings_listed is true or false, not '" + listed.asText() + "'");
        }
        List<String> inputs = new ArrayList<>();
        spec.path("inputs").forEach(i -> inputs.add(i.asText()));
        if (inputs.isEmpty()) {
            inputs.addAll(DEFAULT_INPUTS);
        }
        checkFiles(folder, inputs);
        ExpectedFigures expected;
        try {
            expected = ExpectedFigures.read(check, folder.resolve(METRICS), folder.resolve(FINDINGS),
                    listed.asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw refused(folder, e.getMessage());
        }
        if (expected.isEmpty()) {
            throw refused(folder, "expects nothing: give " + METRICS + " or " + FINDINGS + " at least one row");
        }
        return new FixtureCase(check, name, about, expected, job(check, name, folder, inputs, spec));
    }

    /** Refuses a file the format does not name, and an input without its CSV. */
    private static void checkFiles(Path folder, List<String> inputs) throws IOException {
        Set<String> known = new LinkedHashSet<>(List.of(CASE, METRICS, FINDINGS, README));
        inputs.forEach(i -> known.add(i + ".csv"));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> present.add(f.getFileName().toString()));
        }
        for (String file : present) {
            if (!known.contains(file)) {
                throw refused(folder, "unknown file '" + file + "'; a case holds " + CASE + ", one <input>.csv per"
                        + " input " + inputs + ", " + METRICS + ", " + FINDINGS + " and " + README);
            }
        }
        for (String input : inputs) {
            if (!present.contains(input + ".csv")) {
                throw refused(folder, "the input '" + input + "' has no " + input + ".csv");
            }
        }
    }

    /** The job of the case, as a job spec's YAML tree; data files and the mapping by absolute path. */
    private static ObjectNode job(String check, String name, Path folder, List<String> inputs, JsonNode spec) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode job = nodes.objectNode();
        job.put("job", "fixture-" + check.replace('_', '-') + "-" + name);
        job.put("election", "e");
        job.put("country", "C");
        job.put("language", "en");
        String mapping = TestData.project().resolve("jobs/mappings/canonical.yaml").toString();
        for (String input : inputs) {
            job.withArray("inputs").addObject().put("id", input)
                    .put("files", folder.resolve(input + ".csv").toAbsolutePath().toString()).put("mapping", mapping);
        }
        for (String key : List.of("conventions", "aggregate")) {
            if (spec.has(key)) {
                job.set(key, spec.get(key));
            }
        }
        JsonNode parameters = spec.path("parameters");
        job.withObject("checks").set(check, parameters.isMissingNode() ? nodes.objectNode() : parameters);
        job.put("output", "out");
        return job;
    }

    /** Writes the case's job.yaml into {@code dir} and returns its path. */
    Path writeJob(Path dir) throws IOException {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, new YAMLMapper().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .writeValueAsString(job));
        return file;
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static IllegalArgumentException refused(Path folder, String why) {
        return new IllegalArgumentException("fixture " + folder.getParent().getFileName() + "/"
                + folder.getFileName() + ": " + why);
    }

    @Override
    public String toString() {
        return check + "/" + name;
    }
}
