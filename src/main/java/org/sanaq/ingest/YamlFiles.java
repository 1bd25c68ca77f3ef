package org.sanaq.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** What the mapping and job-spec loaders share: reading YAML with one-line errors, and finding unknown keys. */
public final class YamlFiles {
    private YamlFiles() {
    }

    /** The file's YAML tree; a syntax error becomes one line with the line and column it was found at. */
    public static JsonNode read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return new YAMLMapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String first = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            throw new IOException("not valid YAML" + where + ": " + first);
        }
    }

    /** The first key of {@code node} that is not in {@code allowed}, or null. */
    public static String unknownKey(JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                return key;
            }
        }
        return null;
    }

    /** The allowed keys, sorted, for a message. */
    public static String listing(Set<String> allowed) {
        return String.join(", ", allowed.stream().sorted().toList());
    }
}
