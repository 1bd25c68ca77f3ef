package org.sanaq.compare;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.checks.Plan;
import org.sanaq.checks.ProtocolFold;
import org.sanaq.run.SharedScan;

/**
 * The official-vs-second-source comparison's results, typed and bounded: the {@link ProtocolPairs} table (one join of
 * the copies with the official protocols) folded by {@link PairFolds} in one pass ({@link SharedScan}, one Spark
 * job with the join's own shuffles). Per observer source: pairs matched, identical, differing, per field and per
 * candidate; per official district: coverage and votes with observer figures substituted; and capped lists, each
 * with its full count. Nothing per precinct reaches the driver uncapped.
 *
 * @param sources by source, lower-bound sources after the others of the same name
 * @param districts by region, then district (nulls first)
 */
public record PairStatistics(Map<PairFolds.SourceKey, SourceTally> sources, Map<DistrictKey, DistrictTally> districts,
        PairLists lists) {
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** The bounded results of comparing {@code election}'s copies with its {@code officialSource} protocols. */
    public static PairStatistics compute(Dataset<Row> protocols, String election, String officialSource,
            ObserverInputs inputs, double lowConfidence, PairLists.Caps caps) {
        PairFolds.Lists lists = new PairFolds.Lists(caps);
        List<Map<Object, Object>> folded = SharedScan.run(
                ProtocolPairs.table(protocols, election, officialSource, inputs, lowConfidence),
                List.<ProtocolFold<?, ?, ?>>of(new PairFolds.BySource(caps.minExcess()), new PairFolds.ByDistrict(),
                        lists));
        Map<PairFolds.SourceKey, SourceTally> sources = new TreeMap<>(Comparator
                .comparing(PairFolds.SourceKey::source).thenComparing(PairFolds.SourceKey::lowerBound));
        folded.get(0).forEach((k, v) -> sources.put((PairFolds.SourceKey) k, (SourceTally) v));
        Map<DistrictKey, DistrictTally> districts = new TreeMap<>(Comparator
                .comparing(DistrictKey::region, NULLS_FIRST).thenComparing(DistrictKey::district, NULLS_FIRST));
        folded.get(1).forEach((k, v) -> districts.put((DistrictKey) k, (DistrictTally) v));
        PairLists found = (PairLists) folded.get(2).get(Plan.Whole.ALL);
        return new PairStatistics(sources, districts, found == null ? lists.zero(Plan.Whole.ALL) : found);
    }

    /** Each candidate's tally over the pairs of every source that counts everyone (not a lower bound), by name. */
    public Map<String, SourceTally.CandidateTally> fullCountCandidates() {
        Map<String, SourceTally.CandidateTally> out = new TreeMap<>();
        sources.forEach((source, tally) -> {
            if (!source.lowerBound()) {
                tally.candidates().forEach((candidate, t) -> out.computeIfAbsent(candidate,
                        k -> new SourceTally.CandidateTally()).merge(t));
            }
        });
        return out;
    }
}
