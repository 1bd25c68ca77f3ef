package org.sanaq.checks.klimek;

import org.sanaq.checks.fingerprint.TurnoutShareCell;

/**
 * The fraud model's three maps for given honest parameters, each a distribution over the 200 × 200 cells (summing to
 * 1): honest precincts (H), precincts all with incremental fraud (I), all with extreme fraud (E); the model's map for
 * fractions fi and fe is (1 − fi − fe)·H + fi·I + fe·E. Computed by quadrature: the honest weight of cell (j, k) is
 * h_τ(j)·h_ν(k), h the normal probability of bin j renormalised over [0, 1], kept where above 10⁻¹²; I and E carry
 * each honest cell's weight, in equal parts, to the cells its {@link FraudKernel} nodes land in.
 *
 * @param incrementalGain the leader's votes per registered voter that incremental fraud adds, over H
 * @param extremeGain the same for extreme fraud
 */
record ModelMaps(double[] honest, double[] incremental, double[] extreme, double incrementalGain,
        double extremeGain) {
    private static final double SMALLEST_WEIGHT = 1e-12;

    static ModelMaps of(FraudKernel kernel, HonestParameters p) {
        double[] ht = binProbabilities(p.turnoutCentre(), p.turnoutSd());
        double[] hs = binProbabilities(p.shareCentre(), p.shareSd());
        double[] honest = new double[TurnoutShareCell.CELLS];
        double[] incremental = new double[TurnoutShareCell.CELLS];
        double[] extreme = new double[TurnoutShareCell.CELLS];
        double gainI = 0;
        double gainE = 0;
        for (int j = 0; j < TurnoutShareCell.GRID; j++) {
            for (int k = 0; k < TurnoutShareCell.GRID; k++) {
                double w = ht[j] * hs[k];
                if (w <= SMALLEST_WEIGHT) {
                    continue;
                }
                int cell = j * TurnoutShareCell.GRID + k;
                honest[cell] += w;
                double perNode = w / FraudKernel.NODES;
                for (int m = 0; m < FraudKernel.NODES; m++) {
                    incremental[kernel.incrementalTo(cell, m)] += perNode;
                    extreme[kernel.extremeTo(cell, m)] += perNode;
                }
                gainI += w * kernel.incrementalGain(cell);
                gainE += w * kernel.extremeGain(cell);
            }
        }
        // the dropped cells' weight (under 40,000 · 10⁻¹²) is restored, so that each map sums to 1
        double total = 0;
        for (double w : honest) {
            total += w;
        }
        for (int c = 0; c < TurnoutShareCell.CELLS; c++) {
            honest[c] /= total;
            incremental[c] /= total;
            extreme[c] /= total;
        }
        return new ModelMaps(honest, incremental, extreme, gainI / total, gainE / total);
    }

    /** The normal's probability of each 0.5 % bin of [0, 1], renormalised over [0, 1]. */
    static double[] binProbabilities(double centre, double sd) {
        double[] p = new double[TurnoutShareCell.GRID];
        double below = FraudKernel.phi((0 - centre) / sd);
        double inside = FraudKernel.phi((1 - centre) / sd) - below;
        double previous = below;
        for (int j = 0; j < TurnoutShareCell.GRID; j++) {
            double next = FraudKernel.phi(((double) (j + 1) / TurnoutShareCell.GRID - centre) / sd);
            p[j] = (next - previous) / inside;
            previous = next;
        }
        return p;
    }

    /** The model's map for fractions fi and fe. */
    double[] mixture(double fi, double fe) {
        double[] out = new double[honest.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = (1 - fi - fe) * honest[c] + fi * incremental[c] + fe * extreme[c];
        }
        return out;
    }
}
