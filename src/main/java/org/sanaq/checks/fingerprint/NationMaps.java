package org.sanaq.checks.fingerprint;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.sanaq.checks.PrecinctFigures;

/**
 * The nation's part of the fingerprint: its map of voters by turnout and share, its {@link Histogram}s, and every
 * candidate's votes and everyone else's per Shpilkin turnout bin (the placebo of the leader's excess: the same
 * method for each other candidate), and the bins of the excess' variants ({@link ShpilkinVariants}).
 */
final class NationMaps implements FingerprintFold.Part {
    private static final long serialVersionUID = 1L;
    /** By candidate (sorted): {its votes, the other candidates' votes} per Shpilkin bin. */
    private final TreeMap<String, long[][]> candidates = new TreeMap<>();
    private final VoterBins map = new VoterBins(TurnoutShareCell.CELLS);
    private final VoterBins[] histograms = new VoterBins[Histogram.values().length];
    private final ShpilkinVariants variants = new ShpilkinVariants();

    NationMaps() {
        for (Histogram h : Histogram.values()) {
            histograms[h.ordinal()] = new VoterBins(h.bins());
        }
    }

    @Override
    public void add(PrecinctFigures.Figures p) {
        map.add(TurnoutShareCell.of(p), p.v());
        for (Histogram h : Histogram.values()) {
            histograms[h.ordinal()].add(h.bin(p), p.v());
        }
    }

    /** Adds a precinct's votes by candidate, in Shpilkin's turnout bin k. */
    void addCandidates(int k, Map<String, Long> votes) {
        long total = 0;
        for (Long v : votes.values()) {
            total += v == null ? 0 : v;
        }
        for (Map.Entry<String, Long> vote : votes.entrySet()) {
            if (vote.getValue() != null) {
                long[][] bins = candidates.computeIfAbsent(vote.getKey(), c -> new long[2][ShpilkinExcess.BINS]);
                bins[0][k] += vote.getValue();
                bins[1][k] += total - vote.getValue();
            }
        }
    }

    /** Shpilkin's excess of every candidate but {@code leader}, each against everyone else's votes, by name. */
    SortedMap<String, ShpilkinExcess> othersExcess(String leader, double turnout) {
        SortedMap<String, ShpilkinExcess> out = new TreeMap<>();
        candidates.forEach((candidate, bins) -> {
            if (!candidate.equals(leader)) {
                out.put(candidate, ShpilkinExcess.of(bins[0], bins[1], turnout));
            }
        });
        return out;
    }

    @Override
    public NationMaps merge(FingerprintFold.Part other) {
        NationMaps o = (NationMaps) other;
        o.candidates.forEach((candidate, bins) -> {
            long[][] mine = candidates.computeIfAbsent(candidate, c -> new long[2][ShpilkinExcess.BINS]);
            for (int side = 0; side < 2; side++) {
                for (int k = 0; k < ShpilkinExcess.BINS; k++) {
                    mine[side][k] += bins[side][k];
                }
            }
        });
        map.merge(o.map);
        variants.merge(o.variants);
        for (int i = 0; i < histograms.length; i++) {
            histograms[i].merge(o.histograms[i]);
        }
        return this;
    }

    /** Voters by cell, x · {@link TurnoutShareCell#GRID} + y. */
    VoterBins map() {
        return map;
    }

    /** Shpilkin's bins with the special stations in or out, under each turnout convention. */
    ShpilkinVariants variants() {
        return variants;
    }

    VoterBins histogram(Histogram h) {
        return histograms[h.ordinal()];
    }
}
