package org.sanaq.synthetic;

import java.util.SplittableRandom;

import org.apache.commons.math3.special.Gamma;
import org.sanaq.stats.Mix64;

/**
 * Seeded random draws for the generator: exact binomial and multinomial counts, gamma and Dirichlet proportions,
 * and the seed of every precinct's own stream. Exact samplers are written here because Commons Math's binomial
 * samples by numerical inversion of the distribution function, which is too slow for ten million precincts.
 */
final class Draws {
    private Draws() {
    }

    /** Streams of one election: the honest figures, the regions, and one per irregularity. */
    enum Purpose { HONEST, REGION, STUFFING, SWITCHING, INTEGER_PERCENTAGES, BROKEN_RELATIONS, LAST_DIGIT,
        OBSERVER_COPIES, MALFORMED_ROWS, ROUND_REGIONS, DISTRICT, REGION_DISTRICT, PANEL, JUMP }

    /**
     * The random stream of one unit (precinct or region) for one purpose, a function of (seed, index, purpose)
     * alone: a precinct's figures do not depend on which task generates it, and switching an irregularity on
     * leaves the honest figures of every precinct unchanged.
     */
    static SplittableRandom stream(long seed, long index, Purpose purpose) {
        return new SplittableRandom(Mix64.mix(Mix64.mix(seed)
                ^ Mix64.mix(index * 0x9E3779B97F4A7C15L + purpose.ordinal() + 1)));
    }

    /**
     * Binomial(n, p), exactly: inversion that adds probabilities outward from the mode (each k owns an interval of
     * length P(k) of [0, 1)), so it costs about one standard deviation of steps.
     */
    static long binomial(SplittableRandom r, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        double q = 1 - p;
        long mode = Math.min(n, (long) Math.floor((n + 1) * p));
        double pMode = Math.exp(Gamma.logGamma(n + 1.0) - Gamma.logGamma(mode + 1.0) - Gamma.logGamma(n - mode + 1.0)
                + mode * Math.log(p) + (n - mode) * Math.log(q));
        double u = r.nextDouble();
        double acc = pMode;
        if (u < acc) {
            return mode;
        }
        long lo = mode;
        long hi = mode;
        double pLo = pMode;
        double pHi = pMode;
        while (lo > 0 || hi < n) {
            if (lo > 0) {
                pLo *= lo / (double) (n - lo + 1) * q / p;
                lo--;
                acc += pLo;
                if (u < acc) {
                    return lo;
                }
            }
            if (hi < n) {
                pHi *= (n - hi) / (double) (hi + 1) * p / q;
                hi++;
                acc += pHi;
                if (u < acc) {
                    return hi;
                }
            }
        }
        return mode; // u fell in the rounding error of the probabilities' sum (below 1e-12)
    }

    /** Multinomial(n, shares) as a chain of binomials. */
    static long[] multinomial(SplittableRandom r, long n, double[] shares) {
        long[] out = new long[shares.length];
        long left = n;
        double rest = 1;
        for (int i = 0; i < shares.length - 1; i++) {
            out[i] = binomial(r, left, rest <= 0 ? 0 : Math.min(1, shares[i] / rest));
            left -= out[i];
            rest -= shares[i];
        }
        out[shares.length - 1] = left;
        return out;
    }

    /** Gamma(shape, 1) by Marsaglia & Tsang (2000); shapes below one by their boost U^(1/shape). */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) {
            return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Dirichlet(concentration · mean): proportions that vary around {@code mean}, less as concentration grows. */
    static double[] dirichlet(SplittableRandom r, double[] mean, double concentration) {
        double[] g = new double[mean.length];
        double sum = 0;
        for (int i = 0; i < mean.length; i++) {
            g[i] = gamma(r, concentration * mean[i]);
            sum += g[i];
        }
        for (int i = 0; i < g.length; i++) {
            g[i] /= sum;
        }
        return g;
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
