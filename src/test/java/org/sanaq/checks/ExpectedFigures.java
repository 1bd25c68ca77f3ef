package org.sanaq.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

/**
 * What a fixture case expects of its check's outcome: metrics (metrics.csv) and findings (findings.csv), each row
 * with the hand arithmetic behind it in {@code why}. A value is a decimal or an exact ratio {@code a/b}; it must
 * equal the check's within {@code tolerance} (blank or 0: exactly), and a tolerance above 0 needs its
 * {@code tolerance_reason}. {@link #unmet} lists every expectation the outcomes do not meet, in words.
 */
final class ExpectedFigures {
    static final List<String> METRIC_COLUMNS = List.of("scope", "subject", "metric", "value", "tolerance",
            "tolerance_reason", "why");
    static final List<String> FINDING_COLUMNS = List.of("scope", "subject", "verdict", "value", "tolerance",
            "tolerance_reason", "contains", "why");

    /** An expected number: the value, and how far the check's may lie from it. */
    record Value(double value, double tolerance) {
        boolean admits(double actual) {
            return Math.abs(actual - value) <= tolerance;
        }

        @Override
        public String toString() {
            return tolerance == 0 ? RunFolder.number(value) : RunFolder.number(value) + " ± " + tolerance;
        }
    }

    record ExpectedMetric(String scope, String subject, String metric, Value value) {
        String key() {
            return scope + " " + subject + " " + metric;
        }
    }

    /** An expected finding; a null value or blank fragment is not compared. */
    record ExpectedFinding(String scope, String subject, Verdict verdict, Value value, String contains) {
        boolean matches(Finding f) {
            return f.scope().equals(scope) && f.subject().equals(subject) && f.verdict() == verdict
                    && (value == null || f.value() != null && value.admits(f.value()))
                    && (contains.isEmpty() || f.sentence().contains(contains)
                            || f.evidence().stream().anyMatch(e -> e.contains(contains)));
        }

        @Override
        public String toString() {
            return verdict.id() + " finding " + scope + " " + subject + (value == null ? "" : " value " + value)
                    + (contains.isEmpty() ? "" : " saying '" + contains + "'");
        }
    }

    /** A sentence that shows a number that is not one, or a blank where a value was to be filled in. */
    private static final Pattern UNREADABLE = Pattern.compile("(?s).*(NaN|Infinity|∞|\\s[,.;)]|  ).*");

    private final String check;
    private final List<ExpectedMetric> metrics;
    private final List<ExpectedFinding> findings;
    private final boolean allFindingsListed;

    private ExpectedFigures(String check, List<ExpectedMetric> metrics, List<ExpectedFinding> findings,
            boolean allFindingsListed) {
        this.check = check;
        this.metrics = metrics;
        this.findings = findings;
        this.allFindingsListed = allFindingsListed;
    }

    /**
     * Reads the expectations of {@code check}; either file may be absent. With {@code allFindingsListed}, a finding
     * of the check that no row of findings.csv matches is unmet too.
     *
     * @throws IllegalArgumentException a file whose header, cells or numbers break the format, or a metric expected
     *     twice
     */
    static ExpectedFigures read(String check, Path metricsFile, Path findingsFile, boolean allFindingsListed) {
        List<ExpectedMetric> metrics = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Map<String, String> row : rows(metricsFile, METRIC_COLUMNS)) {
            ExpectedMetric m = new ExpectedMetric(row.get("scope"), row.get("subject"), row.get("metric"),
                    value(row, metricsFile, true));
            if (!keys.add(m.key())) {
                throw new IllegalArgumentException(name(metricsFile) + " expects '" + m.key() + "' twice");
            }
            metrics.add(m);
        }
        List<ExpectedFinding> findings = new ArrayList<>();
        for (Map<String, String> row : rows(findingsFile, FINDING_COLUMNS)) {
            Verdict verdict;
            try {
                verdict = Verdict.of(row.get("verdict"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name(findingsFile) + ": verdict '" + row.get("verdict")
                        + "' is not flag, pass, inconclusive or error");
            }
            findings.add(new ExpectedFinding(row.get("scope"), row.get("subject"), verdict,
                    value(row, findingsFile, false), row.get("contains")));
        }
        if (allFindingsListed && findings.isEmpty()) {
            throw new IllegalArgumentException("all findings are to be listed, but " + name(findingsFile)
                    + " lists none");
        }
        return new ExpectedFigures(check, List.copyOf(metrics), List.copyOf(findings), allFindingsListed);
    }

    boolean isEmpty() {
        return metrics.isEmpty() && findings.isEmpty();
    }

    /**
     * Every expectation the outcomes do not meet, one line each: a metric the check did not produce (named, with the
     * metrics it gave in that scope), produced twice, or off its value; a finding that no finding of the check
     * matches, or (when all are to be listed) a finding that no row matches; a metric of the check that is not a
     * finite number, or a sentence that prints one or leaves a blank. Each expected finding takes a finding of its
     * own. Empty when all are met.
     */
    List<String> unmet(List<CheckOutcome> outcomes) {
        List<Metric> produced = outcomes.stream().flatMap(o -> o.metrics().stream())
                .filter(m -> m.check().equals(check)).toList();
        Map<String, List<Metric>> byKey = produced.stream().collect(Collectors.groupingBy(
                m -> m.scope() + " " + m.subject() + " " + m.metric(), LinkedHashMap::new, Collectors.toList()));
        List<String> unmet = new ArrayList<>();
        for (ExpectedMetric e : metrics) {
            List<Metric> found = byKey.getOrDefault(e.key(), List.of());
            if (found.isEmpty()) {
                unmet.add("no metric '" + e.key() + "' (expected " + e.value() + "); " + check + " gave in scope "
                        + e.scope() + ": " + produced.stream().filter(m -> m.scope().equals(e.scope()))
                                .map(m -> m.subject() + " " + m.metric()).distinct().toList());
            } else if (found.size() > 1) {
                unmet.add("metric '" + e.key() + "' produced " + found.size() + " times: " + found);
            } else if (!e.value().admits(found.get(0).value())) {
                unmet.add("metric '" + e.key() + "' is " + RunFolder.number(found.get(0).value()) + ", expected "
                        + e.value());
            }
        }
        List<Finding> left = new ArrayList<>(outcomes.stream().flatMap(o -> o.findings().stream())
                .filter(f -> f.check().equals(check)).toList());
        for (ExpectedFinding e : findings) {
            Finding match = left.stream().filter(e::matches).findFirst().orElse(null);
            if (match == null) {
                unmet.add("no " + e + "; " + check + "'s findings about " + e.scope() + " " + e.subject() + ": "
                        + left.stream().filter(f -> f.scope().equals(e.scope()) && f.subject().equals(e.subject()))
                                .map(f -> f.verdict().id() + " " + f.value() + " '" + f.sentence() + "'").toList());
            } else {
                left.remove(match);
            }
        }
        if (allFindingsListed) {
            left.forEach(f -> unmet.add("a finding not listed: " + f.verdict().id() + " " + f.scope() + " "
                    + f.subject() + " " + f.value() + " '" + f.sentence() + "'"));
        }
        produced.stream().filter(m -> !Double.isFinite(m.value())).forEach(m -> unmet.add("not a number: " + m));
        outcomes.stream().flatMap(o -> o.findings().stream()).filter(f -> f.check().equals(check))
                .filter(f -> f.sentence().isBlank() || UNREADABLE.matcher(f.sentence()).matches())
                .forEach(f -> unmet.add("an unreadable sentence: '" + f.sentence() + "'"));
        return unmet;
    }

    /** The rows of an expectation file by column, after checking its header and that each row explains itself. */
    private static List<Map<String, String>> rows(Path file, List<String> columns) {
        if (!Files.exists(file)) {
            return List.of();
        }
        DetailTable table;
        try {
            table = RunFolder.readCsv(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!table.columns().equals(columns)) {
            throw new IllegalArgumentException(name(file) + ": the header is " + table.columns() + ", not "
                    + columns);
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> cells = table.rows().get(i);
            String where = name(file) + " row " + (i + 2);
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException(where + ": " + cells.size() + " cells, not " + columns.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                row.put(columns.get(c), cells.get(c).strip());
            }
            if (row.get("why").isEmpty()) {
                throw new IllegalArgumentException(where + ": 'why' is blank; show the arithmetic");
            }
            row.put("where", where);
            out.add(row);
        }
        return out;
    }

    /** The row's value and tolerance; null when the value may be left blank and is. */
    private static Value value(Map<String, String> row, Path file, boolean required) {
        String where = row.get("where");
        String text = row.get("value");
        String tolerance = row.get("tolerance");
        if (text.isEmpty()) {
            if (required || !tolerance.isEmpty()) {
                throw new IllegalArgumentException(where + ": no value" + (required ? "" : " for the tolerance"));
            }
            return null;
        }
        double within = tolerance.isEmpty() ? 0 : number(tolerance, where);
        if (within < 0) {
            throw new IllegalArgumentException(where + ": the tolerance " + tolerance + " is negative");
        }
        if (within > 0 && row.get("tolerance_reason").isEmpty()) {
            throw new IllegalArgumentException(where + ": the tolerance " + tolerance + " needs its reason");
        }
        return new Value(number(text, where), within);
    }

    /** A decimal, or an exact ratio a/b of decimals (the nearest double to it, as the check's division gives). */
    private static double number(String text, String where) {
        try {
            int slash = text.indexOf('/');
            if (slash < 0) {
                return new BigDecimal(text).doubleValue();
            }
            return new BigDecimal(text.substring(0, slash).strip()).doubleValue()
                    / new BigDecimal(text.substring(slash + 1).strip()).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a number or a ratio a/b");
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
