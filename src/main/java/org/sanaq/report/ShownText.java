package org.sanaq.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Placebo;
import org.sanaq.results.RunFolder;

/**
 * What the report shows of a run's words, bounded whatever the inputs hold: a name (candidate, party, region,
 * district, ...) longer than {@link #MAX_NAME} characters is cut there and ends with "…", and so is any unbroken
 * run of characters in a sentence or a table cell. Only the report's renderings (PDF, HTML, Markdown and their
 * charts) are cut: findings.json and tables/*.csv, written before, keep every name whole.
 */
final class ShownText {
    /** Characters (code points) of a name shown in the report; the tables and findings.json keep it whole. */
    static final int MAX_NAME = 80;
    /** Table columns whose cells are names, cut as a whole; other cells only have their over-long words cut. */
    private static final Set<String> NAME_COLUMNS = Set.of("region", "district", "precinct", "candidate", "party",
            "label", "subject", "scope", "source", "input", "unit", "option", "name");
    private static final Pattern LONG_WORD = Pattern.compile("\\S{" + (MAX_NAME + 1) + ",}");
    /**
     * Codes the checks put into their sentences as data: a protocol source ({@code official}, {@code observer:golos})
     * and the turnout row named in parentheses ("Astana (turnout)").
     */
    private static final Pattern SENTENCE_CODE = Pattern.compile(
            "(?<![\\w:-])(official|(?:observer|ocr|platform|claim):[^\\s;,)]*[^\\s;,):])(?![\\w-])|(?<=\\()turnout(?=\\))");

    private ShownText() {
    }

    /** A name as the report shows it: whole up to {@link #MAX_NAME} characters, else cut there with "…". */
    static String name(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= MAX_NAME) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_NAME)) + "…";
    }

    /** Text with every unbroken run of more than {@link #MAX_NAME} characters cut there with "…". */
    static String words(String text) {
        if (text == null || text.length() <= MAX_NAME) {
            return text;
        }
        Matcher m = LONG_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(name(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A run's contents with names and words cut for the report's renderings (the run folder keeps them whole), and
     * the codes in the findings' sentences in the words of the run's language ({@link #codesInWords}).
     */
    static RunFolder.Contents forReport(RunFolder.Contents contents) {
        Wording words = Wording.of(contents.manifest() == null ? null : contents.manifest().language());
        List<Finding> findings = contents.findings().stream().map(f -> finding(f, words)).toList();
        List<FigureSpec> figures = contents.figures().stream().map(ShownText::figure).toList();
        Map<String, DetailTable> tables = new LinkedHashMap<>();
        contents.tables().forEach((name, table) -> tables.put(name, table(table)));
        return new RunFolder.Contents(contents.manifest(), findings, contents.metrics(), figures, tables);
    }

    private static Finding finding(Finding f, Wording language) {
        String subject = "turnout".equals(f.subject()) ? language.get("cell.turnout") : f.subject();
        return new Finding(f.check(), scope(f.scope()), name(subject), f.statistic(), f.value(), f.pValue(),
                f.pAdjusted(), f.verdict(), words(codesInWords(f.sentence(), language)),
                f.evidence().stream().map(ShownText::words).toList(),
                f.effect(), name(f.explainedBy()), placebo(f.placebo()));
    }

    /**
     * A sentence with the codes the checks write as data in the report's words ("источник: official" reads
     * "источник: официальные данные", "(turnout)" reads "(явка)", {@code observer:golos} names the kind of source),
     * and the numbers the checks wrote with a decimal point in the language's way ({@link Wording#decimalMarks}).
     */
    static String codesInWords(String sentence, Wording language) {
        if (sentence == null) {
            return null;
        }
        return language.decimalMarks(SENTENCE_CODE.matcher(sentence).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) == null ? language.get("cell.turnout") : language.source(m.group(1)))));
    }

    private static Placebo placebo(Placebo p) {
        return p == null ? null : new Placebo(p.otherRows(), p.randomGroupings(), p.honestSimulations(), p.ordinary(),
                words(p.sentence()));
    }

    /** A scope's values cut as names ({@code region=<name>}), so that they still match the tables' cut names. */
    private static String scope(String scope) {
        if (scope == null || scope.length() <= MAX_NAME) {
            return scope;
        }
        List<String> parts = new ArrayList<>();
        for (String part : scope.split(";", -1)) {
            int eq = part.indexOf('=');
            parts.add(eq < 0 ? name(part) : part.substring(0, eq + 1) + name(part.substring(eq + 1)));
        }
        return String.join(";", parts);
    }

    private static FigureSpec figure(FigureSpec f) {
        Map<String, String> filter = new LinkedHashMap<>();
        f.filter().forEach((k, v) -> filter.put(k, NAME_COLUMNS.contains(k) ? name(v) : words(v)));
        return new FigureSpec(f.check(), f.id(), f.kind(), words(f.title()), f.table(), f.columns(), filter,
                words(f.xLabel()), words(f.yLabel()), words(f.caption()));
    }

    private static DetailTable table(DetailTable t) {
        List<List<String>> rows = new ArrayList<>(t.rows().size());
        for (List<String> row : t.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                boolean isName = c < t.columns().size() && NAME_COLUMNS.contains(t.columns().get(c));
                cells.add(isName ? name(row.get(c)) : words(row.get(c)));
            }
            rows.add(cells);
        }
        return new DetailTable(t.name(), words(t.title()), t.columns(), rows);
    }
}
