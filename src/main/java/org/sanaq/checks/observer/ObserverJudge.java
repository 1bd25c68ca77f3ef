package org.sanaq.checks.observer;

import static org.sanaq.compare.PairStatistics.COUNT_SUFFIX;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.CheckParameters;
import org.sanaq.compare.PairStatistics;
import org.sanaq.compare.ProtocolPairs;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;
import org.sanaq.stats.SignTest;
import org.sanaq.text.Messages;

/** Turns the comparison's bounded results into metrics, findings, tables and the scatter figure. Pure: no Spark. */
final class ObserverJudge {
    private static final String ID = OfficialVsObserverCheck.ID;
    private final CheckParameters parameters;
    private final Messages words;
    private final String election;
    private final AggregationResults results;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<DetailTable> tables = new ArrayList<>();

    ObserverJudge(CheckParameters parameters, Messages words, String election, AggregationResults results) {
        this.parameters = parameters;
        this.words = words;
        this.election = election;
        this.results = results;
    }

    CheckOutcome outcome() {
        pairs();
        candidates();
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
        for (Map<String, Object> s : results.rows(PairStatistics.SOURCES)) {
            if (Boolean.TRUE.equals(s.get(ProtocolPairs.LOWER_BOUND))) {
                continue;
            }
            matched += n(s, "pairs");
            identical += n(s, "identical");
            differing += n(s, "differing");
            lowConfidence += n(s, "differing_low_confidence");
            for (String f : ProtocolPairs.COUNT_FIELDS) {
                if (n(s, f + "__compared") > 0) {
                    fieldRows.add(List.of(str(s.get(ProtocolPairs.COPY_SOURCE)), f, str(s.get(f + "__compared")),
                            str(s.get(f + "__differing")), str(s.get(f + "__difference"))));
                }
            }
        }
        metric("national", "all", "pairs_matched", matched);
        metric("national", "all", "pairs_identical", identical);
        metric("national", "all", "pairs_differing", differing);
        metric("national", "all", "pairs_differing_low_confidence", lowConfidence);
        metric("national", "all", "pairs_differing_confident", differing - lowConfidence);
        tables.add(new DetailTable(ID + "_fields", words.format(ID + ".table.fields"),
                List.of("source", "field", "pairs_compared", "pairs_differing", "difference_total"), fieldRows));
        String sentence = matched == 0 ? words.format(ID + ".no_pairs", election)
                : words.format(ID + ".pairs", matched, election, identical, differing, lowConfidence,
                        str(parameters.get(OfficialVsObserverCheck.LOW_CONFIDENCE)), differing - lowConfidence);
        findings.add(new Finding(ID, "national", "all", "pairs_differing", (double) differing, null, null,
                matched == 0 ? Verdict.INCONCLUSIVE : differing - lowConfidence > 0 ? Verdict.FLAG : Verdict.PASS,
                sentence,
                List.of(), differing - lowConfidence > 0 ? 1 : 0));
    }

    private void candidates() {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> lowerBound = new ArrayList<>();
        Map<String, long[]> byCandidate = new TreeMap<>();
        for (Map<String, Object> c : results.rows(PairStatistics.CANDIDATES)) {
            String candidate = str(c.get("candidate"));
            if (Boolean.TRUE.equals(c.get(ProtocolPairs.LOWER_BOUND))) {
                lowerBound.add(List.of(str(c.get(ProtocolPairs.COPY_SOURCE)), candidate, str(c.get("pairs")),
                        str(c.get("lost"))));
                if (n(c, "lost") > 0) {
                    findings.add(new Finding(ID, "national", candidate, "observer_above_official",
                            (double) n(c, "lost"), null, null, Verdict.FLAG, words.format(ID + ".lower_bound",
                                    c.get(ProtocolPairs.COPY_SOURCE), n(c, "lost"), n(c, "pairs"), candidate),
                            List.of(), 1));
                }
                continue;
            }
            long[] sum = byCandidate.computeIfAbsent(candidate, k -> new long[6]);
            String[] keys = {"official_total", "observer_total", "gained", "lost", "gained_confident",
                "lost_confident"};
            for (int i = 0; i < keys.length; i++) {
                sum[i] += n(c, keys[i]);
            }
        }
        double alpha = parameters.get(OfficialVsObserverCheck.ALPHA);
        int tests = Math.max(1, byCandidate.size());
        for (Map.Entry<String, long[]> e : byCandidate.entrySet()) {
            long[] s = e.getValue();
            double p = SignTest.twoSided(s[2], s[3]);
            double pConfident = SignTest.twoSided(s[4], s[5]);
            String c = e.getKey();
            metric("national", c, "official_total", s[0]);
            metric("national", c, "observer_total", s[1]);
            metric("national", c, "difference_total", s[0] - s[1]);
            metric("national", c, "gained_in_pairs", s[2]);
            metric("national", c, "lost_in_pairs", s[3]);
            metric("national", c, "sign_test_p", p);
            metric("national", c, "gained_in_pairs_confident", s[4]);
            metric("national", c, "lost_in_pairs_confident", s[5]);
            metric("national", c, "sign_test_p_confident", pConfident);
            rows.add(List.of(c, Long.toString(s[0]), Long.toString(s[1]), Long.toString(s[0] - s[1]),
                    Long.toString(s[2]), Long.toString(s[3]), fmt(p), Long.toString(s[4]), Long.toString(s[5]),
                    fmt(pConfident)));
            double adjusted = Math.min(1, p * tests);
            // the smallest adjusted p these pairs allow, had every one moved the same way: not below alpha, the
            // pairs are too few for the sign test to find anything, and it says inconclusive rather than pass
            double smallest = Math.min(1, SignTest.twoSided(s[2] + s[3], 0) * tests);
            if (s[2] + s[3] > 0 && smallest >= alpha) {
                findings.add(Finding.inconclusive(ID, "national", c, "sign_test_p", s[0] - s[1],
                        words.format(ID + ".too_few_pairs", c, s[2] + s[3], fmt(smallest), alpha)));
            } else if (s[2] + s[3] > 0) {
                findings.add(new Finding(ID, "national", c, "sign_test_p", (double) (s[0] - s[1]), p, adjusted,
                        adjusted < alpha ? Verdict.FLAG : Verdict.PASS, words.format(ID + ".candidate", c, s[0], s[1],
                                s[0] - s[1], s[2], s[3]), List.of(),
                        adjusted < alpha ? -Math.log10(Math.max(adjusted, 1e-300)) : 0));
            }
        }
        tables.add(new DetailTable(ID + "_candidates", words.format(ID + ".table.candidates"), List.of("candidate", "official_total",
                        "observer_total", "difference_total", "gained_in_pairs", "lost_in_pairs", "sign_test_p",
                        "gained_confident", "lost_confident", "sign_test_p_confident"), rows));
        if (!lowerBound.isEmpty()) {
            tables.add(new DetailTable(ID + "_lower_bound", words.format(ID + ".table.lower_bound"), List.of("source", "candidate", "pairs",
                            "observer_above_official"), lowerBound));
        }
    }

    private void recount() {
        List<Map<String, Object>> votes = results.rows(PairStatistics.DISTRICT_VOTES);
        if (votes.isEmpty()) {
            return;
        }
        int seats = parameters.get(OfficialVsObserverCheck.SEATS).intValue();
        List<List<String>> rows = new ArrayList<>();
        for (RecountedResults.Unit u : RecountedResults.compare(votes, parameters.get(OfficialVsObserverCheck.THRESHOLD_PCT), seats,
                parameters.get(OfficialVsObserverCheck.SEAT_METHOD))) {
            rows.add(List.of(u.scope(), u.officialTopTwo(), u.recountedTopTwo(), String.join("; ", u.changes())));
            if (!u.changes().isEmpty()) {
                findings.add(new Finding(ID, u.scope(), "all", "result_changes", (double) u.changes().size(), null,
                        null, Verdict.FLAG, words.format(ID + ".recount", u.scope(), String.join("; ", u.changes())),
                        List.of(), 2));
            }
        }
        String seatNote = seats > 0 ? words.format(ID + ".seats", seats, parameters.get(OfficialVsObserverCheck.SEAT_METHOD))
                : words.format(ID + ".no_seats");
        tables.add(new DetailTable(ID + "_recount", words.format(ID + ".table.recount", seatNote,
                str(parameters.get(OfficialVsObserverCheck.THRESHOLD_PCT))),
                List.of("scope", "official_top_two", "recounted_top_two", "changes"), rows));
    }

    private void coverage() {
        Map<String, long[]> byScope = new TreeMap<>();
        for (Map<String, Object> d : results.rows(PairStatistics.COVERAGE)) {
            long[] v = {n(d, "precincts"), n(d, "precincts_with_copy"), n(d, "registered"),
                n(d, "registered_with_copy")};
            if (d.get("district") != null) {
                add(byScope, "district=" + d.get("region") + " / " + d.get("district"), v);
            }
            add(byScope, "region=" + d.get("region"), v);
            add(byScope, "national", v);
        }
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
        list(PairStatistics.LARGEST, "largest",
                List.of(ProtocolPairs.COPY_SOURCE, "region", "district", "precinct", "document_ref",
                        "reading_confidence", "confident", "abs_difference", "differences"));
        long unmatched = count(PairStatistics.UNMATCHED);
        metric("national", "all", "unmatched_copies", unmatched);
        list(PairStatistics.UNMATCHED, "unmatched",
                List.of("source", "level", "region", "district", "precinct", "document_ref", "_file", "_line"));
        if (unmatched > 0) {
            findings.add(new Finding(ID, "national", "all", "unmatched_copies", (double) unmatched, null, null,
                    Verdict.INCONCLUSIVE, words.format(ID + ".unmatched", unmatched), List.of(), 0));
        }
        long conflicts = count(PairStatistics.CONFLICTS);
        metric("national", "all", "disagreeing_copies", conflicts);
        list(PairStatistics.CONFLICTS, "conflicts",
                List.of("region", "district", "precinct", "copies", "readings", "sources", "documents"));
        if (conflicts > 0) {
            findings.add(new Finding(ID, "national", "all", "disagreeing_copies", (double) conflicts, null, null,
                    Verdict.FLAG, words.format(ID + ".disagreeing", conflicts), List.of(), 1));
        }
        List<List<String>> points = new ArrayList<>();
        for (Map<String, Object> p : results.rows(PairStatistics.POINTS)) {
            points.add(List.of(str(p.get("candidate")), str(p.get("official")), str(p.get("observer"))));
        }
        tables.add(new DetailTable(ID + "_points", words.format(ID + ".table.points", points.size(),
                count(PairStatistics.POINTS)),
                List.of("candidate", "official", "observer"), points));
    }

    private void claims() {
        List<Map<String, Object>> claims = results.rows(PairStatistics.CLAIMS);
        metric("national", "all", "claims", count(PairStatistics.CLAIMS));
        if (claims.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> c : claims) {
            rows.add(List.of(str(c.get("region")), str(c.get("district")),
                    str(c.get(ProtocolPairs.COPY_SOURCE)).replaceFirst("^observer:", ""), str(c.get("candidate")),
                    str(c.get("claimed")), str(c.get("official")), str(c.get("document_ref")), "unknown"));
            findings.add(new Finding(ID, "district=" + c.get("region") + " / " + c.get("district"),
                    str(c.get("candidate")), "claimed_votes", ((Number) c.get("claimed")).doubleValue(), null, null,
                    Verdict.INCONCLUSIVE, words.format(ID + ".claim",
                            str(c.get(ProtocolPairs.COPY_SOURCE)).replaceFirst("^observer:", ""), str(c.get("claimed")),
                            c.get("candidate"), c.get("district"), c.get("official") == null
                                    ? words.format(ID + ".claim.no_official") : str(c.get("official"))), List.of(), 0));
        }
        tables.add(new DetailTable(ID + "_claims", words.format(ID + ".table.claims"), List.of("region", "district", "claimant", "candidate",
                        "claimed_votes", "official_votes", "source_description", "coverage"), rows));
    }

    /** A bounded list of rows, titled by the words {@code table.<titleKey>} with how many of how many it shows. */
    private void list(String name, String titleKey, List<String> columns) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> r : results.rows(name)) {
            rows.add(columns.stream().map(c -> str(r.get(c))).toList());
        }
        tables.add(new DetailTable(ID + "_" + name, words.format(ID + ".table." + titleKey, rows.size(), count(name)),
                columns, rows));
    }

    private long count(String name) {
        return n(results.rows(name + COUNT_SUFFIX).get(0), "count");
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

    private static long n(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }
}
