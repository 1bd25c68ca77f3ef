package org.sanaq.checks.fingerprint;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.sanaq.checks.SpecialStations;

/**
 * What the fingerprint's judge receives: the leader and the special stations left out or included (known before the
 * pass),
 * the regions shown (most voters first), each region's part in name order, and the nation's maps (null when no
 * precinct was folded).
 */
record FingerprintResults(String leader, SpecialStations.Count special, List<String> regionsShown,
        SortedMap<String, RegionTally> regions, NationMaps nation) {
    /** Regions × 101 turnout bins that may reach the judge. */
    static final int MAX_REGION_BINS = 2_000_000;

    /**
     * The results from the fold's parts by scope.
     *
     * @throws IllegalStateException when the regions hold more than {@link #MAX_REGION_BINS} bins, as a region
     *         column that names precincts would
     */
    static FingerprintResults of(String leader, SpecialStations.Count special, List<String> regionsShown,
            Map<FingerprintFold.Scope, FingerprintFold.Part> parts) {
        SortedMap<String, RegionTally> regions = new TreeMap<>();
        NationMaps nation = null;
        long bins = 0;
        for (Map.Entry<FingerprintFold.Scope, FingerprintFold.Part> e : parts.entrySet()) {
            if (e.getValue() instanceof RegionTally region) {
                regions.put(e.getKey().region(), region);
                bins += region.binsUsed();
            } else if (e.getValue() instanceof NationMaps n) {
                nation = n;
            }
        }
        if (bins > MAX_REGION_BINS) {
            throw new IllegalStateException(FingerprintCheck.ID + ": more than " + MAX_REGION_BINS
                    + " groups; is the region column precinct-level?");
        }
        return new FingerprintResults(leader, special, List.copyOf(regionsShown),
                Collections.unmodifiableSortedMap(regions), nation);
    }
}
