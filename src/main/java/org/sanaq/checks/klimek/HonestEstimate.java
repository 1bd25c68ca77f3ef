package org.sanaq.checks.klimek;

import org.sanaq.checks.fingerprint.TurnoutShareCell;

/**
 * The honest parameters from the "left half" of each marginal of a voter-weighted map: fraud only moves precincts
 * up in turnout and in share, so the left side of each distribution is the least affected. The centre is the centre
 * of the marginal's mode, found on the marginal smoothed by a centred 5-bin moving average (bins outside [0, 1]
 * count as empty; among tied bins the one of most unsmoothed mass, then the lowest: an isolated bin ties with its
 * four neighbours); the spread is the root mean square distance to that centre of the
 * mass strictly left of the mode's bin, which for a normal's left half is its σ. A marginal without mass left of the
 * mode has no honest spread to estimate: null (with any, the spread is at least one bin, 0.005).
 */
final class HonestEstimate {
    private static final int HALF_WINDOW = 2;

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
        int mode = 0;
        double best = -1;
        for (int j = 0; j < p.length; j++) {
            double sum = 0;
            for (int i = Math.max(0, j - HALF_WINDOW); i <= Math.min(p.length - 1, j + HALF_WINDOW); i++) {
                sum += p[i];
            }
            if (sum > best || sum == best && p[j] > p[mode]) {
                best = sum;
                mode = j;
            }
        }
        double centre = FraudTransform.centre(mode);
        double mass = 0;
        double squares = 0;
        for (int j = 0; j < mode; j++) {
            double d = FraudTransform.centre(j) - centre;
            mass += p[j];
            squares += p[j] * d * d;
        }
        return mass <= 0 ? null : new double[] {centre, Math.sqrt(squares / mass)};
    }
}
