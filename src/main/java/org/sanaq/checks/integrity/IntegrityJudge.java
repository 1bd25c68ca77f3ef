package org.sanaq.checks.integrity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sanaq.checks.CheckContext;
import org.sanaq.checks.PublishedRounding;
import org.sanaq.checks.roundpct.RoundTarget;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Effect;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;
import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;
import org.sanaq.text.Times;

/**
 * The judging half of {@link ProtocolIntegrityCheck}: counts per relation, source and region become metrics and
 * one finding per relation and source; the worst cases become one table per relation; level sums and
 * election-day reports are compared unit by unit. Pure Java over bounded results.
 *
 * <p>Each relation's table holds at most {@code worst_cases} protocols (largest difference first), not every
 * violation: the counts are exact, and a reader needs the worst cases, while a list of every violation of a
 * large election could not be read back by {@code render} (which loads each table whole).
 */
final class IntegrityJudge {
    private static final String ID = ProtocolIntegrityCheck.ID;
    private static final String OFFICIAL = "official";
    /** Mismatching percentages named as findings of their own, per source; the rest are in the table. */
    private static final int NAMED_PERCENTAGES = 20;
    private static final List<String> VIOLATION_COLUMNS = List.of("relation", "source", "level", "region",
            "district", "precinct", "subject", "left", "right", "difference", "file", "line");

    private final CheckContext context;
    private final Messages words;
    private final IntegrityResults results;
    private final RoundingMode rounding;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<DetailTable> tables = new ArrayList<>();
    /** The election-day charts of the flagged regions, drawn on their pages. */
    private final List<FigureSpec> dayFigures = new ArrayList<>();
    private final List<List<String>> summary = new ArrayList<>();
    /** Violations per "source region" label, for the chart. */
    private final Map<String, Long> byRegion = new TreeMap<>();
    /** Mismatching percentages named as findings so far, per source. */
    private final Map<String, Integer> named = new TreeMap<>();

    IntegrityJudge(CheckContext context, IntegrityResults results) {
        this.context = context;
        this.words = context.messages();
        this.results = results;
        this.rounding = PublishedRounding.of(context.parameters());
    }

    CheckOutcome outcome() {
        IntegrityRelations relations = results.relations();
        for (int r = 0; r < relations.turnout(); r++) {
            relation(r, "protocols");
        }
        relation(relations.turnout(), "published_turnouts");
        relation(relations.share(), "published_shares");
        for (LevelSum sum : LevelSum.values()) {
            levelSum(sum);
        }
        electionDay();
        if (findings.isEmpty()) {
            // no relation had a protocol with the counts it compares: say so rather than stay silent
            findings.add(Finding.inconclusive(ID, "national", "all", "protocols_checked", 0,
                    words.format(ID + ".nothing_checked")));
        }
        tables.add(0, new DetailTable(ID + "_relations", words.format(ID + ".table.relations"),
                List.of("relation", "source", "description", "checked", "violations"), summary));
        List<List<String>> bars = byRegion.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> List.of(e.getKey(), Long.toString(e.getValue()))).toList();
        tables.add(new DetailTable(ID + "_by_region", words.format(ID + ".table.by_region"), List.of("label",
                "value"), bars));
        FigureSpec figure = new FigureSpec(ID, "by_region", "ranked_bars", words.format(ID + ".figure.title"),
                ID + "_by_region", Map.of("label", "label", "value", "value"), Map.of(),
                words.format(ID + ".figure.x"), words.format(ID + ".figure.y"), words.format(ID + ".figure.caption"));
        List<FigureSpec> figures = new ArrayList<>();
        if (!bars.isEmpty()) {
            figures.add(figure);
        }
        figures.addAll(dayFigures);
        return new CheckOutcome(ID, metrics, findings, tables, figures);
    }

    private static String scope(String source, String region) {
        String prefix = OFFICIAL.equals(source) ? "" : "source=" + source;
        if (region == null) {
            return prefix.isEmpty() ? "national" : prefix;
        }
        return (prefix.isEmpty() ? "" : prefix + ";") + "region=" + region;
    }

    private void addCounts(String relation, String source, String region, long checked, long broken) {
        metrics.add(new Metric(ID, scope(source, region), relation, "protocols_checked", checked));
        metrics.add(new Metric(ID, scope(source, region), relation, "violations", broken));
    }

    /** The words describing a level sum. */
    private String describe(String relation) {
        return words.format(ID + ".relation." + relation);
    }

    /**
     * A relation's counts by place (sources' regions, in order; shares only where protocols name options) and
     * nationally by source, its summary rows and findings, and its worst-case table.
     */
    private void relation(int relation, String what) {
        IntegrityRelations relations = results.relations();
        String id = relations.id(relation);
        String description = relations.describe(relation, words);
        Map<String, long[]> national = new TreeMap<>();
        results.places().forEach((place, tally) -> {
            if ((relation == relations.share() ? tally.candidateRows() : tally.protocols()) == 0) {
                return;
            }
            long checked = tally.checked(relation);
            long broken = tally.broken(relation);
            addCounts(id, place.source(), place.region(), checked, broken);
            long[] n = national.computeIfAbsent(place.source(), k -> new long[2]);
            n[0] += checked;
            n[1] += broken;
            byRegion.merge(place.region() + (OFFICIAL.equals(place.source()) ? "" : " (" + place.source() + ")"),
                    broken, Long::sum);
        });
        List<List<String>> worst = rows(id, results.worst(id));
        namePercentages(results.worst(id));
        national.forEach((source, n) -> {
            addCounts(id, source, null, n[0], n[1]);
            summary.add(List.of(id, source, description, Long.toString(n[0]), Long.toString(n[1])));
            if (n[0] > 0) {
                findings.add(relationFinding(id, description, what, source, n[0], n[1],
                        results.worst(id, source)));
            }
        });
        if (!worst.isEmpty()) {
            tables.add(new DetailTable(ID + "_" + id, words.format(ID + ".table.worst", id, description,
                    worst.size()), VIOLATION_COLUMNS, worst));
        }
    }

    /** A relation's finding for one source, from the source's own worst cases (worst first). */
    private Finding relationFinding(String id, String description, String what, String source, long checked,
            long broken, List<Violation> ofSource) {
        String things = words.format(ID + ".what." + what);
        String sentence;
        if (broken == 0) {
            sentence = words.format(ID + ".relation_holds", id, checked, things, sourceWords(source), description);
        } else {
            Violation w = ofSource.get(0);
            sentence = words.format(ID + ".relation_broken", id, broken, checked, things, sourceWords(source),
                    description, where(w), against(w), difference(w));
        }
        List<String> evidence = ofSource.stream().limit(20).map(v -> where(v) + ": " + against(v)).toList();
        return new Finding(ID, scope(source, null), id, "violations", (double) broken, null, null,
                broken == 0 ? Verdict.PASS : Verdict.FLAG, sentence, evidence,
                broken == 0 ? null : Effect.precincts(broken, (double) checked));
    }

    /** The commission's source in words ("official", "официальные данные"); a second source by its name. */
    private String sourceWords(String source) {
        return OFFICIAL.equals(source) ? words.format(ID + ".source.official") : source;
    }

    /** Where a violation is, in words: region, district, precinct, subject, and its file and line. */
    private String where(Violation v) {
        StringBuilder s = new StringBuilder(text(v.region()));
        if (v.district() != null && !v.district().isEmpty()) {
            s.append(", ").append(words.format(ID + ".where.district", v.district()));
        }
        if (v.precinct() != null && !v.precinct().isEmpty()) {
            s.append(", ").append(words.format(ID + ".where.precinct", v.precinct()));
        }
        if (v.subject() != null && !v.subject().isEmpty()) {
            s.append(" (").append(subjectWords(v.subject())).append(")");
        }
        return s.append(" [").append(words.format(ID + ".where.file", fileName(text(v.file())),
                Long.toString(v.line())))
                .append("]").toString();
    }

    /** "turnout" in the language; a candidate or option as published. */
    private String subjectWords(String subject) {
        return subject.equals("turnout") ? words.format(ID + ".subject.turnout") : subject;
    }

    /**
     * A violation's two sides for reading: "495 against 490", or for a printed percentage "42.91 against 43.24
     * (341,118 of 788,931)", numbers as the language writes them.
     */
    private String against(Violation v) {
        Violation.Printed p = v.printed();
        if (p == null) {
            return words.format(ID + ".against", readable(v.left()), readable(v.right()));
        }
        return words.format(ID + ".against", decimal(printed(p)), decimal(computed(p)) + " ("
                + words.format(ID + ".of", p.count(), p.base()) + ")");
    }

    /** Left minus right, or printed minus computed, for reading. */
    private String difference(Violation v) {
        Violation.Printed p = v.printed();
        return p == null ? readable(v.difference()) : decimal(printed(p).subtract(computed(p)));
    }

    /** A figure the fold wrote as text (a whole or decimal number) as the language writes it; else as it is. */
    private String readable(String figure) {
        if (figure == null) {
            return "";
        }
        try {
            return decimal(new BigDecimal(figure.strip()));
        } catch (NumberFormatException notANumber) {
            return figure;
        }
    }

    private String decimal(BigDecimal x) {
        return Numbers.decimal(x, words.locale());
    }

    private static BigDecimal printed(Violation.Printed p) {
        return new BigDecimal(p.published().strip());
    }

    /** A file's name without its folder: the sentence names the file, the table keeps its path. */
    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The worst violations as table rows; printed percentages get the computed value and the gap. */
    private List<List<String>> rows(String id, List<Violation> violations) {
        List<List<String>> rows = new ArrayList<>();
        for (Violation v : violations) {
            String left = text(v.left());
            String right = text(v.right());
            String difference = text(v.difference());
            Violation.Printed p = v.printed();
            if (p != null) {
                BigDecimal printed = printed(p);
                BigDecimal computed = computed(p);
                left = printed.toPlainString();
                right = computed.toPlainString() + " ("
                        + words.format(ID + ".of", Long.toString(p.count()), Long.toString(p.base())) + ")";
                difference = printed.subtract(computed).toPlainString();
            }
            rows.add(List.of(id, text(v.source()), text(v.level()), text(v.region()), text(v.district()),
                    text(v.precinct()), text(v.subject()), left, right, difference, text(v.file()),
                    Long.toString(v.line())));
        }
        return rows;
    }

    /** A finding for each of the first printed percentages per source among these violations (worst first). */
    private void namePercentages(List<Violation> violations) {
        for (Violation v : violations) {
            Violation.Printed p = v.printed();
            if (p != null && named.merge(v.source(), 1, Integer::sum) <= NAMED_PERCENTAGES) {
                findings.add(percentageFinding(v, printed(p), computed(p)));
            }
        }
    }

    /** The percentage the counts give, rounded as the published one is. */
    private BigDecimal computed(Violation.Printed p) {
        return RoundTarget.computedAsPublished(p.published(), p.count(), p.base(), rounding);
    }

    private Finding percentageFinding(Violation v, BigDecimal printed, BigDecimal computed) {
        String subject = v.subject();
        String what = subject.equals("turnout") ? subjectWords(subject)
                : words.format(ID + ".subject.share", subject);
        double gap = printed.subtract(computed).abs().doubleValue();
        String sentence = words.format(ID + ".percentage", v.region(), what, decimal(printed),
                v.printed().count(), v.printed().base(), decimal(computed), decimal(printed.subtract(computed).abs()));
        return new Finding(ID, scope(v.source(), v.region()), subject, "published_pct_gap_points", gap, null,
                null, Verdict.FLAG, sentence,
                List.of(words.format(ID + ".where.file", v.file(), Long.toString(v.line()))),
                Effect.votes(gap * v.printed().base() / 100, (double) v.printed().base()));
    }

    private void levelSum(LevelSum sum) {
        LevelSum.Comparison c = sum.compare(results, context.country());
        List<List<String>> rows = new ArrayList<>();
        Map<String, Long> mismatchesBySource = new TreeMap<>();
        for (LevelSum.Mismatch m : c.mismatches()) {
            mismatchesBySource.merge(m.source(), 1L, Long::sum);
            rows.add(List.of(sum.id(), m.source(), m.unit(), m.field(), Long.toString(m.published()),
                    Long.toString(m.lowerSum()), Long.toString(m.difference()), Long.toString(m.lowerProtocols()),
                    m.file(), Long.toString(m.line())));
            findings.add(new Finding(ID, scope(m.source(), m.unit()), sum.id(), "difference", (double) m.difference(),
                    null, null, Verdict.FLAG, words.format(ID + ".level_sum", m.unit(), m.field(), m.published(),
                            m.lowerProtocols(), m.lowerSum(), m.difference()),
                    List.of(words.format(ID + ".where.file", m.file(), Long.toString(m.line()))),
                    Effect.votes(Math.abs(m.difference()), (double) m.published())));
        }
        c.checkedBySource().forEach((source, checked) -> {
            long broken = mismatchesBySource.getOrDefault(source, 0L);
            addCounts(sum.id(), source, null, checked, broken);
            summary.add(List.of(sum.id(), source, describe(sum.id()), Long.toString(checked), Long.toString(broken)));
        });
        if (!rows.isEmpty()) {
            tables.add(new DetailTable(ID + "_" + sum.id(), words.format(ID + ".table.level_sum", sum.id(),
                    describe(sum.id())), List.of("relation",
                    "source", "unit", "field", "published", "lower_sum", "difference", "lower_protocols", "file",
                    "line"), rows));
        }
    }

    private void electionDay() {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> curves = new ArrayList<>();
        for (ElectionDayReports.Comparison c : ElectionDayReports.compare(results)) {
            String scope = scope(c.source(), c.level().equals("national") ? null : c.region());
            metrics.add(new Metric(ID, scope, "turnout", "final_minus_last_report_voters", c.gapVoters().doubleValue()));
            metrics.add(new Metric(ID, scope, "turnout", "final_minus_last_report_points", c.gapPoints().doubleValue()));
            String lastVoters = c.last().voters() == null ? "" : Long.toString(c.last().voters());
            rows.add(List.of(c.source(), c.level(), c.region(), c.last().at(), text(c.last().percent()), lastVoters,
                    Long.toString(c.finalBallots()), Long.toString(c.registered()), points(c.finalPercent()),
                    c.gapVoters().setScale(0, RoundingMode.HALF_UP).toPlainString(), points(c.gapPoints()),
                    c.bound().setScale(0, RoundingMode.HALF_UP).toPlainString(), c.estimated() ? "yes" : "no",
                    c.flagged() ? "yes" : "no"));
            if (c.level().equals("national") || c.flagged()) {
                findings.add(electionDayFinding(c, scope));
            }
            if (c.flagged() && !c.level().equals("national")) {
                curves.addAll(curve(c));
            }
        }
        if (!curves.isEmpty()) {
            tables.add(new DetailTable(ID + "_election_day_curve", words.format(ID + ".table.election_day_curve"),
                    List.of("region", "label", "value"), curves));
        }
        if (!rows.isEmpty()) {
            tables.add(new DetailTable(ID + "_election_day", words.format(ID + ".table.election_day"), List.of("source", "level", "region", "last_report_at", "last_report_pct",
                    "last_report_voters", "final_ballots", "registered", "final_pct", "final_minus_last_voters",
                    "final_minus_last_points", "bound_voters", "voters_estimated_from_pct", "flag"), rows));
        }
    }

    /**
     * A flagged region's day as its page draws it: each report's printed turnout at its local time, then the final
     * count's, with the figure that asks for it (one per flagged region, bounded by the regions).
     */
    private List<List<String>> curve(ElectionDayReports.Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        for (ElectionDayReports.Bulletin b : c.day()) {
            if (b.percent() != null) {
                rows.add(List.of(c.region(), Times.clock(b.at()), b.percent().toPlainString()));
            }
        }
        rows.add(List.of(c.region(), words.format(ID + ".figure.day.final"), points(c.finalPercent())));
        dayFigures.add(new FigureSpec(ID, "election_day_" + c.region(), "bars",
                words.format(ID + ".figure.day.title", c.region()), ID + "_election_day_curve",
                Map.of("label", "label", "value", "value"), Map.of("region", c.region()),
                words.format(ID + ".figure.day.x"), words.format(ID + ".figure.day.y"),
                words.format(ID + ".figure.day.caption")));
        return rows;
    }

    private Finding electionDayFinding(ElectionDayReports.Comparison c, String scope) {
        return new Finding(ID, scope, "turnout", "final_minus_last_report_voters", c.gapVoters().doubleValue(), null,
                null, c.flagged() ? Verdict.FLAG : Verdict.PASS, new ElectionDaySentence(words).of(c),
                List.of(words.format(ID + ".where.file", c.file(), Long.toString(c.line()))),
                c.flagged() ? Effect.votes(c.gapVoters().doubleValue(), (double) c.finalBallots()) : null);
    }

    private static String points(BigDecimal x) {
        return x.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(Object o) {
        return o == null ? "" : o instanceof BigDecimal b ? b.toPlainString() : o.toString();
    }
}
