package org.sanaq.checks.integrity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.sanaq.checks.GroupLimit;

/**
 * What the protocol_integrity judge receives of the shared pass: each place's tally, sorted by source and region,
 * each relation's worst violations per source, worst first, and the job's relations they count.
 */
record IntegrityResults(SortedMap<IntegrityFold.Place, PlaceTally> places,
        Map<String, Map<String, List<Violation>>> worst, int worstCases, IntegrityRelations relations) {
    /** Sources × regions. */
    static final int MAX_REGIONS = 100_000;
    /** Units × options of the level sums: regions or districts of a large country, times its options. */
    static final int MAX_OPTIONS = 2_000_000;

    /** The fold's finished summaries, split by key and refused when more than the driver should hold. */
    static IntegrityResults of(Map<IntegrityFold.Key, IntegrityFold.Summary> finished, int worstCases,
            IntegrityRelations relations) {
        SortedMap<IntegrityFold.Place, PlaceTally> places = new TreeMap<>();
        Map<String, Map<String, List<Violation>>> worst = new HashMap<>();
        finished.forEach((key, summary) -> {
            if (key instanceof IntegrityFold.Place place) {
                places.put(place, summary.place());
            } else if (key instanceof IntegrityFold.Worst relation) {
                worst.computeIfAbsent(relation.relation(), r -> new HashMap<>())
                        .put(relation.source(), summary.worst().worstFirst());
            }
        });
        String id = ProtocolIntegrityCheck.ID;
        GroupLimit.require(places.size(), MAX_REGIONS, id + ": (source, region) groups");
        GroupLimit.require(places.values().stream().mapToLong(p -> p.day().size()).sum(),
                ElectionDayReports.MAX_UNITS, id + ": election-day units (source, level, region)");
        GroupLimit.require(places.values().stream().mapToLong(PlaceTally::options).sum(), MAX_OPTIONS,
                id + ": level-sum units × options");
        return new IntegrityResults(places, worst, worstCases, relations);
    }

    /** A relation's {@code worstCases} worst violations over every source, worst first (none when it holds). */
    List<Violation> worst(String relation) {
        return worst.getOrDefault(relation, Map.of()).values().stream().flatMap(List::stream).sorted()
                .limit(worstCases).toList();
    }

    /** A relation's worst violations from one source, worst first. */
    List<Violation> worst(String relation, String source) {
        return worst.getOrDefault(relation, Map.of()).getOrDefault(source, List.of());
    }
}
