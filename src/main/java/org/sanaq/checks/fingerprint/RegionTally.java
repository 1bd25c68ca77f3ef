package org.sanaq.checks.fingerprint;

import org.sanaq.checks.PrecinctFigures;

/** A region's part of the fingerprint: its {@link TurnoutBin}s, and its map when it is one of the regions shown. */
final class RegionTally implements FingerprintFold.Part {
    private static final long serialVersionUID = 1L;
    /** By Shpilkin's bin k; null where no precinct fell. */
    private final TurnoutBin[] bins = new TurnoutBin[ShpilkinExcess.BINS];
    /** Null for a region not shown. */
    private final VoterBins map;

    RegionTally(boolean shown) {
        this.map = shown ? new VoterBins(TurnoutShareCell.CELLS) : null;
    }

    /** Shpilkin's bin k holds turnout in (k %, k + 1 %]: ⌈100·G/V⌉ − 1, zero turnout in bin 0, at most 100. */
    static int shpilkinBin(long g, long v) {
        return (int) Math.min(100, Math.max(0, (100 * g + v - 1) / v - 1));
    }

    @Override
    public void add(PrecinctFigures.Figures p) {
        int k = shpilkinBin(p.g(), p.v());
        if (bins[k] == null) {
            bins[k] = new TurnoutBin();
        }
        bins[k].add(p);
        if (map != null) {
            map.add(TurnoutShareCell.of(p), p.v());
        }
    }

    @Override
    public RegionTally merge(FingerprintFold.Part other) {
        RegionTally o = (RegionTally) other;
        for (int k = 0; k < bins.length; k++) {
            if (o.bins[k] != null) {
                bins[k] = bins[k] == null ? o.bins[k] : bins[k].merge(o.bins[k]);
            }
        }
        if (map != null) {
            map.merge(o.map);
        }
        return this;
    }

    /** The precincts in Shpilkin's bin k, or null when none. */
    TurnoutBin bin(int k) {
        return bins[k];
    }

    /** How many of the bins hold precincts. */
    int binsUsed() {
        int used = 0;
        for (TurnoutBin b : bins) {
            used += b == null ? 0 : 1;
        }
        return used;
    }

    /** The region's map (voters by cell), or null when it is not shown. */
    VoterBins map() {
        return map;
    }
}
