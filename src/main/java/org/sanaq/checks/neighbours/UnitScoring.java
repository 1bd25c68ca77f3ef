package org.sanaq.checks.neighbours;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The scores of one unit's precincts (a real unit or a random group): each precinct's z on turnout and on the
 * leader's share against the other precincts of the unit ({@link LeaveOneOut}, {@link NeighbourScore}), and its
 * score, the larger |z|. A unit of more than {@code maxUnit} precincts is scored against its whole median and MAD
 * (the precinct included), which at that size hardly differ from the leave-one-out ones and cost O(n) instead of
 * O(n²). The yardstick is the unit's precincts whose noise is at most {@code maxReferenceNoise} (precincts of
 * about 100 voters or more): tiny precincts (ships, hospitals, remote villages) are scored against it but do not
 * form it, so that a district of one town and forty ships at 100 % turnout does not make the town's precincts
 * outliers. A unit with fewer than two such precincts uses all of them. Pure.
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
    static Scored[] score(Variable turnout, Variable share, int maxUnit, double maxReferenceNoise) {
        int n = turnout.y().length;
        double[][] zTurnout = zs(turnout, maxUnit, maxReferenceNoise);
        double[][] zShare = zs(share, maxUnit, maxReferenceNoise);
        Scored[] out = new Scored[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Scored(zTurnout[0][i], zShare[0][i], zTurnout[1][i], zShare[1][i]);
        }
        return out;
    }

    /** Each precinct's neighbours' median (row 0) and its z (row 1) on one variable. */
    private static double[][] zs(Variable v, int maxUnit, double maxReferenceNoise) {
        int n = v.y().length;
        int[] reference = reference(v.noise(), maxReferenceNoise);
        double[] y = pick(v.y(), reference);
        double[] noise = pick(v.noise(), reference);
        // a precinct outside the yardstick has all of it as neighbours: its whole median and MAD
        LeaveOneOut.Centre whole = LeaveOneOut.whole(y);
        double wholeNoise = LeaveOneOut.median(noise);
        boolean leaveOneOut = !wholeUnit(n, maxUnit);
        LeaveOneOut.Centre[] centres = leaveOneOut ? LeaveOneOut.centres(y) : null;
        double[] medianNoise = leaveOneOut ? LeaveOneOut.medians(noise) : null;
        int[] position = new int[n];
        Arrays.fill(position, -1);
        for (int k = 0; k < reference.length; k++) {
            position[reference[k]] = k;
        }
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            int k = position[i];
            LeaveOneOut.Centre centre = leaveOneOut && k >= 0 ? centres[k] : whole;
            double typicalNoise = leaveOneOut && k >= 0 ? medianNoise[k] : wholeNoise;
            out[0][i] = centre.median();
            out[1][i] = NeighbourScore.z(v.y()[i], v.noise()[i], centre.median(), centre.mad(), typicalNoise);
        }
        return out;
    }

    /** The positions of the yardstick's precincts: noise at most the limit, or all when fewer than two are. */
    private static int[] reference(double[] noise, double maxNoise) {
        int[] within = IntStream.range(0, noise.length).filter(i -> noise[i] <= maxNoise).toArray();
        return within.length >= 2 ? within : IntStream.range(0, noise.length).toArray();
    }

    private static double[] pick(double[] values, int[] positions) {
        double[] out = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            out[k] = values[positions[k]];
        }
        return out;
    }
}
