package org.sanaq.checks.klimek;

import org.sanaq.checks.fingerprint.TurnoutShareCell;

/**
 * The fraud model's transform of one precinct, after Klimek, Yegorov, Hanel and Thurner (PNAS 2012), in the form the
 * synthetic generator plants it ({@code synthetic.PrecinctIrregularities}): with honest turnout τ and honest leader's
 * share ν (shares of the registered voters who came, votes per ballot), fraud of intensity x adds x·(1 − τ) ballots
 * per registered voter for the leader (a fraction x of the non-voters "vote") and moves a fraction x^α of the other
 * candidates' votes to the leader. So turnout becomes t' = τ + x(1 − τ) and the leader's share
 * s' = [τν + x(1 − τ) + x^α·τ(1 − ν)] / t'.
 */
public final class FraudTransform {
    private FraudTransform() {
    }

    /** The turnout after fraud of intensity x. */
    public static double turnout(double tau, double x) {
        return tau + x * (1 - tau);
    }

    /** The leader's share after fraud of intensity x (ν itself where no one voted and nothing was added). */
    public static double share(double tau, double nu, double x, double alpha) {
        double t = turnout(tau, x);
        return t == 0 ? nu : (tau * nu + leaderGain(tau, nu, x, alpha)) / t;
    }

    /** The leader's votes the fraud adds, per registered voter: ballots stuffed plus votes moved. */
    public static double leaderGain(double tau, double nu, double x, double alpha) {
        return x * (1 - tau) + Math.pow(x, alpha) * tau * (1 - nu);
    }

    /** The map's cell of turnout t and share s: 0.5 % bins, 100 % in the top one (as {@link TurnoutShareCell}). */
    public static int cell(double t, double s) {
        return bin(t) * TurnoutShareCell.GRID + bin(s);
    }

    /** The 0.5 % bin of a fraction, 0 to 199. */
    static int bin(double fraction) {
        return Math.max(0, Math.min(TurnoutShareCell.GRID - 1, (int) Math.floor(TurnoutShareCell.GRID * fraction)));
    }

    /** The centre of bin j, (j + 0.5)/200. */
    static double centre(int j) {
        return (j + 0.5) / TurnoutShareCell.GRID;
    }
}
