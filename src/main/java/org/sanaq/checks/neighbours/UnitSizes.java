package org.sanaq.checks.neighbours;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.sanaq.checks.RandomGroupings;

/**
 * The precincts of each real unit of each region, as the first Spark job of {@link UnitScores} counts them, and the
 * random groupings of each region drawn over those sizes ({@link RandomGroupings}: a precinct goes to pseudo-unit k
 * of its region with probability n_k / N_region). Bounded by the number of units. Precincts without a unit (a blank
 * unit) are counted apart and neither scored nor grouped.
 */
final class UnitSizes implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, RandomGroupings> groupings = new HashMap<>();
    private long precincts;
    private long withoutUnit;

    /** The sizes from (region, unit, precincts) triples, in any order. */
    UnitSizes(List<Sized> sized) {
        Map<String, SortedMap<String, Long>> byRegion = new TreeMap<>();
        for (Sized s : sized) {
            precincts += s.precincts();
            if (s.unit().isBlank()) {
                withoutUnit += s.precincts();
            } else {
                byRegion.computeIfAbsent(s.region(), r -> new TreeMap<>()).merge(s.unit(), s.precincts(), Long::sum);
            }
        }
        byRegion.forEach((region, units) -> groupings.put(region, new RandomGroupings(new ArrayList<>(units.values()))));
    }

    /** One unit's precinct count. */
    record Sized(String region, String unit, long precincts) implements Serializable {
    }

    /** The random groupings of a region's units; null for a region without units. */
    RandomGroupings of(String region) {
        return groupings.get(region);
    }

    long precincts() {
        return precincts;
    }

    long withoutUnit() {
        return withoutUnit;
    }
}
