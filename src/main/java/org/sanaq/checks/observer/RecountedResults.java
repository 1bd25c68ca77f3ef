package org.sanaq.checks.observer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sanaq.compare.DistrictKey;
import org.sanaq.compare.DistrictTally;
import org.sanaq.stats.SeatAllocation;

/**
 * Each district's, region's and the nation's result recomputed with observer figures substituted where a copy
 * exists, compared with the official result: the winner, the order of the top two, which candidates reach the
 * threshold (percent of all candidates' votes in the unit), and, nationally when seats are given, the seats.
 */
final class RecountedResults {

    /**
     * One unit's comparison; {@code changes} is empty when nothing that decides the result moves;
     * {@code readings} is how many of the substituted copies are readings of photos, which may be misread.
     */
    record Unit(String scope, String officialWinner, String recountedWinner, String officialTopTwo,
            String recountedTopTwo, List<String> changes, long readings) {
    }

    private RecountedResults() {
    }

    /**
     * @param districts each district's votes, official and substituted; no unit when no district has candidates
     * @param seatMethod {@code dhondt} or {@code largest_remainder}; used only when {@code seats} &gt; 0
     */
    static List<Unit> compare(Map<DistrictKey, DistrictTally> districts, double thresholdPct, int seats,
            String seatMethod) {
        Map<String, Map<String, long[]>> byScope = new TreeMap<>();
        Map<String, Long> readings = new TreeMap<>();
        districts.forEach((d, tally) -> {
            List<String> scopes = d.district() == null ? List.of("region=" + d.region(), "national")
                    : List.of("district=" + d.region() + " / " + d.district(), "region=" + d.region(), "national");
            for (String scope : scopes) {
                readings.merge(scope, tally.readingsSubstituted(), Long::sum);
                tally.votes().forEach((candidate, votes) -> add(byScope, scope, candidate,
                        new long[] {votes.official(), votes.substituted()}));
            }
        });
        List<Unit> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, long[]>> e : byScope.entrySet()) {
            Map<String, Long> official = column(e.getValue(), 0);
            Map<String, Long> recounted = column(e.getValue(), 1);
            List<String> o = ranked(official);
            List<String> s = ranked(recounted);
            List<String> changes = new ArrayList<>();
            if (!o.get(0).equals(s.get(0))) {
                changes.add("winner " + o.get(0) + " → " + s.get(0));
            } else if (o.size() > 1 && !o.get(1).equals(s.get(1))) {
                changes.add("runner-up " + o.get(1) + " → " + s.get(1));
            }
            TreeSet<String> passOfficial = passing(official, thresholdPct);
            TreeSet<String> passRecounted = passing(recounted, thresholdPct);
            if (!passOfficial.equals(passRecounted)) {
                changes.add("threshold " + thresholdPct + " %: official " + passOfficial + ", recounted "
                        + passRecounted);
            }
            if (seats > 0 && e.getKey().equals("national")) {
                Map<String, Integer> seatsOfficial = SeatAllocation.allocate(seatMethod,
                        only(official, passOfficial), seats);
                Map<String, Integer> seatsRecounted = SeatAllocation.allocate(seatMethod,
                        only(recounted, passRecounted), seats);
                if (!new TreeMap<>(seatsOfficial).equals(new TreeMap<>(seatsRecounted))) {
                    changes.add("seats: official " + new TreeMap<>(seatsOfficial) + ", recounted "
                            + new TreeMap<>(seatsRecounted));
                }
            }
            out.add(new Unit(e.getKey(), o.get(0), s.get(0), topTwo(o), topTwo(s), changes,
                    readings.get(e.getKey())));
        }
        return out;
    }

    private static void add(Map<String, Map<String, long[]>> byScope, String scope, String candidate, long[] v) {
        long[] sum = byScope.computeIfAbsent(scope, k -> new TreeMap<>()).computeIfAbsent(candidate, k -> new long[2]);
        sum[0] += v[0];
        sum[1] += v[1];
    }

    private static Map<String, Long> column(Map<String, long[]> votes, int i) {
        Map<String, Long> out = new TreeMap<>();
        votes.forEach((c, v) -> out.put(c, v[i]));
        return out;
    }

    /** Candidates by votes, most first; ties by name. */
    static List<String> ranked(Map<String, Long> votes) {
        List<String> out = new ArrayList<>(votes.keySet());
        out.sort(Comparator.<String>comparingLong(votes::get).reversed().thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private static TreeSet<String> passing(Map<String, Long> votes, double thresholdPct) {
        long total = votes.values().stream().mapToLong(Long::longValue).sum();
        TreeSet<String> out = new TreeSet<>();
        votes.forEach((c, v) -> {
            if (total > 0 && 100.0 * v / total >= thresholdPct) {
                out.add(c);
            }
        });
        return out;
    }

    private static Map<String, Long> only(Map<String, Long> votes, TreeSet<String> keep) {
        Map<String, Long> out = new TreeMap<>(votes);
        out.keySet().retainAll(keep);
        return out;
    }

    private static String topTwo(List<String> ranked) {
        return ranked.size() > 1 ? ranked.get(0) + " > " + ranked.get(1) : ranked.get(0);
    }
}
