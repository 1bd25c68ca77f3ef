package org.sanaq.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seats from votes among the parties that passed the threshold: D'Hondt (highest averages v / 1, v / 2, …) or
 * the largest-remainder method with the Hare quota (each party gets ⌊v·S/V⌋, the seats left go to the largest
 * remainders). Ties go to the party with more votes, then to the name first in alphabetical order, so the result
 * is reproducible.
 */
public final class SeatAllocation {
    private SeatAllocation() {
    }

    public static Map<String, Integer> allocate(String method, Map<String, Long> votes, int seats) {
        List<String> parties = new ArrayList<>(votes.keySet());
        parties.sort(Comparator.<String>comparingLong(votes::get).reversed().thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> out = new LinkedHashMap<>();
        parties.forEach(p -> out.put(p, 0));
        if ("dhondt".equals(method)) {
            for (int s = 0; s < seats; s++) {
                String best = null;
                for (String p : parties) {
                    // compare v_p / (s_p + 1) with v_b / (s_b + 1) exactly, by cross-multiplying
                    if (best == null || votes.get(p) * (out.get(best) + 1L) > votes.get(best) * (out.get(p) + 1L)) {
                        best = p;
                    }
                }
                out.merge(best, 1, Integer::sum);
            }
            return out;
        }
        if (!"largest_remainder".equals(method)) {
            throw new IllegalArgumentException("no seat method " + method);
        }
        long total = votes.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return out;
        }
        int given = 0;
        for (String p : parties) {
            int whole = (int) (votes.get(p) * seats / total);
            out.put(p, whole);
            given += whole;
        }
        List<String> byRemainder = new ArrayList<>(parties);
        byRemainder.sort(Comparator.<String>comparingLong(p -> votes.get(p) * seats % total).reversed()
                .thenComparing(Comparator.<String>comparingLong(votes::get).reversed())
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < seats - given; i++) {
            out.merge(byRemainder.get(i), 1, Integer::sum);
        }
        return out;
    }
}
