package org.sanaq.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessagesTest {
    /** An argument reference of a MessageFormat pattern: {0}, {1,number,integer}, {2,choice,...}. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    @Test
    void readsTheFileNamedByTheKeysFirstSegment() {
        Messages en = Messages.of("en");
        assertTrue(en.format("report.caveat").startsWith("A statistical anomaly is a reason to look closer"));
        assertTrue(en.has("report.caveat"));
        assertTrue(Messages.of("ru").format("report.caveat").startsWith("Статистическая аномалия"));
    }

    @Test
    void anUnknownKeyOrLanguageIsAnError() {
        Messages en = Messages.of("en");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> en.format("report.no_such_words"));
        assertEquals("no message 'report.no_such_words' in org/sanaq/text/report_en.properties", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> en.format("nodot"));
        assertThrows(IllegalArgumentException.class, () -> Messages.of("xx"));
    }

    @Test
    void numbersAreWrittenAsTheLanguageWritesThem() {
        // 12345 with the language's grouping: a comma in English, a no-break space in Russian (CLDR).
        assertEquals("Showing the first 40 of 12,345 rows.", Messages.of("en").format("report.table.shown", 40, 12345));
        assertEquals("Показаны первые 40 из 12\u00A0345 строк.", Messages.of("ru").format("report.table.shown", 40,
                12345));
        // A quote is written '' in every pattern, with arguments or without.
        assertFalse(Messages.of("en").format("official_vs_observer.title").contains("''"));
        assertEquals("p-values are adjusted for the number of tests a check runs, as each check's method says. Detail "
                + "tables in this report show at most 40 rows; the CSV files in tables/ hold every row.",
                Messages.of("en").format("report.methods.note", 40));
    }

    /**
     * Every language has every English key of every message file, each pattern is a valid MessageFormat, and a
     * translation uses exactly the arguments the English pattern uses (so no figure is lost or invented).
     */
    @Test
    void everyLanguageHasEveryEnglishKeyWithTheSameArguments() throws IOException, URISyntaxException {
        Path folder = Path.of(Messages.class.getClassLoader().getResource("org/sanaq/text/report_en.properties").toURI())
                .getParent();
        List<Path> english;
        try (Stream<Path> files = Files.list(folder)) {
            english = files.filter(f -> f.getFileName().toString().endsWith("_en.properties")).sorted().toList();
        }
        assertTrue(english.size() >= 5, "report and the four checks' files: " + english);
        for (String language : Messages.LANGUAGES) {
            for (Path file : english) {
                Path translated = file.resolveSibling(file.getFileName().toString()
                        .replace("_en.properties", "_" + language + ".properties"));
                assertTrue(Files.exists(translated), translated + " is missing");
                Properties en = load(file);
                Properties other = load(translated);
                assertEquals(en.stringPropertyNames(), other.stringPropertyNames(), translated.toString());
                for (String key : en.stringPropertyNames()) {
                    new MessageFormat(other.getProperty(key));
                    assertEquals(arguments(en.getProperty(key)), arguments(other.getProperty(key)),
                            language + " " + key);
                    assertNoLoneQuote(file.getFileName() + " " + key, en.getProperty(key));
                    assertNoLoneQuote(translated.getFileName() + " " + key, other.getProperty(key));
                }
            }
        }
    }

    /**
     * A lone quote starts a quoted run in MessageFormat: the rest of the pattern up to the next quote is printed as
     * it stands ("each check's method says … at most {0} rows" loses its quote and prints {0} raw). sanaq's patterns
     * quote nothing, so every apostrophe is written ''.
     */
    private static void assertNoLoneQuote(String where, String pattern) {
        assertFalse(pattern.replace("''", "").contains("'"), where + ": a lone ' (write '') in: " + pattern);
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
