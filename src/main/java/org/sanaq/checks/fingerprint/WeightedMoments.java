package org.sanaq.checks.fingerprint;

/**
 * Sums of weights and weighted moments of turnout x and leader share y, from which the voter-weighted Pearson
 * correlation of METHODS.md §4 follows: cov_w / (sd_w(x)·sd_w(y)) with the weighted means Σwx/Σw, Σwy/Σw.
 * Mergeable by adding, so regions sum to the nation.
 */
record WeightedMoments(double w, double wx, double wy, double wxx, double wyy, double wxy) {
    static final WeightedMoments ZERO = new WeightedMoments(0, 0, 0, 0, 0, 0);

    WeightedMoments plus(WeightedMoments o) {
        return new WeightedMoments(w + o.w, wx + o.wx, wy + o.wy, wxx + o.wxx, wyy + o.wyy, wxy + o.wxy);
    }

    /** The weighted correlation; NaN without weight or when x or y does not vary. */
    double correlation() {
        double mx = wx / w;
        double my = wy / w;
        double cov = wxy / w - mx * my;
        double vx = wxx / w - mx * mx;
        double vy = wyy / w - my * my;
        return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : Double.NaN;
    }
}
