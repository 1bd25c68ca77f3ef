package org.sanaq.checks.roundpct;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.PublishedRounding;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Effect;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;
import org.sanaq.stats.PoissonBinomial;
import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;

/**
 * The judging half of {@link RoundPercentageCheck}: from cells to metrics, findings, the per-cell table and the
 * distance histogram. Pure Java.
 */
final class RoundPercentageJudge {
    private static final String ID = RoundPercentageCheck.ID;
    private static final int BINS = 20;
    /** Cells named one by one in a sentence before the rest is left to the table. */
    private static final int NAMED = 12;
    /** The label, in the cells table, of a total that is not round but a sum of round figures ({@link RoundSums}). */
    static final String SUM_OF_ROUND = "sum of round figures";

    private final List<Integer> precisions;
    private final double maxP;
    private final double alpha;
    private final RoundingMode rounding;
    private final List<Cell> cells;
    private final List<String> skipped;
    private final List<Unit> derived;
    private final Messages words;

    /** The judge of the published cells; {@code derived} are the units the job summed itself, not tested. */
    RoundPercentageJudge(CheckParameters parameters, Messages words, List<Cell> cells, List<String> skipped,
            List<Unit> derived) {
        this.words = words;
        this.precisions = parameters.get(RoundPercentageCheck.PRECISIONS);
        this.maxP = parameters.get(RoundPercentageCheck.MAX_CELL_PROBABILITY);
        this.alpha = parameters.get(RoundPercentageCheck.ALPHA);
        this.rounding = PublishedRounding.of(parameters);
        this.cells = cells;
        this.skipped = skipped;
        this.derived = derived;
    }

    /**
     * The per-precision result: eligible cells, round ones, those not round that are sums of round figures
     * ({@link RoundSums}) and the others, the expectation, tail p-value and its correction.
     *
     * @param smallestPAdjusted the adjusted p had every eligible cell been round: when it is not below alpha, the
     *     cells are too few for any result to be flagged, and the finding is inconclusive rather than a pass
     */
    record Precision(int d, List<Cell> eligible, List<Cell> round, List<Cell> sums, List<Cell> notRound,
            double expected,
            double p, double pAdjusted, double smallestPAdjusted) {

        boolean flagged(double alpha) {
            return !eligible.isEmpty() && pAdjusted < alpha;
        }
    }

    /**
     * A figure built from a percentage with d' decimals is also round at a coarser d whenever the last d' − d
     * decimals of its percentage are zeros: one time in 10^(d'−d). So a strong excess at two decimals brings a
     * small one at whole percents with it. This is the tail of the round count at d when the cells round at the
     * finer d' are taken as built there (round at d with chance 10^(d−d')) and the others as honest; when it is
     * not small, the coarser excess is a by-product of the finer one and is not the headline.
     */
    private double beyondFiner(Precision coarse, Precision fine) {
        double byProduct = Math.pow(10, coarse.d() - fine.d());
        java.util.Set<Cell> builtFiner = new java.util.HashSet<>(fine.round());
        double[] p = new double[coarse.eligible().size()];
        for (int i = 0; i < p.length; i++) {
            Cell c = coarse.eligible().get(i);
            p[i] = builtFiner.contains(c) ? byProduct : RoundTarget.of(c.votes(), c.base(), coarse.d()).probability();
        }
        return Math.min(1.0, PoissonBinomial.upperTail(p, coarse.round().size()) * precisions.size());
    }

    CheckOutcome outcome() {
        List<Metric> metrics = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        if (!derived.isEmpty()) {
            metrics.add(new Metric(ID, "national", "all", "derived_units_not_tested", derived.size()));
            findings.add(Finding.inconclusive(ID, "national", "derived", "derived_units_not_tested",
                    derived.size(), words.format(ID + (cells.isEmpty() ? ".derived_only" : ".derived"),
                            derived.size())));
            if (cells.isEmpty()) {
                return new CheckOutcome(ID, metrics, findings, List.of(), List.of());
            }
        }
        List<Precision> results = new ArrayList<>();
        for (int d : precisions) {
            Precision r = precision(d);
            results.add(r);
            String subject = "d=" + d;
            metrics.add(new Metric(ID, "national", subject, "eligible_cells", r.eligible().size()));
            metrics.add(new Metric(ID, "national", subject, "round_cells", r.round().size()));
            metrics.add(new Metric(ID, "national", subject, "sum_of_round_cells", r.sums().size()));
            metrics.add(new Metric(ID, "national", subject, "expected_round_cells", r.expected()));
            metrics.add(new Metric(ID, "national", subject, "p_value", r.p()));
            metrics.add(new Metric(ID, "national", subject, "p_value_adjusted", r.pAdjusted()));
        }
        Map<Integer, Precision> explainedBy = new LinkedHashMap<>();
        Precision headline = null;
        for (Precision r : results.stream().sorted((a, b) -> Integer.compare(a.d(), b.d())).toList()) {
            if (!r.flagged(alpha)) {
                continue;
            }
            Precision finer = results.stream().filter(f -> f.d() > r.d() && f.flagged(alpha))
                    .max((a, b) -> Integer.compare(a.d(), b.d())).orElse(null);
            if (finer != null) {
                double beyond = beyondFiner(r, finer);
                metrics.add(new Metric(ID, "national", "d=" + r.d(), "p_value_beyond_finer", beyond));
                if (beyond >= alpha) {
                    explainedBy.put(r.d(), finer);
                    continue;
                }
            }
            if (headline == null) {
                headline = r;
            }
        }
        for (Precision r : results) {
            findings.add(finding(r, r == headline, explainedBy.get(r.d())));
        }
        metrics.add(new Metric(ID, "national", "all", "cells", cells.size()));
        metrics.add(new Metric(ID, "national", "all", "units_left_out", skipped.size()));
        int chartD = headline != null ? headline.d() : precisions.get(precisions.size() - 1);
        FigureSpec figure = new FigureSpec(ID, "distance", "histogram_vs_expected",
                words.format(ID + ".figure.title", precisionWords(chartD)),
                ID + "_distance", Map.of("bin_low", "bin_low", "bin_high", "bin_high", "observed", "observed",
                        "expected", "expected"), Map.of("d", Integer.toString(chartD)),
                words.format(ID + ".figure.x"), words.format(ID + ".figure.y"), words.format(ID + ".figure.caption"));
        return new CheckOutcome(ID, metrics, findings, List.of(cellTable(results), distanceTable(results),
                summaryTable(results), unitTable(results, chartD)), List.of(figure));
    }

    private Precision precision(int d) {
        return precision(d, cells);
    }

    /** The test at precision d over some of the cells (all of them, or one level's). */
    private Precision precision(int d, List<Cell> over) {
        java.util.Set<Cell> sumsOfRound = RoundSums.of(over, d);
        List<Cell> eligible = new ArrayList<>();
        List<Cell> round = new ArrayList<>();
        List<Cell> sums = new ArrayList<>();
        List<Cell> notRound = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (Cell c : over) {
            if (!c.hasBase()) {
                continue;
            }
            RoundTarget t = RoundTarget.of(c.votes(), c.base(), d);
            if (!t.isEligible(maxP)) {
                continue;
            }
            eligible.add(c);
            ps.add(t.probability());
            (t.isRound() ? round : sumsOfRound.contains(c) ? sums : notRound).add(c);
        }
        double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
        double tail = PoissonBinomial.upperTail(p, round.size());
        return new Precision(d, eligible, round, sums, notRound, PoissonBinomial.mean(p), tail,
                Math.min(1.0, tail * precisions.size()),
                Math.min(1.0, PoissonBinomial.upperTail(p, p.length) * precisions.size()));
    }

    private Finding finding(Precision r, boolean headline, Precision explainedBy) {
        Verdict verdict = r.eligible().isEmpty() || r.smallestPAdjusted() >= alpha ? Verdict.INCONCLUSIVE
                : r.pAdjusted() < alpha ? Verdict.FLAG : Verdict.PASS;
        String precision = precisionWords(r.d());
        String sentence;
        List<String> evidence = new ArrayList<>();
        if (r.eligible().isEmpty()) {
            sentence = words.format(ID + ".inconclusive", precision, maxP);
        } else if (verdict == Verdict.INCONCLUSIVE) {
            sentence = words.format(ID + ".too_few", precision, r.eligible().size(),
                    Numbers.p(r.smallestPAdjusted(), words.locale()), alpha);
        } else {
            sentence = words.format(ID + ".found", precision, r.round().size(), r.eligible().size(),
                    Texts.decimal(r.expected(), words.locale()));
            String pattern = headline ? pattern(UnitShares.of(r)) : "";
            if (explainedBy != null) {
                sentence += " " + words.format(ID + ".explained", precisionWords(explainedBy.d()));
            }
            if (!pattern.isEmpty()) {
                sentence += " " + pattern;
            }
            if (headline && !r.sums().isEmpty()) {
                sentence += " " + words.format(ID + ".sums", names(r.sums().stream().map(this::label).toList(),
                        "tables/" + ID + "_cells.csv"));
            }
            for (Cell c : (verdict == Verdict.FLAG ? r.round() : r.notRound())) {
                evidence.add(label(c) + " (" + c.where() + ")");
            }
        }
        // the round figures beyond what honest counting gives, of the figures tested
        Effect effect = verdict != Verdict.FLAG ? null : new Effect(r.round().size() - r.expected(),
                Effect.Unit.FIGURES, (double) r.eligible().size(), Effect.Basis.TEST);
        boolean tested = verdict != Verdict.INCONCLUSIVE; // an untested precision has no p-value to show
        return new Finding(ID, "national", "d=" + r.d(), "round_cells", (double) r.round().size(),
                tested ? r.p() : null, tested ? r.pAdjusted() : null, verdict, sentence, evidence, effect, explainedBy == null ? null : "d=" + explainedBy.d());
    }

    /** Every cell at every precision; a total that is a sum of round figures says so in its last column. */
    private DetailTable cellTable(List<Precision> results) {
        List<List<String>> rows = new ArrayList<>();
        for (Precision r : results) {
            int d = r.d();
            for (Cell c : cells) {
                if (!c.hasBase()) {
                    rows.add(List.of(c.level(), c.region(), nz(c.district()), c.subject(), nz(c.votes()),
                            nz(c.base()), "", Integer.toString(d), "", "", "", "", "no base", "", nz(c.published()),
                            "", ""));
                    continue;
                }
                RoundTarget t = RoundTarget.of(c.votes(), c.base(), d);
                String matches = c.published() == null ? ""
                        : Boolean.toString(RoundTarget.publishedMatches(c.published(), c.votes(), c.base(), rounding));
                rows.add(List.of(c.level(), c.region(), nz(c.district()), c.subject(), Long.toString(c.votes()),
                        Long.toString(c.base()), t.percent().toPlainString(), Integer.toString(d),
                        t.q().toString(), t.target().toPlainString(), t.offset().toPlainString(),
                        Double.toString(t.probability()), t.isEligible(maxP) ? "yes" : "no (p > " + maxP + ")",
                        Boolean.toString(t.isRound()), nz(c.published()), matches,
                        r.sums().contains(c) ? SUM_OF_ROUND : ""));
            }
        }
        return new DetailTable(ID + "_cells", words.format(ID + ".table.cells"), List.of("level", "region",
                "district", "subject", "count", "base", "percent_5dp", "d", "q", "round_target", "count_minus_target",
                "chance_round", "eligible", "round", "published_pct", "published_matches", "explained"), rows);
    }

    private DetailTable distanceTable(List<Precision> results) {
        List<List<String>> rows = new ArrayList<>();
        for (Precision r : results) {
            int[] observed = new int[BINS];
            for (Cell c : r.eligible()) {
                double u = RoundTarget.of(c.votes(), c.base(), r.d()).normalisedOffset();
                observed[Math.min(BINS - 1, (int) Math.floor((u + 0.5) * BINS))]++;
            }
            for (int i = 0; i < BINS; i++) {
                rows.add(List.of(Integer.toString(r.d()), binEdge(i), binEdge(i + 1), Integer.toString(observed[i]),
                        Double.toString(r.eligible().size() / (double) BINS)));
            }
        }
        return new DetailTable(ID + "_distance", words.format(ID + ".table.distance"), List.of("d", "bin_low",
                "bin_high", "observed", "expected"), rows);
    }

    /**
     * One row per precision for the whole table, then per level (METHODS.md §6 runs the test at every level above
     * the precinct; the whole table is the headline because a level may have too few cells on its own).
     */
    private DetailTable summaryTable(List<Precision> results) {
        List<List<String>> rows = new ArrayList<>();
        for (Precision r : results) {
            rows.add(summaryRow("all", r));
        }
        Map<String, List<Cell>> byLevel = new LinkedHashMap<>();
        cells.forEach(c -> byLevel.computeIfAbsent(c.level(), k -> new ArrayList<>()).add(c));
        if (byLevel.size() > 1) {
            for (Map.Entry<String, List<Cell>> level : byLevel.entrySet()) {
                for (int d : precisions) {
                    rows.add(summaryRow(level.getKey(), precision(d, level.getValue())));
                }
            }
        }
        return new DetailTable(ID + "_summary", words.format(ID + ".table.summary"),
                List.of("level", "d", "eligible_cells", "round_cells", "expected_round_cells", "p_value",
                        "p_value_adjusted"), rows);
    }

    private static List<String> summaryRow(String level, Precision r) {
        return List.of(level, Integer.toString(r.d()), Integer.toString(r.eligible().size()),
                Integer.toString(r.round().size()), Texts.decimal(r.expected()), Texts.scientific(r.p()),
                Texts.scientific(r.pAdjusted()));
    }

    /**
     * Per level with several units, how many units have most of their figures round and how many of them, then the
     * units that stand out the other way with their own counts (Kazakhstan 2023: "In 18 of 20 regions, 6 to 9 of
     * their 9 published figures sit exactly on a round percentage; Almaty Region 1 of 9; Turkistan Region 0 of 9").
     * Units with different numbers of figures are said to have most of them round. Empty when no unit is mostly
     * round.
     */
    private String pattern(List<UnitShares> units) {
        List<String> sentences = new ArrayList<>();
        for (String level : List.of("region", "district")) {
            List<UnitShares> ofLevel = units.stream().filter(u -> u.level().equals(level)).toList();
            List<UnitShares> mostly = ofLevel.stream().filter(UnitShares::mostlyRound).toList();
            if (ofLevel.size() < 2 || mostly.isEmpty()) {
                continue;
            }
            List<String> others = ofLevel.stream().filter(u -> !u.mostlyRound())
                    .map(u -> words.format(ID + ".unit_share", u.unit(), u.round(), u.figures())).toList();
            String rest = others.isEmpty() ? "" : "; " + names(others, "tables/" + ID + "_units.csv");
            String unitsWord = words.format(ID + ".units." + level);
            int fewest = mostly.stream().mapToInt(UnitShares::round).min().orElseThrow();
            int most = mostly.stream().mapToInt(UnitShares::round).max().orElseThrow();
            int figures = mostly.get(0).figures();
            boolean sameSize = mostly.stream().allMatch(u -> u.figures() == figures);
            sentences.add(sameSize
                    ? words.format(ID + ".pattern", mostly.size(), ofLevel.size(), unitsWord,
                            fewest == most ? words.format(ID + ".count", most)
                                    : words.format(ID + ".range", fewest, most), figures, rest)
                    : words.format(ID + ".pattern_mixed", mostly.size(), ofLevel.size(), unitsWord, rest));
        }
        return String.join(" ", sentences);
    }

    /** Each unit's figures and round ones per precision, the chart's precision first, most round first. */
    private DetailTable unitTable(List<Precision> results, int firstD) {
        List<List<String>> rows = new ArrayList<>();
        List<Precision> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparing((Precision r) -> r.d() != firstD).thenComparingInt(Precision::d));
        for (Precision r : ordered) {
            for (UnitShares u : UnitShares.of(r)) {
                rows.add(List.of(u.level(), u.unit(), Integer.toString(r.d()), Integer.toString(u.figures()),
                        Integer.toString(u.round()), Integer.toString(u.sums()), Texts.decimal(u.share())));
            }
        }
        return new DetailTable(ID + "_units", words.format(ID + ".table.units"), List.of("level", "unit", "d",
                "figures", "round", "sums_of_round", "share_round"), rows);
    }

    /** The i-th bin edge on [−0.5, 0.5], written exactly ("-0.15", not "-0.15000000000000002"). */
    private static String binEdge(int i) {
        return java.math.BigDecimal.valueOf(i - BINS / 2, 0).divide(java.math.BigDecimal.valueOf(BINS))
                .stripTrailingZeros().toPlainString();
    }

    private String label(Cell c) {
        return c.subject().equals(CellReader.TURNOUT) ? words.format(ID + ".turnout_in", c.unit())
                : words.format(ID + ".subject_in", c.subject(), c.unit());
    }

    private String precisionWords(int d) {
        return words.format(ID + ".precision." + d);
    }

    /** The first {@link #NAMED} names, then "and N more (see the table)". */
    private String names(List<String> names, String table) {
        if (names.size() <= NAMED) {
            return String.join("; ", names);
        }
        return words.format(ID + ".more", String.join("; ", names.subList(0, NAMED)), names.size() - NAMED, table);
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }
}
