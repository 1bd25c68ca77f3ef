package org.sanaq.run;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.types.StructType;
import org.sanaq.ingest.InputSpec;
import org.sanaq.results.Manifest;

/**
 * The key of an {@link IngestCache} entry: the SHA-256 of everything the ingested table depends on, so that an entry
 * is used only for the very inputs it was parsed from. That is the program's version and commit (another sanaq may
 * parse differently), the table's schema, and per input its id, its symbolic-link rule, its mapping as loaded (with
 * the job's overrides of source and election, and the region aliases it read) and each data file's path, SHA-256,
 * size and name in the job (the table records the name).
 */
final class IngestCacheKey {
    /** Raised when the rules of the key itself change, so that older entries are never read. */
    private static final int LAYOUT = 1;

    private IngestCacheKey() {
    }

    /** The key, 64 hexadecimal digits; {@code hashes} are the inputs' files in order, as InputAccounting gives them. */
    static String of(List<InputSpec> inputs, List<List<Manifest.FileHash>> hashes, StructType schema) {
        StringBuilder text = new StringBuilder("sanaq ingest cache ").append(LAYOUT).append('\n')
                .append("program ").append(ProgramVersion.version()).append(' ').append(ProgramVersion.commit())
                .append('\n').append("schema ").append(schema.json()).append('\n');
        for (int i = 0; i < inputs.size(); i++) {
            InputSpec input = inputs.get(i);
            text.append("input ").append(canonical(input.id())).append(" symlinks ").append(input.symlinks().word())
                    .append('\n').append("mapping ").append(canonical(input.mapping())).append('\n');
            for (int f = 0; f < hashes.get(i).size(); f++) {
                Manifest.FileHash file = hashes.get(i).get(f);
                text.append("file ").append(canonical(file.path())).append(' ').append(file.sha256()).append(' ')
                        .append(file.bytes()).append(" named ").append(canonical(input.names().get(f))).append('\n');
            }
        }
        return JobRunner.sha256(text.toString());
    }

    /**
     * A text that is equal for equal values, whatever the order of their sets and maps (Java's immutable ones iterate
     * in a different order in every JVM): records by their components, maps and sets sorted, lists in order.
     *
     * @throws IllegalArgumentException for a type it cannot describe faithfully (its text might differ between runs)
     */
    static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Character c) {
            return canonical(c.toString());
        }
        if (value instanceof Record r) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                parts.add(c.getName() + "=" + canonical(component(r, c)));
            }
            return r.getClass().getSimpleName() + "(" + String.join(", ", parts) + ")";
        }
        if (value instanceof Map<?, ?> m) {
            List<String> entries = new ArrayList<>();
            m.forEach((k, v) -> entries.add(canonical(k) + "=" + canonical(v)));
            return "{" + String.join(", ", entries.stream().sorted().toList()) + "}";
        }
        if (value instanceof Collection<?> c) {
            List<String> items = c.stream().map(IngestCacheKey::canonical).toList();
            return value instanceof Set<?> ? "{" + String.join(", ", items.stream().sorted().toList()) + "}"
                    : "[" + String.join(", ", items) + "]";
        }
        throw new IllegalArgumentException("the cache key cannot describe a " + value.getClass().getName()
                + "; describe it in IngestCacheKey.canonical");
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true); // some of the mapping's records are package-private
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }
}
