package org.sanaq.checks.fingerprint;

import org.sanaq.checks.PrecinctFigures;

/** The nation's part of the fingerprint: its map of voters by turnout and share, and its {@link Histogram}s. */
final class NationMaps implements FingerprintFold.Part {
    private static final long serialVersionUID = 1L;
    private final VoterBins map = new VoterBins(FingerprintFold.GRID * FingerprintFold.GRID);
    private final VoterBins[] histograms = new VoterBins[Histogram.values().length];

    NationMaps() {
        for (Histogram h : Histogram.values()) {
            histograms[h.ordinal()] = new VoterBins(h.bins());
        }
    }

    @Override
    public void add(PrecinctFigures.Figures p) {
        map.add(FingerprintFold.cell(p), p.v());
        for (Histogram h : Histogram.values()) {
            histograms[h.ordinal()].add(h.bin(p), p.v());
        }
    }

    @Override
    public NationMaps merge(FingerprintFold.Part other) {
        NationMaps o = (NationMaps) other;
        map.merge(o.map);
        for (int i = 0; i < histograms.length; i++) {
            histograms[i].merge(o.histograms[i]);
        }
        return this;
    }

    /** Voters by cell, x · {@link FingerprintFold#GRID} + y. */
    VoterBins map() {
        return map;
    }

    VoterBins histogram(Histogram h) {
        return histograms[h.ordinal()];
    }
}
