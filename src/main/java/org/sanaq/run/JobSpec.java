package org.sanaq.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.sanaq.checks.Check;
import org.sanaq.checks.CheckParameters;
import org.sanaq.ingest.InputSpec;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Level;

/**
 * A validated job: what to read, which checks to run with which parameters, and where to write. Built only by
 * {@link JobSpecLoader}, so that a JobSpec in hand is one that can run.
 *
 * @param text   the spec file's text, kept for the manifest
 * @param levels levels to derive as sums of precinct protocols (empty when the sources publish them)
 */
public record JobSpec(Path file, String text, String job, String title, String election, String country,
        String language, List<InputSpec> inputs, List<Level> levels, Conventions conventions,
        List<ConfiguredCheck> checks, Path output, Map<String, String> origins) {

    public JobSpec {
        origins = origins == null ? Map.of() : Map.copyOf(origins);
    }

    /** A job whose inputs say nothing of where their data come from. */
    public JobSpec(Path file, String text, String job, String title, String election, String country,
            String language, List<InputSpec> inputs, List<Level> levels, Conventions conventions,
            List<ConfiguredCheck> checks, Path output) {
        this(file, text, job, title, election, country, language, inputs, levels, conventions, checks, output,
                Map.of());
    }

    /** A check of the catalog with this job's parameters. */
    public record ConfiguredCheck(Check<?> check, CheckParameters parameters) {
    }

    public JobSpec withOutput(Path newOutput) {
        return new JobSpec(file, text, job, title, election, country, language, inputs, levels, conventions, checks,
                newOutput, origins);
    }

    /** The seed of each check that draws random numbers (a {@code seed} parameter), by check id. */
    public Map<String, Long> seeds() {
        Map<String, Long> seeds = new java.util.LinkedHashMap<>();
        for (ConfiguredCheck c : checks) {
            if (c.parameters().asMap().get("seed") instanceof Number seed) {
                seeds.put(c.check().id(), seed.longValue());
            }
        }
        return seeds;
    }

    public Map<String, Object> parameters() {
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        for (ConfiguredCheck c : checks) {
            all.put(c.check().id(), c.parameters().asMap());
        }
        return all;
    }
}
