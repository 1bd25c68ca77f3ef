package org.sanaq.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of findings and reports in one language, read from message files rather than written in code, so that
 * a report can be produced in any language that has its files.
 *
 * <p>A key's first segment names its file: {@code round_percentages.headline} is looked up in
 * {@code org/sanaq/text/round_percentages_<language>.properties} (UTF-8), and {@code report.caveat} in
 * {@code report_<language>.properties}. Each check keeps its words in a file named after its id. A key missing in a
 * language falls back to English; a key missing in English is a programming error and throws. Patterns are
 * {@link MessageFormat} patterns ({@code {0}}, {@code {1,number,#,##0}}, ...), and a noun after a count takes the
 * form the language's rules give it through {@code {1,plural,one|few|many}} ({@link Plural}); numbers are written
 * as the language writes them ({@link Numbers}: grouped, with its decimal mark); data values such as
 * region and party names are passed as arguments and appear as published.
 */
public final class Messages implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Languages with message files; a job spec's {@code language} must be one of them. */
    public static final Set<String> LANGUAGES = Set.of("en", "ru");
    public static final String FALLBACK = "en";
    private static final String FOLDER = "org/sanaq/text/";

    private final String language;
    private final transient Map<String, Properties> files = new ConcurrentHashMap<>();

    private Messages(String language) {
        this.language = language;
    }

    /** The messages of a language, which must be one of {@link #LANGUAGES}. */
    public static Messages of(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no messages in language '" + language + "'; there are " + LANGUAGES);
        }
        return new Messages(language);
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The pattern of {@code key} filled with {@code arguments}. */
    public String format(String key, Object... arguments) {
        // Always through MessageFormat, so that a quote is written '' in every pattern, with arguments or without.
        MessageFormat format = new MessageFormat(Plural.resolve(pattern(key), language, arguments), locale());
        Numbers.localise(format, arguments, locale());
        return format.format(arguments);
    }

    /** A pattern as {@link MessageFormat} reads it once its plural elements are resolved, to check it is valid. */
    public static String withoutPlurals(String pattern) {
        return Plural.withoutPlurals(pattern);
    }

    /** Whether the language has its own words for {@code key} (not the English fallback). */
    public boolean has(String key) {
        return file(fileOf(key), language).containsKey(key);
    }

    /** Whether {@code key} has words in this language or in the English fallback. */
    public boolean defines(String key) {
        return has(key) || file(fileOf(key), FALLBACK).containsKey(key);
    }

    private String pattern(String key) {
        String file = fileOf(key);
        String pattern = file(file, language).getProperty(key);
        if (pattern == null && !language.equals(FALLBACK)) {
            pattern = file(file, FALLBACK).getProperty(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no message '" + key + "' in " + FOLDER + file + "_" + FALLBACK
                    + ".properties");
        }
        return pattern;
    }

    private static String fileOf(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("a message key is <file>.<name>, not '" + key + "'");
        }
        return key.substring(0, dot);
    }

    private Properties file(String name, String lang) {
        return files.computeIfAbsent(name + "_" + lang, Messages::load);
    }

    private static Properties load(String fileAndLanguage) {
        Properties properties = new Properties();
        String path = FOLDER + fileAndLanguage + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
        return properties;
    }

    /** After deserialisation on an executor the file cache is empty again and fills on first use. */
    private Object readResolve() {
        return new Messages(language);
    }
}
