package org.sanaq.checks.klimek;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.sanaq.checks.SpecialStations;

/**
 * What the fraud-model fit's judge receives: the leader, the special stations left out or included, the regions
 * shown (most voters first), and the cell sizes of the nation (empty when no precinct was folded) and of each region
 * shown, by name.
 */
record KlimekResults(String leader, SpecialStations.Count special, List<String> regionsShown, CellSizes nation,
        SortedMap<String, CellSizes> regions) {

    static KlimekResults of(String leader, SpecialStations.Count special, List<String> regionsShown,
            Map<KlimekFold.Scope, CellSizes> parts) {
        SortedMap<String, CellSizes> regions = new TreeMap<>();
        parts.forEach((scope, sizes) -> {
            if (!scope.equals(KlimekFold.Scope.NATION)) {
                regions.put(scope.region(), sizes);
            }
        });
        CellSizes nation = parts.getOrDefault(KlimekFold.Scope.NATION, new CellSizes());
        return new KlimekResults(leader, special, List.copyOf(regionsShown), nation,
                Collections.unmodifiableSortedMap(regions));
    }
}
