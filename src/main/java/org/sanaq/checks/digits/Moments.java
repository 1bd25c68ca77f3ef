package org.sanaq.checks.digits;

/**
 * The moment statistics of METHODS.md §3 from sums over precincts (weighted, so that the same formulas serve
 * the Poisson bootstrap): population moments (divided by the total weight, not W − 1), Skew = m3 / m2^1.5,
 * Kurt = m4 / m2² (not excess kurtosis), and Sobyanin–Sukhovolsky's OLS slope of share on turnout minus the mean
 * share. Sums are raw: Σw, Σw·p, Σw·p², Σw·p³, Σw·p⁴, and for the slope Σw·t, Σw·t², Σw·t·s.
 */
final class Moments {
    /** Positions of the sums in a sums array. */
    static final int W = 0;
    static final int P1 = 1;
    static final int P2 = 2;
    static final int P3 = 3;
    static final int P4 = 4;
    static final int T1 = 5;
    static final int T2 = 6;
    static final int TP = 7;
    static final int SIZE = 8;

    private Moments() {
    }

    /** One precinct's terms of the sums: 1, p, p², p³, p⁴, t, t², t·p (p a turnout or share, t the turnout). */
    static double[] terms(double p, double t) {
        double p2 = p * p;
        return new double[] {1, p, p2, p2 * p, p2 * p2, t, t * t, t * p};
    }

    /** Adds one precinct's {@link #terms} with weight w to the sums starting at {@code offset}. */
    static void add(double[] sums, int offset, double w, double[] terms) {
        for (int k = 0; k < SIZE; k++) {
            sums[offset + k] += w * terms[k];
        }
    }

    /** Adds one value with weight w. */
    static void add(double[] sums, int offset, double w, double p, double t) {
        add(sums, offset, w, terms(p, t));
    }

    private static double second(double[] s, int o) {
        double m = s[o + P1] / s[o + W];
        return s[o + P2] / s[o + W] - m * m;
    }

    static double skew(double[] s, int o) {
        double w = s[o + W];
        double m = s[o + P1] / w;
        double m3 = s[o + P3] / w - 3 * m * s[o + P2] / w + 2 * m * m * m;
        return m3 / Math.pow(second(s, o), 1.5);
    }

    static double kurt(double[] s, int o) {
        double w = s[o + W];
        double m = s[o + P1] / w;
        double m4 = s[o + P4] / w - 4 * m * s[o + P3] / w + 6 * m * m * s[o + P2] / w - 3 * m * m * m * m;
        double m2 = second(s, o);
        return m4 / (m2 * m2);
    }

    /** OLS slope of p (a share) on t (turnout), minus the mean of p. */
    static double sobyanin(double[] s, int o) {
        double w = s[o + W];
        double meanT = s[o + T1] / w;
        double meanP = s[o + P1] / w;
        double slope = (s[o + TP] / w - meanT * meanP) / (s[o + T2] / w - meanT * meanT);
        return slope - meanP;
    }
}
