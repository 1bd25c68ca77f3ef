package org.sanaq.checks.fingerprint;

import java.io.Serializable;

import org.sanaq.checks.PrecinctFigures;

/**
 * The sums over one region's precincts in one of Shpilkin's turnout bins: stations, V, G, L, O, and the
 * voter-weighted moments of turnout t = G/V and leader share s = L/R ({@link WeightedMoments}, weight V).
 */
final class TurnoutBin implements Serializable {
    private static final long serialVersionUID = 1L;
    long stations;
    long registered;
    long ballots;
    long leader;
    long others;
    private double wx;
    private double wy;
    private double wxx;
    private double wyy;
    private double wxy;

    /** Adds a precinct with V &gt; 0 and R &gt; 0. */
    void add(PrecinctFigures.Figures f) {
        double w = f.v();
        double t = (double) f.g() / f.v();
        double s = (double) f.l() / f.r();
        stations++;
        registered += f.v();
        ballots += f.g();
        leader += f.l();
        others += f.o();
        wx += w * t;
        wy += w * s;
        wxx += w * t * t;
        wyy += w * s * s;
        wxy += w * t * s;
    }

    /** This bin with {@code other}'s precincts added in. */
    TurnoutBin merge(TurnoutBin other) {
        stations += other.stations;
        registered += other.registered;
        ballots += other.ballots;
        leader += other.leader;
        others += other.others;
        wx += other.wx;
        wy += other.wy;
        wxx += other.wxx;
        wyy += other.wyy;
        wxy += other.wxy;
        return this;
    }

    /** The weighted moments, the weight being the registered voters. */
    WeightedMoments moments() {
        return new WeightedMoments(registered, wx, wy, wxx, wyy, wxy);
    }
}
