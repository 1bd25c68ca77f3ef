package org.sanaq.checks.neighbours;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.sanaq.checks.neighbours.UnitScores.RegionCount;
import org.sanaq.checks.neighbours.UnitScores.ScoreSummary;
import org.sanaq.checks.neighbours.UnitScores.ScoredPrecinct;

/**
 * The scored units of one partition, then of all, merged: counts per (grouping, region), the two score histograms
 * and the highest real scores (at most {@code list} once merged). Bounded by groupings × regions, not by
 * precincts, and whole-number counts, so that merging in any order gives the same tally.
 */
final class ScoreTally implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Score histograms: 0.5-wide bins from 0 to 20, then one bin for 20 and above. */
    static final double BIN_WIDTH = 0.5;
    static final int BINS = 41;
    /** Highest score first; equal scores in region, unit, key, file and line order, so the list is deterministic. */
    static final Comparator<ScoredPrecinct> RANKING = Comparator.comparingDouble(ScoredPrecinct::score).reversed()
            .thenComparing(ScoredPrecinct::region).thenComparing(ScoredPrecinct::unit)
            .thenComparing(ScoredPrecinct::key).thenComparing(ScoredPrecinct::file)
            .thenComparingLong(ScoredPrecinct::line);

    private final double threshold;
    private final int list;
    /** Per (grouping, region): tested, outliers, upward outliers. */
    private final TreeMap<RegionKey, long[]> counts = new TreeMap<>();
    private long unitsTested;
    private long unitsTooSmall;
    private long fallbackUnits;
    private final long[] realScores = new long[BINS];
    private final long[] placeboScores = new long[BINS];
    /**
     * The highest real scores: at most twice {@code list}, cut back to the {@code list} highest when it grows beyond
     * (a list, not a heap: the ranking comparator is not serialisable, and a tally travels between executors).
     */
    private final ArrayList<ScoredPrecinct> top = new ArrayList<>();
    /** Each region's highest real score: one per region, bounded by the regions. */
    private final TreeMap<String, ScoredPrecinct> regionsBest = new TreeMap<>();

    /** A grouping and a region, in that order. */
    record RegionKey(int grouping, String region) implements Comparable<RegionKey>, Serializable {
        @Override
        public int compareTo(RegionKey o) {
            int c = Integer.compare(grouping, o.grouping);
            return c != 0 ? c : region.compareTo(o.region);
        }
    }

    ScoreTally(double threshold, int list) {
        this.threshold = threshold;
        this.list = list;
    }

    /**
     * Adds one unit of a grouping (0 the real units): too small below {@code minNeighbours} + 1 precincts, else every
     * precinct scored. Only the real units' precincts enter the ranked list.
     */
    void add(int grouping, List<Member> members, int minNeighbours, int maxUnit, double maxReferenceNoise) {
        boolean real = grouping == 0;
        int n = members.size();
        if (n < minNeighbours + 1) {
            unitsTooSmall += real ? 1 : 0;
            return;
        }
        unitsTested += real ? 1 : 0;
        fallbackUnits += real && UnitScoring.wholeUnit(n, maxUnit) ? 1 : 0;
        UnitScoring.Scored[] scored = UnitScoring.score(
                new UnitScoring.Variable(column(members, Member::yTurnout), column(members, Member::varTurnout)),
                new UnitScoring.Variable(column(members, Member::yShare), column(members, Member::varShare)),
                maxUnit, maxReferenceNoise);
        long[] count = counts.computeIfAbsent(new RegionKey(grouping, members.get(0).region()), k -> new long[3]);
        for (int i = 0; i < n; i++) {
            UnitScoring.Scored s = scored[i];
            boolean outlier = s.score() >= threshold;
            count[0]++;
            count[1] += outlier ? 1 : 0;
            count[2] += outlier && s.up() ? 1 : 0;
            (real ? realScores : placeboScores)[bin(s.score())]++;
            if (real) {
                keep(members.get(i).scored(s));
            }
        }
    }

    /** This tally with {@code other}'s added. */
    ScoreTally merge(ScoreTally other) {
        other.counts.forEach((key, c) -> {
            long[] mine = counts.computeIfAbsent(key, k -> new long[3]);
            for (int i = 0; i < 3; i++) {
                mine[i] += c[i];
            }
        });
        unitsTested += other.unitsTested;
        unitsTooSmall += other.unitsTooSmall;
        fallbackUnits += other.fallbackUnits;
        for (int b = 0; b < BINS; b++) {
            realScores[b] += other.realScores[b];
            placeboScores[b] += other.placeboScores[b];
        }
        other.top.forEach(this::keep);
        other.regionsBest.values().forEach(this::best);
        cut();
        return this;
    }

    /** The summary for the driver, the counts in grouping and region order, the list highest score first. */
    ScoreSummary summary(long precincts, long withoutUnit) {
        List<RegionCount> out = new ArrayList<>();
        for (Map.Entry<RegionKey, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            out.add(new RegionCount(e.getKey().grouping(), e.getKey().region(), c[0], c[1], c[2]));
        }
        cut();
        return new ScoreSummary(out, unitsTested, unitsTooSmall, fallbackUnits, realScores.clone(),
                placeboScores.clone(), List.copyOf(top), precincts, withoutUnit, Map.copyOf(regionsBest));
    }

    /** The histogram bin of a score. */
    static int bin(double score) {
        return (int) Math.min(BINS - 1, Math.floor(score / BIN_WIDTH));
    }

    private void keep(ScoredPrecinct p) {
        best(p);
        top.add(p);
        if (top.size() > 2 * list) {
            cut();
        }
    }

    /** Keeps {@code p} as its region's best when it ranks above the one kept. */
    private void best(ScoredPrecinct p) {
        regionsBest.merge(p.region(), p, (a, b) -> RANKING.compare(a, b) <= 0 ? a : b);
    }

    /** The kept scores ranked, only the {@code list} highest. */
    private void cut() {
        top.sort(RANKING);
        top.subList(Math.min(list, top.size()), top.size()).clear();
    }

    private static double[] column(List<Member> members, ToDoubleFunction<Member> value) {
        return members.stream().mapToDouble(value).toArray();
    }
}
