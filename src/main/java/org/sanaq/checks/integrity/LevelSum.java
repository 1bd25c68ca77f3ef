package org.sanaq.checks.integrity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.sanaq.schema.Field;
import org.sanaq.schema.Level;

/**
 * Sums across levels (METHODS.md §1): where a source publishes a unit and the units below it, each count field
 * and each option's votes of the unit must equal the sum over the units below. Both sides are published rows
 * (derived sums are left out by the caller), folded per source and region ({@link LevelFigures}) and compared on
 * the driver.
 */
enum LevelSum {
    REGION_FROM_PRECINCTS("region_equals_precinct_sum", Level.REGION, Level.PRECINCT),
    REGION_FROM_DISTRICTS("region_equals_district_sum", Level.REGION, Level.DISTRICT),
    NATIONAL_FROM_REGIONS("national_equals_region_sum", Level.NATIONAL, Level.REGION);

    private final String id;
    private final Level upper;
    private final Level lower;

    LevelSum(String id, Level upper, Level lower) {
        this.id = id;
        this.upper = upper;
        this.lower = lower;
    }

    String id() {
        return id;
    }

    /** One comparison that failed: the unit, the field or option, the published total, the sum below. */
    record Mismatch(LevelSum sum, String source, String unit, String field, long published, long lowerSum,
            long lowerProtocols, String file, long line) {
        long difference() {
            return published - lowerSum;
        }
    }

    /** What {@link #compare} found: the comparisons made (per source) and those that failed. */
    record Comparison(Map<String, Long> checkedBySource, List<Mismatch> mismatches) {
    }

    /**
     * Compares every published unit that has units below it, field by field and option by option (options by
     * name), units in source and region order.
     */
    Comparison compare(IntegrityResults results, String country) {
        Map<String, Long> checked = new TreeMap<>();
        List<Mismatch> mismatches = new ArrayList<>();
        units(results).forEach((unit, levels) -> {
            LevelFigures published = levels[0];
            LevelFigures below = levels[1];
            if (published == null || below == null) {
                return;
            }
            String unitName = upper == Level.NATIONAL ? country : unit.region();
            Map<String, Long[]> pairs = new LinkedHashMap<>();
            for (Field f : LevelFigures.COUNTS) {
                pairs.put(f.column(), new Long[] {published.published(f), below.sum(f)});
            }
            published.publishedVotes().forEach((option, votes) -> pairs.put("votes:" + option,
                    new Long[] {votes, below.votesSum(option)}));
            pairs.forEach((field, pair) -> {
                if (pair[0] == null || pair[1] == null) {
                    return;
                }
                checked.merge(unit.source(), 1L, Long::sum);
                if (!pair[0].equals(pair[1])) {
                    mismatches.add(new Mismatch(this, unit.source(), unitName, field, pair[0], pair[1],
                            below.protocols(), published.file(), published.line()));
                }
            });
        });
        return new Comparison(checked, mismatches);
    }

    /**
     * The published units and their figures: {published, below}, either null when absent. A region's are its
     * place's; the nation's (one per source, region null) are summed over the source's places.
     */
    private SortedMap<IntegrityFold.Place, LevelFigures[]> units(IntegrityResults results) {
        SortedMap<IntegrityFold.Place, LevelFigures[]> out = new TreeMap<>();
        results.places().forEach((place, tally) -> {
            IntegrityFold.Place unit = upper == Level.NATIONAL ? new IntegrityFold.Place(place.source(), null) : place;
            LevelFigures[] levels = out.computeIfAbsent(unit, u -> new LevelFigures[2]);
            levels[0] = combined(levels[0], tally.figures(upper.id()));
            levels[1] = combined(levels[1], tally.figures(lower.id()));
        });
        return out;
    }

    /** The figures of both (a copy: the places' own are left as they are), or null when neither has any. */
    private static LevelFigures combined(LevelFigures sofar, LevelFigures more) {
        if (more == null) {
            return sofar;
        }
        return (sofar == null ? new LevelFigures() : sofar).merge(more);
    }
}
