package org.sanaq.checks.klimek;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.sanaq.checks.fingerprint.TurnoutShareCell;

/**
 * Where fraud moves each honest cell of the map, for one (α, σx): the model maps' quadrature ({@link ModelMaps}),
 * computed once per run and reused by every fit, bootstrap replicate and region. The fraud intensity x is
 * represented by {@value #NODES} equally weighted nodes, the midpoints of equal-probability slices of its
 * distribution: incremental fraud x ~ |N(0, σx)| capped at 1, nodes σx·Φ⁻¹(0.5 + 0.5(m − 0.5)/M); extreme fraud
 * x ~ N(1 − σx, σx) clipped to [0, 1], nodes 1 − σx + σx·Φ⁻¹((m − 0.5)/M), clipped. Each honest cell's centre
 * (τ, ν) is carried by {@link FraudTransform} at each node to the cell it lands in. The inverse normal is Commons
 * Math's ({@link NormalDistribution#inverseCumulativeProbability}), called 48 times per kernel.
 */
final class FraudKernel {
    /** Nodes of x per kind of fraud. */
    static final int NODES = 24;
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    final double alpha;
    final double sigmaX;
    /** Destination cell of honest cell c at node m, at [c·NODES + m]. */
    private final int[] incrementalTo = new int[TurnoutShareCell.CELLS * NODES];
    private final int[] extremeTo = new int[TurnoutShareCell.CELLS * NODES];
    /** The leader's votes added per registered voter in honest cell c, averaged over the nodes. */
    private final double[] incrementalGain = new double[TurnoutShareCell.CELLS];
    private final double[] extremeGain = new double[TurnoutShareCell.CELLS];

    FraudKernel(double alpha, double sigmaX) {
        this.alpha = alpha;
        this.sigmaX = sigmaX;
        double[] incremental = incrementalNodes(sigmaX);
        double[] extreme = extremeNodes(sigmaX);
        for (int j = 0; j < TurnoutShareCell.GRID; j++) {
            double tau = FraudTransform.centre(j);
            for (int k = 0; k < TurnoutShareCell.GRID; k++) {
                double nu = FraudTransform.centre(k);
                int cell = j * TurnoutShareCell.GRID + k;
                incrementalGain[cell] = deposit(tau, nu, incremental, incrementalTo, cell);
                extremeGain[cell] = deposit(tau, nu, extreme, extremeTo, cell);
            }
        }
    }

    /** Fills the destinations of one honest cell; returns the mean gain over the nodes. */
    private double deposit(double tau, double nu, double[] nodes, int[] to, int cell) {
        double gain = 0;
        for (int m = 0; m < NODES; m++) {
            double x = nodes[m];
            to[cell * NODES + m] = FraudTransform.cell(FraudTransform.turnout(tau, x),
                    FraudTransform.share(tau, nu, x, alpha));
            gain += FraudTransform.leaderGain(tau, nu, x, alpha);
        }
        return gain / NODES;
    }

    static double[] incrementalNodes(double sigmaX) {
        double[] x = new double[NODES];
        for (int m = 0; m < NODES; m++) {
            x[m] = Math.min(1, sigmaX * STANDARD.inverseCumulativeProbability(0.5 + 0.5 * (m + 0.5) / NODES));
        }
        return x;
    }

    static double[] extremeNodes(double sigmaX) {
        double[] x = new double[NODES];
        for (int m = 0; m < NODES; m++) {
            x[m] = Math.max(0, Math.min(1, 1 - sigmaX
                    + sigmaX * STANDARD.inverseCumulativeProbability((m + 0.5) / NODES)));
        }
        return x;
    }

    int incrementalTo(int cell, int node) {
        return incrementalTo[cell * NODES + node];
    }

    int extremeTo(int cell, int node) {
        return extremeTo[cell * NODES + node];
    }

    double incrementalGain(int cell) {
        return incrementalGain[cell];
    }

    double extremeGain(int cell) {
        return extremeGain[cell];
    }

    /** The standard normal's distribution function. */
    static double phi(double z) {
        return STANDARD.cumulativeProbability(z);
    }
}
