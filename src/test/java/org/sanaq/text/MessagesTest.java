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
    /** A placeholder's syntax ({3}, {1,number,integer}, {0,choice,, {2,plural,), whose words are not text. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(,\\s*[a-z]+(,[^}|#{]*(?=[}|#]))?)?\\}?");
    /** A word in Latin letters, not part of a file name or of a formula's function ("round(v)"). */
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![\\w./])[A-Za-z_]+(?![\\w./(])");
    /** Names cited as published (journals, toolkits), whose English words stay English. */
    private static final List<String> PROPER_NAMES = List.of("Annals of Applied Statistics",
            "Annals of Statistics", "Journal of the Royal Statistical Society", "Election Forensics Toolkit");

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
        // 12345 with the language's grouping: a comma in English, a narrow no-break space in Russian (Numbers).
        assertEquals("Showing 40 of 12,345 rows.", Messages.of("en").format("report.table.shown_of", 40, 12345));
        assertEquals("Показано 40 из 12\u202F345 строк.", Messages.of("ru").format("report.table.shown_of", 40,
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
                    new MessageFormat(Messages.withoutPlurals(other.getProperty(key)));
                    new MessageFormat(Messages.withoutPlurals(en.getProperty(key)));
                    assertEquals(arguments(en.getProperty(key)), arguments(other.getProperty(key)),
                            language + " " + key);
                    assertNoLoneQuote(file.getFileName() + " " + key, en.getProperty(key));
                    assertNoLoneQuote(translated.getFileName() + " " + key, other.getProperty(key));
                }
            }
        }
    }

    @Test
    void aNounAfterACountTakesTheFormTheLanguagesRulesGiveIt() {
        Messages ru = Messages.of("ru");
        String claim = "official_vs_observer.claim";
        assertEquals("Голос заявляет 1 голос за «А»", ru.format(claim, "Голос", 1, "А", "Б", "2").split(" в округе")[0]);
        assertEquals("Голос заявляет 2 голоса за «А»", ru.format(claim, "Голос", 2, "А", "Б", "2").split(" в округе")[0]);
        assertEquals("Голос заявляет 5 голосов за «А»", ru.format(claim, "Голос", 5, "А", "Б", "2").split(" в округе")[0]);
        assertEquals("Голос заявляет 11 голосов за «А»", ru.format(claim, "Голос", 11, "А", "Б", "2").split(" в округе")[0]);
        assertEquals("Голос заявляет 21 голос за «А»", ru.format(claim, "Голос", 21, "А", "Б", "2").split(" в округе")[0]);
        assertEquals("Голос заявляет 32\u202F251 голос за «А»",
                ru.format(claim, "Голос", 32251L, "А", "Б", "2").split(" в округе")[0]);
        assertEquals("Голос заявляет 1\u202F012 голосов за «А»",
                ru.format(claim, "Голос", 1012, "А", "Б", "2").split(" в округе")[0]);
        assertEquals("Показано 40 из 21 строки.", ru.format("report.table.shown_of", 40, 21));
        assertEquals("Показано 40 из 22 строк.", ru.format("report.table.shown_of", 40, 22));
        assertEquals("Showing 40 of 1 row.", Messages.of("en").format("report.table.shown_of", 40, 1));
        assertEquals("Showing 40 of 21 rows.", Messages.of("en").format("report.table.shown_of", 40, 21));
        assertEquals("голоса", Plural.resolve("{0,plural,голос|голоса|голосов}", "ru", new Object[] {2.5}));
        assertEquals("голосов", Plural.resolve("{0,plural,голос|голоса|голосов}", "ru", new Object[] {"x"}));
        assertEquals("votes", Plural.resolve("{0,plural,vote|votes|votes}", "en", new Object[] {21}));
        assertEquals("vote", Plural.resolve("{0,plural,vote|votes|votes}", "en", new Object[] {1}));
    }

    /**
     * No Russian message leaves common English words untranslated: the words outside placeholders are checked
     * against a list of English words the checks' and the report's messages use. Proper names (sanaq, Benford,
     * LastC), file names (manifest.json) and placeholders are not on the list, so they pass.
     */
    @Test
    void russianMessagesLeaveNoCommonEnglishWord() throws IOException, URISyntaxException {
        Set<String> english = Set.of("the", "of", "and", "or", "in", "on", "to", "is", "are", "be", "for", "with",
                "from", "not", "no", "yes", "by", "at", "as", "that", "this", "which", "it", "its", "source", "official",
                "turnout", "national", "region", "district", "precinct", "votes", "vote", "round", "table", "rows",
                "flag", "more", "less", "than", "expected", "observed", "ballots", "voters", "candidate", "party",
                "can", "may", "explain", "explains", "shown", "first", "last", "total", "each", "every", "all", "none",
                "data", "check", "report", "target", "share", "count", "count_minus_target", "points", "percent");
        Path folder = Path.of(Messages.class.getClassLoader().getResource("org/sanaq/text/report_ru.properties")
                .toURI()).getParent();
        List<String> untranslated = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith("_ru.properties")).sorted().toList()) {
                Properties ru = load(file);
                for (String key : new TreeSet<>(ru.stringPropertyNames())) {
                    String words = PLACEHOLDER.matcher(ru.getProperty(key)).replaceAll(" ");
                    for (String name : PROPER_NAMES) {
                        words = words.replace(name, " ");
                    }
                    Matcher m = LATIN_WORD.matcher(words);
                    while (m.find()) {
                        if (english.contains(m.group().toLowerCase(java.util.Locale.ROOT))) {
                            untranslated.add(key + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), untranslated);
    }

    /**
     * The methods are explained and their papers cited in the report itself: no message points readers to a file
     * of the project they do not have (METHODS.md).
     */
    @Test
    void noMessageCitesAFileOfTheProject() throws IOException, URISyntaxException {
        Path folder = Path.of(Messages.class.getClassLoader().getResource("org/sanaq/text/report_en.properties")
                .toURI()).getParent();
        List<String> citing = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                if (Files.readString(file).contains("METHODS.md")) {
                    citing.add(file.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), citing);
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

    @Test
    void noKeyIsGivenTwice() throws IOException, URISyntaxException {
        Path folder = Path.of(Messages.class.getClassLoader().getResource("org/sanaq/text/report_en.properties").toURI())
                .getParent();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Set<String> seen = new TreeSet<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0) {
                        // a second value would silently replace the first: one of them is never shown
                        assertTrue(seen.add(line.substring(0, eq)), file.getFileName() + ": " + line);
                    }
                }
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
