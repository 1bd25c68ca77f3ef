package org.sanaq.checks.fingerprint;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.checks.SpecialStations;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.ProtocolColumns;

/**
 * The nation's leader and other votes per Shpilkin turnout bin under every turnout convention, the stations marked
 * special apart from the others: what Shpilkin's estimate becomes with those stations in or out and with turnout
 * counted from ballots issued or from ballots cast ({@link ShpilkinRobustness}). Folded in the fingerprint's own
 * pass from columns of its own, so it sees the special stations even when the job leaves them out; a bounded
 * summary of 2 conventions × 2 kinds of station × 101 bins.
 */
final class ShpilkinVariants implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Conventions.Turnout[] CONVENTIONS = Conventions.Turnout.values();

    /** By convention, then regular (0) or special (1) stations. */
    private final Bins[][] bins = new Bins[CONVENTIONS.length][2];

    ShpilkinVariants() {
        for (Bins[] byStation : bins) {
            byStation[0] = new Bins();
            byStation[1] = new Bins();
        }
    }

    /** One kind of station's sums per Shpilkin bin under one convention. */
    static final class Bins implements Serializable {
        private static final long serialVersionUID = 1L;
        final long[] leader = new long[ShpilkinExcess.BINS];
        final long[] others = new long[ShpilkinExcess.BINS];
        long stations;
        long registered;
        long ballots;

        private void add(long v, long g, long l, long o) {
            int k = RegionTally.shpilkinBin(g, v);
            leader[k] += l;
            others[k] += o;
            stations++;
            registered += v;
            ballots += g;
        }

        /** These sums with {@code other}'s added in, as a new value. */
        Bins plus(Bins other) {
            Bins sum = new Bins();
            for (Bins b : List.of(this, other)) {
                for (int k = 0; k < ShpilkinExcess.BINS; k++) {
                    sum.leader[k] += b.leader[k];
                    sum.others[k] += b.others[k];
                }
                sum.stations += b.stations;
                sum.registered += b.registered;
                sum.ballots += b.ballots;
            }
            return sum;
        }

        /** Shpilkin's excess over these stations, its clean peak below their own official turnout. */
        ShpilkinExcess excess() {
            return ShpilkinExcess.of(leader, others, registered > 0 ? (double) ballots / registered : 0);
        }
    }

    /**
     * The fold's columns after the precinct figures ({@link PrecinctFigures#inputs}): whether the row is one of the
     * precincts with the special stations counted in, whether it is special, then turnout's numerator under each
     * convention.
     */
    static List<Column> inputs(PrecinctFigures figures) {
        List<Column> out = new ArrayList<>();
        out.add(new PrecinctFigures(figures.election(), figures.source(), figures.conventions(), figures.leader(),
                SpecialStations.INCLUDE).inputs().get(0));
        out.add(PrecinctFigures.isSpecial());
        for (Conventions.Turnout turnout : CONVENTIONS) {
            out.add(ProtocolColumns.turnoutNumerator(new Conventions(turnout, figures.conventions().shareBase())));
        }
        return out;
    }

    /**
     * Adds a row whose columns from {@code first} on are {@link #inputs}: a precinct with V &gt; 0 and R &gt; 0 and
     * its votes known (as the fold asks of every precinct), under each convention whose numerator it reports.
     */
    void add(FoldRow row, int first) {
        if (!row.isTrue(first) || row.isNull(3) || row.isNull(5) || row.isNull(6) || row.isNull(7)
                || row.getLong(3) <= 0 || row.getLong(5) <= 0) {
            return;
        }
        int station = row.isTrue(first + 1) ? 1 : 0;
        for (int c = 0; c < CONVENTIONS.length; c++) {
            if (!row.isNull(first + 2 + c)) {
                bins[c][station].add(row.getLong(3), row.getLong(first + 2 + c), row.getLong(6), row.getLong(7));
            }
        }
    }

    ShpilkinVariants merge(ShpilkinVariants other) {
        for (int c = 0; c < CONVENTIONS.length; c++) {
            for (int station = 0; station < 2; station++) {
                bins[c][station] = bins[c][station].plus(other.bins[c][station]);
            }
        }
        return this;
    }

    /** The sums under {@code turnout}, over the regular stations and, when asked, the special ones. */
    Bins bins(Conventions.Turnout turnout, boolean withSpecial) {
        Bins regular = bins[turnout.ordinal()][0];
        return withSpecial ? regular.plus(bins[turnout.ordinal()][1]) : regular;
    }
}
