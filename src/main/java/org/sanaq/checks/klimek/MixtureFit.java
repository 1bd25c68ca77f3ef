package org.sanaq.checks.klimek;

/**
 * The least-squares fractions of the fraud model, exactly and without an optimiser: the model's map
 * M = (1 − fi − fe)·H + fi·I + fe·E is linear in (fi, fe), so with a = I − H, b = E − H and r = o − H (o the observed
 * shares per cell) the distance D = Σ (o − M)² = |r − fi·a − fe·b|² is a quadratic. Its minimum on the triangle
 * fi ≥ 0, fe ≥ 0, fi + fe ≤ 1 is the solution of the 2 × 2 normal equations when that lies inside, else the best
 * of the minima on the three edges (the corners are among them).
 *
 * @param distance D at (fi, fe)
 * @param distanceHonest D at (0, 0): the honest model's distance, |r|²
 */
record MixtureFit(double fi, double fe, double distance, double distanceHonest) {

    /** The share of the honest model's distance that fraud explains, 1 − D/D0 (0 when D0 = 0). */
    double explained() {
        return distanceHonest == 0 ? 0 : 1 - distance / distanceHonest;
    }

    static MixtureFit of(double[] observed, ModelMaps maps) {
        return of(observed, maps.honest(), maps.incremental(), maps.extreme());
    }

    static MixtureFit of(double[] o, double[] h, double[] i, double[] e) {
        double aa = 0;
        double ab = 0;
        double bb = 0;
        double ar = 0;
        double br = 0;
        double rr = 0;
        for (int c = 0; c < o.length; c++) {
            double a = i[c] - h[c];
            double b = e[c] - h[c];
            double r = o[c] - h[c];
            aa += a * a;
            ab += a * b;
            bb += b * b;
            ar += a * r;
            br += b * r;
            rr += r * r;
        }
        Quadratic d = new Quadratic(aa, ab, bb, ar, br, rr);
        double det = aa * bb - ab * ab;
        if (det > 0) {
            double fi = (bb * ar - ab * br) / det;
            double fe = (aa * br - ab * ar) / det;
            if (fi >= 0 && fe >= 0 && fi + fe <= 1) {
                return d.at(fi, fe);
            }
        }
        MixtureFit best = d.at(aa > 0 ? clamp(ar / aa) : 0, 0);
        best = d.better(best, d.at(0, bb > 0 ? clamp(br / bb) : 0));
        // fi + fe = 1: r − u·a − (1 − u)·b = (r − b) − u·(a − b)
        double diff = aa - 2 * ab + bb;
        double u = diff > 0 ? clamp((ar - br - ab + bb) / diff) : 0;
        return d.better(best, d.at(u, 1 - u));
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    /** D(fi, fe) = rr − 2 fi·ar − 2 fe·br + fi²·aa + 2 fi·fe·ab + fe²·bb. */
    private record Quadratic(double aa, double ab, double bb, double ar, double br, double rr) {
        MixtureFit at(double fi, double fe) {
            double d = rr - 2 * fi * ar - 2 * fe * br + fi * fi * aa + 2 * fi * fe * ab + fe * fe * bb;
            return new MixtureFit(fi, fe, Math.max(0, d), rr);
        }

        /** The fit of smaller distance; the first on a tie. */
        MixtureFit better(MixtureFit first, MixtureFit second) {
            return second.distance() < first.distance() ? second : first;
        }
    }
}
