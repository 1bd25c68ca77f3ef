package org.sanaq.checks.neighbours;

import java.util.Arrays;

/**
 * The scores of one unit's precincts (a real unit or a random group): each precinct's z on turnout and on the
 * leader's share against the other precincts of the unit ({@link LeaveOneOut}, {@link NeighbourScore}), and its
 * score, the larger |z|. A unit of more than {@code maxUnit} precincts is scored against its whole median and MAD
 * (the precinct included), which at that size hardly differ from the leave-one-out ones and cost O(n) instead of
 * O(n²). Pure.
 */
final class UnitScoring {

    /**
     * One precinct's result.
     *
     * @param medianTurnout its neighbours' median turnout on the stabilised scale
     * @param medianShare the same of the leader's share
     */
    record Scored(double medianTurnout, double medianShare, double zTurnout, double zShare) {
        /** The larger |z| of the two variables. */
        double score() {
            return Math.max(Math.abs(zTurnout), Math.abs(zShare));
        }

        /** Whether the z of the larger modulus is positive: the precinct lies above its neighbours. */
        boolean up() {
            return Math.abs(zTurnout) >= Math.abs(zShare) ? zTurnout > 0 : zShare > 0;
        }
    }

    /** One variable of a unit's precincts: the stabilised values and their noise variances, in the same order. */
    record Variable(double[] y, double[] noise) {
    }

    private UnitScoring() {
    }

    /** Whether a unit of {@code n} precincts is scored against its whole median and MAD. */
    static boolean wholeUnit(int n, int maxUnit) {
        return n > maxUnit;
    }

    /** The scores of a unit's precincts (two or more), in the order of the variables' arrays. */
    static Scored[] score(Variable turnout, Variable share, int maxUnit) {
        int n = turnout.y().length;
        double[][] zTurnout = zs(turnout, maxUnit);
        double[][] zShare = zs(share, maxUnit);
        Scored[] out = new Scored[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Scored(zTurnout[0][i], zShare[0][i], zTurnout[1][i], zShare[1][i]);
        }
        return out;
    }

    /** Each precinct's neighbours' median (row 0) and its z (row 1) on one variable. */
    private static double[][] zs(Variable v, int maxUnit) {
        int n = v.y().length;
        LeaveOneOut.Centre[] centres;
        double[] medianNoise;
        if (wholeUnit(n, maxUnit)) {
            centres = new LeaveOneOut.Centre[n];
            Arrays.fill(centres, LeaveOneOut.whole(v.y()));
            medianNoise = new double[n];
            Arrays.fill(medianNoise, LeaveOneOut.median(v.noise()));
        } else {
            centres = LeaveOneOut.centres(v.y());
            medianNoise = LeaveOneOut.medians(v.noise());
        }
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = centres[i].median();
            out[1][i] = NeighbourScore.z(v.y()[i], v.noise()[i], centres[i].median(), centres[i].mad(),
                    medianNoise[i]);
        }
        return out;
    }
}
