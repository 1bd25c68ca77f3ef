package org.sanaq.checks.roundpct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many of each unit's published figures sit on a round percentage at one precision: the pattern a reader sees
 * in a table built from chosen percentages (in Kireev's Kazakh example most regions have nearly every figure round
 * and a few have none), which the total count of round cells hides.
 *
 * @param level   the unit's level (region, district, national)
 * @param unit    the unit as a reader names it
 * @param figures its figures with a base large enough for the test
 * @param round   of those, the round ones
 * @param sums    of those, the ones that are sums of round figures ({@link RoundSums})
 */
record UnitShares(String level, String unit, int figures, int round, int sums) {

    /** Largest share round first, then by name. */
    static final Comparator<UnitShares> MOST_ROUND_FIRST = Comparator.comparingDouble(UnitShares::share).reversed()
            .thenComparing(UnitShares::unit);

    double share() {
        return figures == 0 ? 0 : round / (double) figures;
    }

    /** Whether most of its figures are round. */
    boolean mostlyRound() {
        return 2 * round > figures;
    }

    /** Every unit with eligible figures at this precision, most round first. */
    static List<UnitShares> of(RoundPercentageJudge.Precision precision) {
        Set<Cell> round = new HashSet<>(precision.round());
        Set<Cell> sums = new HashSet<>(precision.sums());
        Map<List<String>, int[]> tally = new LinkedHashMap<>();
        for (Cell c : precision.eligible()) {
            int[] n = tally.computeIfAbsent(List.of(c.level(), c.unit()), k -> new int[3]);
            n[0]++;
            n[1] += round.contains(c) ? 1 : 0;
            n[2] += sums.contains(c) ? 1 : 0;
        }
        List<UnitShares> out = new ArrayList<>();
        tally.forEach((key, n) -> out.add(new UnitShares(key.get(0), key.get(1), n[0], n[1], n[2])));
        out.sort(MOST_ROUND_FIRST);
        return out;
    }
}
