package org.sanaq.checks.observer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.sanaq.checks.CheckParameters;
import org.sanaq.compare.Capped;
import org.sanaq.compare.PairFolds;
import org.sanaq.compare.PairLists;
import org.sanaq.compare.PairStatistics;
import org.sanaq.compare.ProtocolPairs;
import org.sanaq.compare.ReadingErrors;
import org.sanaq.compare.SourceTally;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Effect;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;
import org.sanaq.schema.SourceKind;
import org.sanaq.stats.SignTest;
import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;

/**
 * Turns the comparison's typed, bounded results into metrics, findings, tables and the scatter figure, each
 * sentence naming the kind of second source it speaks of ({@link SourceKind}). Pure: no Spark.
 */
final class ObserverJudge {
    private static final String ID = OfficialVsObserverCheck.ID;
    private static final int REGISTERED = ProtocolPairs.COUNT_FIELDS.indexOf("registered");
    /** The subject of the finding on the direction of the differences across parties. */
    private static final String ALL_PARTIES = "all parties";
    private final CheckParameters parameters;
    private final Messages words;
    private final String election;
    private final PairStatistics results;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<DetailTable> tables = new ArrayList<>();

    ObserverJudge(CheckParameters parameters, Messages words, String election, PairStatistics results) {
        this.parameters = parameters;
        this.words = words;
        this.election = election;
        this.results = results;
    }

    CheckOutcome outcome() {
        pairs();
        readingErrors();
        candidates();
        lowerBounds();
        recount();
        coverage();
        lists();
        claims();
        FigureSpec scatter = new FigureSpec(ID, ID + "_scatter", "scatter", words.format(ID + ".figure.title"),
                ID + "_points", Map.of("x", "official", "y", "observer"), null, words.format(ID + ".figure.x"),
                words.format(ID + ".figure.y"), words.format(ID + ".figure.caption", parameters.get(OfficialVsObserverCheck.SCATTER_POINTS)));
        return new CheckOutcome(ID, metrics, findings, tables, List.of(scatter));
    }

    private void pairs() {
        long matched = 0;
        long identical = 0;
        long differing = 0;
        long lowConfidence = 0;
        List<List<String>> fieldRows = new ArrayList<>();
        for (Map.Entry<PairFolds.SourceKey, SourceTally> e : results.sources().entrySet()) {
            if (e.getKey().lowerBound()) {
                continue;
            }
            String source = e.getKey().source();
            SourceTally s = e.getValue();
            matched += s.pairs();
            identical += s.identical();
            differing += s.differing();
            lowConfidence += s.differingLowConfidence();
            for (int f = 0; f < ProtocolPairs.COUNT_FIELDS.size(); f++) {
                if (s.compared(f) > 0) {
                    fieldRows.add(List.of(source, ProtocolPairs.COUNT_FIELDS.get(f), Long.toString(s.compared(f)),
                            Long.toString(s.differingOn(f)), Long.toString(s.difference(f))));
                }
            }
            s.lines().forEach((line, t) -> fieldRows.add(List.of(source, line, Long.toString(t.compared()),
                    Long.toString(t.differing()), Long.toString(t.difference()))));
            sourceFinding(source, s);
        }
        metric("national", "all", "pairs_matched", matched);
        metric("national", "all", "pairs_identical", identical);
        metric("national", "all", "pairs_differing", differing);
        metric("national", "all", "pairs_differing_low_confidence", lowConfidence);
        metric("national", "all", "pairs_differing_confident", differing - lowConfidence);
        tables.add(new DetailTable(ID + "_fields", words.format(ID + ".table.fields"),
                List.of("source", "field", "pairs_compared", "pairs_differing", "difference_total"), fieldRows));
        // claims are never matched as copies: with only claims, their own findings say what there is
        if (results.sources().isEmpty() && results.lists().claims().count() == 0) {
            findings.add(new Finding(ID, "national", "all", "pairs_differing", 0.0, null, null,
                    Verdict.INCONCLUSIVE, words.format(ID + ".no_pairs", election), List.of(), null));
        }
    }

    /**
     * One full-count source's pairs in a sentence that names its kind and the fields "identical" covers. A copy
     * of the signed protocol that differs is a flag; a machine reading that differs is not by itself (photos are
     * misread): its reading errors and the sign tests say more.
     */
    private void sourceFinding(String source, SourceTally s) {
        long confident = s.differing() - s.differingLowConfidence();
        // copies of the signed protocol, not readings of photos (ocr sources, transcribed inputs)
        boolean document = s.checkedForReadingErrors() == 0;
        // a reading that differs is what machine reading gives: described, not flagged
        Verdict verdict = document && confident > 0 ? Verdict.FLAG : Verdict.PASS;
        StringBuilder sentence = new StringBuilder(words.format(ID + ".pairs", kindWords(source), s.pairs(),
                election, s.identical(), comparedOn(s), s.differing(), s.differingLowConfidence(),
                figure(parameters.get(OfficialVsObserverCheck.LOW_CONFIDENCE)), confident));
        if (s.compared(REGISTERED) == 0) {
            sentence.append(' ').append(words.format(ID + ".no_registered"));
        }
        if (!document && confident > 0) {
            sentence.append(' ').append(words.format(ID + ".readings_differ"));
        }
        if (!s.confidenceGivenFor().isEmpty() && !s.wholeProtocolConfidence()) {
            sentence.append(' ').append(words.format(ID + ".confidence_given_for",
                    String.join(", ", s.confidenceGivenFor())));
        }
        findings.add(new Finding(ID, "national", source, "pairs_differing", (double) s.differing(), null, null,
                verdict, sentence.toString(), List.of(),
                verdict == Verdict.FLAG ? Effect.precincts(confident, (double) s.pairs()) : null));
    }

    /** The fields a source's pairs compare, in words: {@code registered, valid, ... and the votes of 5 candidates}. */
    private String comparedOn(SourceTally s) {
        List<String> fields = new ArrayList<>();
        for (int f = 0; f < ProtocolPairs.COUNT_FIELDS.size(); f++) {
            if (s.compared(f) > 0) {
                fields.add(ProtocolPairs.COUNT_FIELDS.get(f));
            }
        }
        fields.addAll(s.lines().keySet());
        return words.format(ID + ".compared_on", String.join(", ", fields), fields.size(), s.candidates().size());
    }

    /** The words of a source's kind with its name, e.g. {@code machine readings of protocol photos (ocr:foige)}. */
    private String kindWords(String source) {
        SourceKind kind = SourceKind.of(source);
        return words.format(ID + ".kind." + (kind == null ? SourceKind.OBSERVER : kind).id(), source);
    }

    private void readingErrors() {
        results.sources().forEach((key, s) -> {
            if (s.checkedForReadingErrors() == 0) {
                return;
            }
            String source = key.source();
            metric("national", source, "pairs_with_reading_errors", s.withReadingErrors());
            List<Object> counts = new ArrayList<>(List.of(kindWords(source), s.withReadingErrors(), s.pairs()));
            for (ReadingErrors.Pattern p : ReadingErrors.Pattern.values()) {
                metric("national", source, "reading_error_" + p.id(), s.withReadingError(p));
                counts.add(s.withReadingError(p));
            }
            counts.add(s.pairs() - s.withReadingErrors());
            // reading errors are what machine reading gives: described, set aside, never a flag
            findings.add(new Finding(ID, "national", source, "pairs_with_reading_errors",
                    (double) s.withReadingErrors(), null, null, Verdict.PASS,
                    words.format(ID + ".reading_errors", counts.toArray()), List.of("tables/" + ID + "_misreadings.csv"),
                    null));
        });
        if (results.sources().values().stream().allMatch(s -> s.checkedForReadingErrors() == 0)) {
            return;
        }
        list("misreadings", "misreadings", results.lists().misreadings(), List.of("source", "region", "district",
                "precinct", "patterns", "evidence", "document_ref"), m -> Arrays.asList(m.copySource(), m.region(),
                        m.district(), m.precinct(), m.patterns(), m.evidence(), m.documentRef()));
    }

    private void lowerBounds() {
        long minExcess = parameters.get(OfficialVsObserverCheck.MIN_EXCESS);
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<PairFolds.SourceKey, SourceTally> e : results.sources().entrySet()) {
            if (!e.getKey().lowerBound()) {
                continue;
            }
            String source = e.getKey().source();
            metric("national", source, "lower_bound_pairs", e.getValue().pairs());
            e.getValue().candidates().forEach((candidate, c) -> {
                metric("national", candidate, "lower_bound_pairs", c.pairs());
                metric("national", candidate, "stations_above_official", c.exceeding());
                metric("national", candidate, "excess_above_official", c.excessTotal());
                rows.add(List.of(source, candidate, Long.toString(c.pairs()), Long.toString(c.exceeding()),
                        Long.toString(c.excessTotal())));
                if (c.exceeding() > 0) {
                    findings.add(new Finding(ID, "national", candidate, "stations_above_official",
                            (double) c.exceeding(), null, null, Verdict.FLAG, words.format(ID + ".lower_bound",
                                    kindWords(source), c.exceeding(), c.pairs(), candidate, c.excessTotal(),
                                    minExcess), List.of("tables/" + ID + "_excesses.csv"),
                            Effect.precincts(c.exceeding(), (double) c.pairs())));
                }
            });
        }
        if (rows.isEmpty()) {
            return;
        }
        tables.add(new DetailTable(ID + "_lower_bound", words.format(ID + ".table.lower_bound", minExcess),
                List.of("source", "candidate", "stations", "stations_above_official", "excess_total"), rows));
        list("excesses", "excesses", results.lists().excesses(), List.of("source", "region", "district",
                "precinct", "candidate", "official", "counted", "excess", "document_ref"), x -> Arrays.asList(
                        x.copySource(), x.region(), x.district(), x.precinct(), x.candidate(), x.official(),
                        x.counted(), x.counted() - x.official(), x.documentRef()));
    }

    private void candidates() {
        List<List<String>> rows = new ArrayList<>();
        Map<String, SourceTally.CandidateTally> byCandidate = results.fullCountCandidates();
        double alpha = parameters.get(OfficialVsObserverCheck.ALPHA);
        DirectionBySize direction = DirectionBySize.of(byCandidate, alpha);
        String fullCountSources = String.join("; ", results.sources().keySet().stream()
                .filter(k -> !k.lowerBound()).map(k -> kindWords(k.source())).toList());
        int tests = Math.max(1, byCandidate.size());
        for (Map.Entry<String, SourceTally.CandidateTally> e : byCandidate.entrySet()) {
            SourceTally.CandidateTally t = e.getValue();
            long official = t.officialTotal();
            long observer = t.observerTotal();
            long gained = t.gained();
            long lost = t.lost();
            double p = SignTest.twoSided(gained, lost);
            double pConfident = SignTest.twoSided(t.gainedConfident(), t.lostConfident());
            String c = e.getKey();
            metric("national", c, "official_total", official);
            metric("national", c, "observer_total", observer);
            metric("national", c, "difference_total", official - observer);
            metric("national", c, "gained_in_pairs", gained);
            metric("national", c, "lost_in_pairs", lost);
            metric("national", c, "sign_test_p", p);
            metric("national", c, "gained_in_pairs_confident", t.gainedConfident());
            metric("national", c, "lost_in_pairs_confident", t.lostConfident());
            metric("national", c, "sign_test_p_confident", pConfident);
            rows.add(List.of(c, Long.toString(official), Long.toString(observer), Long.toString(official - observer),
                    Long.toString(gained), Long.toString(lost), fmt(p), Long.toString(t.gainedConfident()),
                    Long.toString(t.lostConfident()), fmt(pConfident)));
            double adjusted = Math.min(1, p * tests);
            // the smallest adjusted p these pairs allow, had every one moved the same way: not below alpha, the
            // pairs are too few for the sign test to find anything, and it says inconclusive rather than pass
            double smallest = Math.min(1, SignTest.twoSided(gained + lost, 0) * tests);
            if (gained + lost > 0 && smallest >= alpha) {
                findings.add(Finding.inconclusive(ID, "national", c, "sign_test_p", official - observer,
                        words.format(ID + ".too_few_pairs", c, gained + lost, Numbers.p(smallest, words.locale()), alpha)));
            } else if (gained + lost > 0) {
                boolean significant = adjusted < alpha;
                String sentence = words.format(ID + ".candidate", c, official, observer, official - observer, gained,
                        lost, fullCountSources);
                // a significant direction that is part of the misreading pattern is not evidence of bias: it is
                // explained by the direction across parties
                boolean misread = significant && direction.misreading();
                if (misread) {
                    sentence += " " + words.format(ID + ".candidate.misreading");
                }
                findings.add(new Finding(ID, "national", c, "sign_test_p", (double) (official - observer), p,
                        adjusted, significant ? Verdict.FLAG : Verdict.PASS, sentence, List.of(),
                        significant ? new Effect(Math.abs(official - observer), Effect.Unit.VOTES, (double) official,
                                Effect.Basis.TEST) : null, misread ? ALL_PARTIES : null));
            }
        }
        tables.add(new DetailTable(ID + "_candidates", words.format(ID + ".table.candidates"), List.of("candidate",
                "official_total", "observer_total", "difference_total", "gained_in_pairs", "lost_in_pairs",
                "sign_test_p", "gained_confident", "lost_confident", "sign_test_p_confident"), rows));
        directionFinding(direction);
    }

    /** The direction of the differences across all parties by size, in one sentence (none below two parties). */
    private void directionFinding(DirectionBySize direction) {
        if (direction.bySize().size() < 2 || direction.higher().size() + direction.lower().size() == 0) {
            return;
        }
        metric("national", "all", "parties_official_higher", direction.higher().size());
        metric("national", "all", "parties_official_lower", direction.lower().size());
        String sentence = words.format(ID + ".direction", direction.bySize().size(), direction.higher().size(),
                String.join(", ", direction.higher()), direction.lower().size(), String.join(", ", direction.lower()))
                + " " + words.format(ID + (direction.misreading() ? ".direction.misreading" : ".direction.other"));
        // a description, not a test: it explains the sign tests' flags when they are the misreading pattern
        findings.add(new Finding(ID, "national", ALL_PARTIES, "direction_by_size",
                (double) direction.higher().size(), null, null, Verdict.PASS, sentence, List.of(), null));
    }

    private void recount() {
        int seats = parameters.get(OfficialVsObserverCheck.SEATS).intValue();
        List<RecountedResults.Unit> units = RecountedResults.compare(results.districts(),
                parameters.get(OfficialVsObserverCheck.THRESHOLD_PCT), seats,
                parameters.get(OfficialVsObserverCheck.SEAT_METHOD));
        if (units.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (RecountedResults.Unit u : units) {
            rows.add(List.of(u.scope(), u.officialTopTwo(), u.recountedTopTwo(), String.join("; ", u.changes())));
            if (!u.changes().isEmpty()) {
                // a result recounted with machine readings is as good as the readings: worth listing, not a flag
                boolean readings = u.readings() > 0;
                String sentence = words.format(ID + ".recount", u.scope(), String.join("; ", u.changes()))
                        + (readings ? " " + words.format(ID + ".recount.readings", u.readings()) : "");
                findings.add(new Finding(ID, u.scope(), "all", "result_changes", (double) u.changes().size(), null,
                        null, readings ? Verdict.INCONCLUSIVE : Verdict.FLAG, sentence, List.of(), null));
            }
        }
        String seatNote = seats > 0 ? words.format(ID + ".seats", seats, parameters.get(OfficialVsObserverCheck.SEAT_METHOD))
                : words.format(ID + ".no_seats");
        tables.add(new DetailTable(ID + "_recount", words.format(ID + ".table.recount", seatNote,
                figure(parameters.get(OfficialVsObserverCheck.THRESHOLD_PCT))),
                List.of("scope", "official_top_two", "recounted_top_two", "changes"), rows));
    }

    private void coverage() {
        Map<String, long[]> byScope = new TreeMap<>();
        results.districts().forEach((d, t) -> {
            long[] v = {t.precincts(), t.precinctsWithCopy(), t.registered(), t.registeredWithCopy()};
            if (d.district() != null) {
                add(byScope, "district=" + d.region() + " / " + d.district(), v);
            }
            add(byScope, "region=" + d.region(), v);
            add(byScope, "national", v);
        });
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byScope.entrySet()) {
            long[] v = e.getValue();
            double precincts = v[0] == 0 ? Double.NaN : (double) v[1] / v[0];
            double registered = v[2] == 0 ? Double.NaN : (double) v[3] / v[2];
            metric(e.getKey(), "all", "coverage_precincts", precincts);
            metric(e.getKey(), "all", "coverage_registered", registered);
            rows.add(List.of(e.getKey(), Long.toString(v[0]), Long.toString(v[1]), fmt(precincts),
                    Long.toString(v[2]), Long.toString(v[3]), fmt(registered)));
        }
        tables.add(new DetailTable(ID + "_coverage", words.format(ID + ".table.coverage"),
                List.of("scope", "precincts", "with_copy", "share", "registered", "registered_with_copy", "share"),
                rows));
    }

    private void lists() {
        PairLists lists = results.lists();
        list("largest", "largest", lists.largest(), List.of(ProtocolPairs.COPY_SOURCE, "region", "district",
                "precinct", "document_ref", "reading_confidence", "confident", "abs_difference", "differences"),
                d -> Arrays.asList(d.copySource(), d.region(), d.district(), d.precinct(), d.documentRef(),
                        d.readingConfidence(), d.confident(), d.absDifference(), d.differences()));
        long unmatched = lists.unmatched().count();
        metric("national", "all", "unmatched_copies", unmatched);
        list("unmatched", "unmatched", lists.unmatched(),
                List.of("source", "level", "region", "district", "precinct", "document_ref", "_file", "_line"),
                u -> Arrays.asList(u.source(), u.level(), u.region(), u.district(), u.precinct(), u.documentRef(),
                        u.file(), u.line()));
        if (unmatched > 0) {
            findings.add(new Finding(ID, "national", "all", "unmatched_copies", (double) unmatched, null, null,
                    Verdict.INCONCLUSIVE, words.format(ID + ".unmatched", unmatched), List.of(), null));
        }
        long conflicts = lists.conflicts().count();
        metric("national", "all", "disagreeing_copies", conflicts);
        list("conflicts", "conflicts", lists.conflicts(),
                List.of("region", "district", "precinct", "copies", "readings", "sources", "documents"),
                c -> Arrays.asList(c.region(), c.district(), c.precinct(), c.copies(), c.readings(), c.sources(),
                        c.documents()));
        if (conflicts > 0) {
            findings.add(new Finding(ID, "national", "all", "disagreeing_copies", (double) conflicts, null, null,
                    Verdict.FLAG, words.format(ID + ".disagreeing", conflicts), List.of(),
                    Effect.precincts(conflicts, null)));
        }
        list("points", "points", lists.points(), List.of("candidate", "official", "observer"),
                p -> Arrays.asList(p.candidate(), p.official(), p.observer()));
    }

    private void claims() {
        Capped<PairLists.Claim> claims = results.lists().claims();
        metric("national", "all", "claims", claims.count());
        if (claims.items().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (PairLists.Claim c : claims.items()) {
            String claimant = c.copySource().substring(SourceKind.CLAIM.prefix().length());
            rows.add(List.of(str(c.region()), str(c.district()), claimant, c.candidate(), Long.toString(c.claimed()),
                    str(c.official()), str(c.documentRef()), "unknown"));
            findings.add(new Finding(ID, "district=" + c.region() + " / " + c.district(), c.candidate(),
                    "claimed_votes", (double) c.claimed(), null, null, Verdict.INCONCLUSIVE, words.format(ID + ".claim",
                            claimant, c.claimed(), c.candidate(), c.district(), c.official() == null
                                    ? words.format(ID + ".claim.no_official") : c.official()), List.of(), null));
        }
        tables.add(new DetailTable(ID + "_claims", words.format(ID + ".table.claims"), List.of("region", "district", "claimant", "candidate",
                        "claimed_votes", "official_votes", "source_description", "coverage"), rows));
    }

    /** A capped list as a table, titled by the words {@code table.<titleKey>} with how many of how many it shows. */
    private <T extends Comparable<T>> void list(String name, String titleKey, Capped<T> list, List<String> columns,
            Function<T, List<Object>> cells) {
        List<List<String>> rows = new ArrayList<>();
        for (T item : list.items()) {
            rows.add(cells.apply(item).stream().map(ObserverJudge::str).toList());
        }
        tables.add(new DetailTable(ID + "_" + name, words.format(ID + ".table." + titleKey, rows.size(), list.count()),
                columns, rows));
    }

    private void metric(String scope, String subject, String name, double value) {
        metrics.add(new Metric(ID, scope, subject, name, value));
    }

    private static void add(Map<String, long[]> byScope, String scope, long[] v) {
        long[] sum = byScope.computeIfAbsent(scope, k -> new long[v.length]);
        for (int i = 0; i < v.length; i++) {
            sum[i] += v[i];
        }
    }

    /** A parameter's number as a sentence writes it (through the language's number format); blank when unset. */
    private static Object figure(Object o) {
        return o instanceof Number ? o : str(o);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }
}
