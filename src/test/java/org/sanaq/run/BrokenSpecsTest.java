package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanaq.TestData;

/**
 * The corpus of job specs and mappings read strictly, in src/test/resources/broken/spec/ (cases.csv: file,
 * outcome, field, message; the message is the rest of the line, in double quotes when it has a comma at its ends).
 * A refused spec gets one line naming the spec file, the field and what to fix, before Spark starts; an accepted
 * one is loaded and the field's value is the one given. No Spark here.
 */
class BrokenSpecsTest {
    private static final Path CORPUS = TestData.project().resolve("src/test/resources/broken/spec");
    private static final String GENERATED = "(generated) ";

    @TempDir
    static Path work;

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CORPUS.resolve("cases.csv")).stream().skip(1)
                .map(line -> line.split(",", 4))
                .map(c -> Arguments.of(c[0], c[1], c[2], unquoted(c[3])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void eachSpecGetsItsOutcome(String name, String outcome, String field, String message) throws Exception {
        Path spec = name.startsWith(GENERATED) ? generated(name.substring(GENERATED.length())) : CORPUS.resolve(name);
        if (outcome.equals("accepted")) {
            assertEquals(message, value(JobSpecLoader.load(spec), field), field);
            return;
        }
        assertEquals("refused", outcome, "cases.csv says accepted or refused");
        long start = System.nanoTime();
        SpecException e = assertThrows(SpecException.class, () -> JobSpecLoader.load(spec));
        double seconds = (System.nanoTime() - start) / 1e9;
        String m = e.getMessage();
        assertEquals(1, m.lines().count(), "one line: " + m);
        assertTrue(m.startsWith(spec.toString() + ": "), "names the spec file: " + m);
        if (!field.isEmpty()) {
            assertTrue(m.contains(": " + field + ": "), "names the field " + field + ": " + m);
        }
        assertTrue(m.contains(message), "says '" + message + "': " + m);
        assertTrue(seconds < 10, "refused in " + seconds + " s");
    }

    /** The value an accepted case checks, by its field's path. */
    private static String value(JobSpec spec, String field) {
        if (field.equals("title")) {
            return spec.title();
        }
        if (field.equals("inputs[0].mapping.shared_columns")) {
            return spec.inputs().get(0).mapping().sharedColumns().toString();
        }
        String[] check = field.split("\\.");
        assertEquals("checks", check[0], "cases.csv names a field this test reads: " + field);
        return spec.checks().stream().filter(c -> c.check().id().equals(check[1])).findFirst().orElseThrow()
                .parameters().asMap().get(check[2]).toString();
    }

    private static String unquoted(String s) {
        return s.length() > 1 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** A good spec whose title is 20 MB long; generated rather than kept in git. */
    private static Path generated(String name) throws IOException {
        Path spec = work.resolve(name);
        try (Writer out = Files.newBufferedWriter(spec, StandardCharsets.UTF_8)) {
            out.write(Files.readString(CORPUS.resolve("precisions-repeated.yaml"), StandardCharsets.UTF_8)
                    .replace("../", CORPUS.toAbsolutePath() + "/../"));
            out.write("title: \"");
            for (int i = 0; i < 20; i++) {
                out.write("x".repeat(1024 * 1024));
            }
            out.write("\"\n");
        }
        return spec;
    }
}
