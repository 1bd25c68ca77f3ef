package org.sanaq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the mapping and job-spec loaders share: reading YAML strictly with one-line errors, and finding unknown keys
 * and values that are not text. A file is at most {@link #MAX_BYTES} long, UTF-8, and uses none of the YAML that
 * {@link StrictYaml} refuses (keys given twice, anchors and aliases, tags, a second document).
 */
public final class YamlFiles {
    /** The largest job spec or mapping read: the shipped ones are under 10 KiB, and a data file is far larger. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** The most characters of a value a message quotes. */
    static final int SHOWN = 80;

    private YamlFiles() {
    }

    /** The file's YAML tree, read strictly; a syntax error becomes one line with its line and column. */
    public static JsonNode read(Path file) throws IOException {
        return parse(text(file));
    }

    /**
     * The file's text, refused before it is read whole when it is over {@link #MAX_BYTES} (a data file named by
     * mistake, or one built to exhaust the parser), or when it is not UTF-8.
     */
    public static String text(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("is larger than 1 MiB (" + MAX_BYTES + " bytes), the limit for a job spec or a "
                    + "mapping; is it a data file named by mistake?");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("is not UTF-8 text; save it as UTF-8");
        }
    }

    /** The YAML tree of {@code text}, read strictly (see {@link StrictYaml}). */
    public static JsonNode parse(String text) throws IOException {
        StrictYaml.check(text);
        try {
            return new YAMLMapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String first = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            throw new IOException("not valid YAML" + where + ": " + first);
        }
    }

    /**
     * Why {@code value} cannot be read as text, or null when it can (text or a whole number; null or missing is the
     * caller's to judge). YAML reads {@code no} as false and {@code 2024.10} as the number 2024.1, so those are
     * refused where text belongs rather than silently changed. {@code expected} says what belongs ("text").
     */
    public static String whyNotText(JsonNode value, String expected) {
        if (value == null || value.isNull() || value.isMissingNode() || value.isTextual() || value.isIntegralNumber()) {
            return null;
        }
        if (value.isArray() || value.isObject()) {
            return "must be " + expected + ", not a " + (value.isArray() ? "list" : "map");
        }
        return "must be " + expected + ", but YAML reads " + value.asText() + " as a " + (value.isBoolean()
                ? "yes/no value" : "number") + "; put the value in quotes";
    }

    /**
     * A value or key as a message quotes it: control characters written as escapes ({@code \n}), so that the
     * message stays one line, and cut at {@link #SHOWN} characters, so that a huge value does not become a huge
     * message.
     */
    public static String shown(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(SHOWN).forEach(c -> out.append(Character.isISOControl(c)
                ? c == '\n' ? "\\n" : c == '\t' ? "\\t" : String.format("\\u%04x", c) : Character.toString(c)));
        long length = value.codePoints().count();
        return length > SHOWN ? out + "… (" + length + " characters)" : out.toString();
    }

    /** The first key of {@code node} that is not in {@code allowed}, or null. */
    public static String unknownKey(JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                return shown(key);
            }
        }
        return null;
    }

    /** The allowed keys, sorted, for a message. */
    public static String listing(Set<String> allowed) {
        return String.join(", ", allowed.stream().sorted().toList());
    }
}
