package org.sanaq.checks.klimek;

import org.sanaq.checks.fingerprint.TurnoutShareCell;

/**
 * The honest parameters from the "left half" of each marginal of a voter-weighted map: fraud only moves precincts
 * up in turnout and in share, so the left side of each distribution is the least affected. The mode is found on the
 * marginal smoothed by a centred 5-bin moving average (bins outside [0, 1] count as empty; among tied bins the one of
 * most unsmoothed mass, then the lowest: an isolated bin ties with its four neighbours), and the centre placed within
 * its bin at the vertex of the parabola through the smoothed mode and its neighbours ({@link #vertexOffset}). The
 * spread is the root mean square distance to the centre of the mass left of it (each bin's mass spread evenly over
 * the bin), which for a normal's left half is its σ. A spread under half a bin (0.0025: one bin's mass alone) is no
 * honest spread: null.
 */
final class HonestEstimate {
    private static final int HALF_WINDOW = 2;
    /** Half a bin: a spread below it cannot be told from a single bin's. */
    static final double MIN_SD = 0.5 / TurnoutShareCell.GRID;

    private HonestEstimate() {
    }

    /** The honest parameters of a map of weights by cell (any scale), or null when a marginal has no spread. */
    static HonestParameters of(double[] map) {
        double[] turnout = new double[TurnoutShareCell.GRID];
        double[] share = new double[TurnoutShareCell.GRID];
        for (int cell = 0; cell < map.length; cell++) {
            turnout[cell / TurnoutShareCell.GRID] += map[cell];
            share[cell % TurnoutShareCell.GRID] += map[cell];
        }
        double[] t = centreAndSpread(turnout);
        double[] s = centreAndSpread(share);
        return t == null || s == null ? null : new HonestParameters(t[0], t[1], s[0], s[1]);
    }

    /** {centre, σ} of one marginal (200 bins), or null when it has no honest spread. */
    static double[] centreAndSpread(double[] p) {
        double[] smoothed = new double[p.length];
        int mode = 0;
        for (int j = 0; j < p.length; j++) {
            for (int i = Math.max(0, j - HALF_WINDOW); i <= Math.min(p.length - 1, j + HALF_WINDOW); i++) {
                smoothed[j] += p[i];
            }
            if (smoothed[j] > smoothed[mode] || smoothed[j] == smoothed[mode] && p[j] > p[mode]) {
                mode = j;
            }
        }
        double centre = (mode + 0.5 + vertexOffset(smoothed, mode)) / TurnoutShareCell.GRID;
        // the left half: the bins wholly left of the centre, at their centres, and the part of the centre's own bin
        // left of it, at the middle of that part
        int own = Math.min(p.length - 1, (int) Math.floor(centre * TurnoutShareCell.GRID));
        double ownLeft = centre - (double) own / TurnoutShareCell.GRID;
        double mass = p[own] * ownLeft * TurnoutShareCell.GRID;
        double squares = mass * (ownLeft / 2) * (ownLeft / 2);
        for (int j = 0; j < own; j++) {
            double d = FraudTransform.centre(j) - centre;
            mass += p[j];
            squares += p[j] * d * d;
        }
        double sd = mass <= 0 ? 0 : Math.sqrt(squares / mass);
        return sd < MIN_SD ? null : new double[] {centre, sd};
    }

    /**
     * Where the parabola through the smoothed marginal at the mode and its two neighbours peaks, in bins from the
     * mode's centre (−0.5 to 0.5; 0 when flat or at an edge): the centre to a fraction of a bin, as half a bin of
     * error in the honest centre is read by the fit as fraud.
     */
    static double vertexOffset(double[] smoothed, int mode) {
        if (mode == 0 || mode == smoothed.length - 1) {
            return 0;
        }
        double left = smoothed[mode - 1];
        double right = smoothed[mode + 1];
        double curvature = left - 2 * smoothed[mode] + right;
        return curvature >= 0 ? 0 : Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
    }
}
