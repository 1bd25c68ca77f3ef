package org.sanaq.checks.neighbours;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sanaq.checks.RandomGroupings;

/**
 * The real units of each region as the first Spark job of {@link UnitScores} counts them (precincts and median
 * turnout on the stabilised scale), and the random groupings drawn over them. A region's units are split into
 * {@code strata} strata of about equal numbers of units by median turnout (the lowest first, ties in name order); a
 * precinct goes to a pseudo-unit of its own unit's stratum, pseudo-unit k of the stratum with probability n_k / N
 * over the stratum's units ({@link RandomGroupings}). One stratum is the plain grouping within the region; more keep
 * a pseudo-unit from mixing districts of very different turnout, whose wider spread would give fewer outliers than
 * real districts on honest data. Bounded by the number of units. Precincts without a unit (a blank unit) are
 * counted apart and neither scored nor grouped.
 */
final class UnitSizes implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Per region and stratum, the groupings over the stratum's units. */
    private final Map<String, RandomGroupings> groupings = new HashMap<>();
    /** Per region and unit, its stratum. */
    private final Map<String, Integer> strata = new HashMap<>();
    private long precincts;
    private long withoutUnit;

    /** One unit's precinct count and median turnout (stabilised scale). */
    record Sized(String region, String unit, long precincts, double medianTurnout) implements Serializable {
    }

    /** The units of {@code sized}, in any order, each region's split into {@code strata} strata. */
    UnitSizes(List<Sized> sized, int strata) {
        Map<String, List<Sized>> byRegion = new TreeMap<>();
        for (Sized s : sized) {
            precincts += s.precincts();
            if (s.unit().isBlank()) {
                withoutUnit += s.precincts();
            } else {
                byRegion.computeIfAbsent(s.region(), r -> new ArrayList<>()).add(s);
            }
        }
        byRegion.forEach((region, units) -> {
            units.sort(Comparator.comparingDouble(Sized::medianTurnout).thenComparing(Sized::unit));
            Map<Integer, TreeMap<String, Long>> byStratum = new TreeMap<>();
            for (int rank = 0; rank < units.size(); rank++) {
                int stratum = rank * strata / units.size();
                Sized s = units.get(rank);
                this.strata.put(key(region, s.unit()), stratum);
                byStratum.computeIfAbsent(stratum, k -> new TreeMap<>()).put(s.unit(), s.precincts());
            }
            byStratum.forEach((stratum, sizes) -> groupings.put(key(region, stratum.toString()),
                    new RandomGroupings(new ArrayList<>(sizes.values()))));
        });
    }

    /** The stratum of a region's unit. */
    int stratum(String region, String unit) {
        return strata.get(key(region, unit));
    }

    /** The random groupings of a region's stratum. */
    RandomGroupings of(String region, int stratum) {
        return groupings.get(key(region, Integer.toString(stratum)));
    }

    long precincts() {
        return precincts;
    }

    long withoutUnit() {
        return withoutUnit;
    }

    private static String key(String region, String unit) {
        return region + '\u0000' + unit;
    }
}
