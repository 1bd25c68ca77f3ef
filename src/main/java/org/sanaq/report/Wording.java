package org.sanaq.report;

import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;
import org.sanaq.schema.SourceKind;
import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;

/**
 * The report's words in its language: every heading, label and sentence of the renderings comes from
 * {@code report_<language>.properties} through here (keys {@code report.<name>}), and numbers are written the way
 * the language writes them. Data values (region and party names, file names) are passed through as published.
 */
final class Wording {
    /** A number with one decimal point, not part of a dotted code (00.10.76, 1.2.3). */
    private static final Pattern DECIMAL_POINT = Pattern.compile("(?<![\\d.])(\\d+)\\.(\\d+)(?![\\d.])");
    /** Rows of a detail table shown in the PDF, HTML and Markdown; the CSV has them all. */
    static final int MAX_TABLE_ROWS = 40;

    private final Messages messages;

    Wording(Messages messages) {
        this.messages = messages;
    }

    /** The words of a run's language (its manifest's), English when the language is absent or unknown. */
    static Wording of(String language) {
        return new Wording(Messages.of(language != null && Messages.LANGUAGES.contains(language) ? language
                : Messages.FALLBACK));
    }

    Messages messages() {
        return messages;
    }

    String language() {
        return messages.language();
    }

    /** The pattern {@code report.<name>} filled with the arguments. */
    String get(String name, Object... arguments) {
        return messages.format("report." + name, arguments);
    }

    String caveat() {
        return get("caveat");
    }

    /**
     * The verdict as a reader sees it; a flag that another finding explains, or that its placebo makes ordinary, says
     * so instead of asking for a look.
     */
    String verdict(Finding finding) {
        if (finding.explainedBy() != null) {
            return get("verdict.explained");
        }
        return finding.ordinary() ? get("verdict.ordinary") : verdict(finding.verdict());
    }

    /** The finding's sentence followed by its placebo's, where it has one. */
    static String sentence(Finding finding) {
        return finding.placebo() == null ? finding.sentence() : finding.sentence() + " " + finding.placebo().sentence();
    }

    String verdict(Verdict verdict) {
        return get("verdict." + verdict.id());
    }

    /**
     * A detail table's column header for readers: the words {@code report.column.<code>}, or, for a code without
     * words, the code as plain words ({@code share_low} → "share low"), so that no raw snake_case reaches the
     * report. The CSV files in tables/ keep the codes.
     */
    String column(String code) {
        String key = "report.column." + code;
        return code != null && !code.isBlank() && messages.defines(key) ? messages.format(key) : plainWords(code);
    }

    /** A code as plain words: underscores become spaces, leading ones dropped ({@code _line} → "line"). */
    static String plainWords(String code) {
        return code == null ? "" : code.replace('_', ' ').strip();
    }

    /** A whole number with the language's digit grouping. */
    String count(long n) {
        return Numbers.count(n, messages.locale());
    }

    /** A number for reading ({@link CellText#number}): whole from 1,000 up, else at most four significant digits. */
    String number(double x) {
        return CellText.number(x, numberFormat());
    }

    /** The language's number format, its grouping space narrow and unbreakable as in every sentence. */
    private NumberFormat numberFormat() {
        NumberFormat format = NumberFormat.getNumberInstance(messages.locale());
        ((java.text.DecimalFormat) format).setDecimalFormatSymbols(Numbers.symbols(messages.locale()));
        return format;
    }

    /** The language's decimal mark. */
    char decimalMark() {
        return DecimalFormatSymbols.getInstance(messages.locale()).getDecimalSeparator();
    }

    /**
     * A text with the decimal point of each number in it ("43.24 %") written with the language's mark ("43,24 %");
     * dotted codes such as precinct 00.10.76 or version 1.2.3 are left as they are.
     */
    String decimalMarks(String text) {
        char mark = decimalMark();
        return text == null || mark == '.' ? text
                : DECIMAL_POINT.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(String.valueOf(mark)) + "$2");
    }

    /**
     * A finding's scope ({@code national}, {@code region=Astana;source=observer:golos}) for readers: the places it
     * names, the whole country when it names none, and its source in words when that is not the official one.
     */
    String scope(String scope) {
        List<String> places = new ArrayList<>();
        String source = null;
        for (String part : scope == null ? new String[0] : scope.split(";")) {
            String[] keyValue = part.split("=", 2);
            if (keyValue.length == 1 && !keyValue[0].isBlank() && !keyValue[0].equals("national")) {
                places.add(keyValue[0]);
            } else if (keyValue.length == 2 && keyValue[0].equals("source")) {
                source = keyValue[1];
            } else if (keyValue.length == 2) {
                places.add(keyValue[1]);
            }
        }
        String place = places.isEmpty() ? get("scope.national") : String.join(", ", places);
        return source == null || source.equals("official") ? place : get("scope.source", place, source(source));
    }

    /**
     * A protocol source in words: the commission's ({@code official}), or a second source's kind and name
     * ({@code observer:golos} → "observers' copy: golos"); a name of no known kind is shown as given.
     */
    String source(String source) {
        if (source == null || source.isBlank()) {
            return "";
        }
        if (source.equals("official") || source.equals("from the data")) {
            return get("source." + source.replace(' ', '_'));
        }
        SourceKind kind = SourceKind.of(source);
        return kind == null ? source : get("source.kind." + kind.id(), source.substring(kind.prefix().length()));
    }

    /** A p-value in the report's language ({@link #p(Double, Locale)}). */
    String p(Double p) {
        return p(p, messages.locale());
    }

    /** A p-value for readers in a language ({@link Numbers#p}). */
    static String p(Double p, Locale locale) {
        return Numbers.p(p, locale);
    }

    /** The line naming the full table's file. */
    String fullTable(String name, int rows) {
        return get("table.full", name, rows);
    }
}
