package org.sanaq.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Hartigan's dip test of unimodality (J. A. Hartigan and P. M. Hartigan, The dip test of unimodality, Annals of
 * Statistics 13(1), 1985; the computation of their algorithm AS 217, Applied Statistics 34, 1985). The dip is the
 * largest distance between the empirical distribution function and the closest unimodal distribution function;
 * it is at least 1/(2n) and at most 1/4 (two equal point masses).
 *
 * <p>The sample is given as distinct sorted values with their multiplicities, so that a histogram of bounded size
 * stands for any number of observations. A block of tied values enters the computation by its lowest and its highest
 * order statistic only: the convex minorant can touch a vertical run of points only at its bottom and the concave
 * majorant only at its top, so the result is that of the expanded sample with its ties.
 *
 * <p>The p-value is the share of seeded uniform samples whose dip, scaled by √n, is at least the sample's. √n·dip
 * converges in distribution under the uniform (the least favourable unimodal law); above {@link #SIMULATED_MAX_N}
 * the reference samples have that size, as Hartigan and Hartigan's own table stops at n = 1,000 and uses the
 * limit beyond.
 */
public final class DipTest {
    /** Reference samples are never larger than this; √n-scaled dips are compared beyond it. */
    public static final int SIMULATED_MAX_N = 1_000;

    private DipTest() {
    }

    /** The dip of a sample of n equally weighted observations given sorted ({@code values} ascending). */
    public static double dip(double[] sortedValues) {
        long[] ones = new long[sortedValues.length];
        Arrays.fill(ones, 1);
        return dip(sortedValues, ones);
    }

    /**
     * The dip of a sample given as strictly ascending distinct values and their (positive) multiplicities; NaN when
     * all observations are equal (no unimodal continuous law is being tested there).
     */
    public static double dip(double[] values, long[] weights) {
        Points p = Points.of(values, weights);
        if (p.size < 2 || p.x[1] == p.x[p.size]) {
            return Double.NaN;
        }
        return p.dipInCounts() / (2.0 * p.total);
    }

    /**
     * The reference distribution for samples of {@code n} observations: √size·dip of {@code simulations} seeded
     * uniform samples of size min(n, {@link #SIMULATED_MAX_N}), sorted. The seed and the size fix the draws.
     */
    public static double[] nullDistribution(long n, int simulations, long seed) {
        int size = (int) Math.min(n, SIMULATED_MAX_N);
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + size);
        double[] scaled = new double[simulations];
        double[] sample = new double[size];
        for (int s = 0; s < simulations; s++) {
            for (int i = 0; i < size; i++) {
                sample[i] = random.nextDouble();
            }
            Arrays.sort(sample);
            scaled[s] = dip(sample) * Math.sqrt(size);
        }
        Arrays.sort(scaled);
        return scaled;
    }

    /**
     * The p-value of a dip {@code d} of {@code n} observations against a {@link #nullDistribution}: the share of
     * reference dips at least √n·d, counting the sample itself so that it is never 0.
     */
    public static double pValue(double d, long n, double[] nullDistribution) {
        // a relative tolerance so that a reference dip equal to the observed one counts as "at least"
        double observed = d * Math.sqrt(n) * (1 - 1e-12);
        int below = 0;
        int above = nullDistribution.length;
        while (below < above) {
            int mid = (below + above) >>> 1;
            if (nullDistribution[mid] < observed) {
                below = mid + 1;
            } else {
                above = mid;
            }
        }
        return (nullDistribution.length - below + 1.0) / (nullDistribution.length + 1.0);
    }

    /**
     * The sample as points (x, i) of its order statistics i = 1..n, keeping of each block of ties its first and
     * last order statistic; arrays are 1-based as in the paper.
     */
    private static final class Points {
        final double[] x;
        final double[] rank;
        final int size;
        final double total;

        private Points(double[] x, double[] rank, int size, double total) {
            this.x = x;
            this.rank = rank;
            this.size = size;
            this.total = total;
        }

        static Points of(double[] values, long[] weights) {
            double[] x = new double[2 * values.length + 1];
            double[] rank = new double[2 * values.length + 1];
            int k = 0;
            long before = 0;
            for (int i = 0; i < values.length; i++) {
                if (i > 0 && !(values[i] > values[i - 1])) {
                    throw new IllegalArgumentException("values must be strictly ascending");
                }
                if (weights[i] <= 0) {
                    throw new IllegalArgumentException("weights must be positive");
                }
                x[++k] = values[i];
                rank[k] = before + 1;
                if (weights[i] > 1) {
                    x[++k] = values[i];
                    rank[k] = before + weights[i];
                }
                before += weights[i];
            }
            return new Points(x, rank, k, before);
        }

        /** Twice the dip times n: Hartigan's iteration on the modal interval [low, high]. */
        double dipInCounts() {
            int[] minorantPrevious = minorantPredecessors();
            int[] majorantNext = majorantSuccessors();
            int low = 1;
            int high = size;
            double dip = 1;
            while (true) {
                int[] gcm = chain(minorantPrevious, high, low, -1);
                int[] lcm = chain(majorantNext, low, high, 1);
                Gap gap = largestGap(gcm, lcm);
                if (gap == null || gap.distance < dip) {
                    return dip;
                }
                dip = Math.max(dip, Math.max(minorantDeviation(gcm, gap.gcmIndex), majorantDeviation(lcm,
                        gap.lcmIndex)));
                int newLow = gcm[gap.gcmIndex];
                int newHigh = lcm[gap.lcmIndex];
                if (newLow == low && newHigh == high) {
                    return dip;
                }
                low = newLow;
                high = newHigh;
            }
        }

        /** For each point, its predecessor on the greatest convex minorant of the points up to it. */
        private int[] minorantPredecessors() {
            int[] previous = new int[size + 1];
            previous[1] = 1;
            for (int j = 2; j <= size; j++) {
                previous[j] = j - 1;
                while (true) {
                    int q = previous[j];
                    int r = previous[q];
                    // keep q while the slope r→q is below the slope q→j (products: x may repeat)
                    if (q == 1 || (x[j] - x[q]) * (rank[q] - rank[r]) < (x[q] - x[r]) * (rank[j] - rank[q])) {
                        break;
                    }
                    previous[j] = r;
                }
            }
            return previous;
        }

        /** For each point, its successor on the least concave majorant of the points from it on. */
        private int[] majorantSuccessors() {
            int[] next = new int[size + 1];
            next[size] = size;
            for (int k = size - 1; k >= 1; k--) {
                next[k] = k + 1;
                while (true) {
                    int q = next[k];
                    int r = next[q];
                    // keep q while the slope k→q is above the slope q→r
                    if (q == size || (x[k] - x[q]) * (rank[q] - rank[r]) < (x[q] - x[r]) * (rank[k] - rank[q])) {
                        break;
                    }
                    next[k] = r;
                }
            }
            return next;
        }

        /** The hull's vertices from {@code from} to {@code to}, following {@code links}; 1-based. */
        private static int[] chain(int[] links, int from, int to, int direction) {
            int[] out = new int[Math.abs(to - from) + 3];
            int n = 1;
            out[1] = from;
            while (direction < 0 ? out[n] > to : out[n] < to) {
                int nextPoint = links[out[n]];
                // guard: the global hull passes through the ends of the modal interval
                out[n + 1] = direction < 0 ? Math.max(nextPoint, to) : Math.min(nextPoint, to);
                n++;
            }
            out[0] = n;
            return out;
        }

        /** The largest vertical distance between the concave majorant and the convex minorant, at their vertices. */
        private Gap largestGap(int[] gcm, int[] lcm) {
            int gcmCount = gcm[0];
            int lcmCount = lcm[0];
            if (gcmCount == 2 && lcmCount == 2) {
                return null;
            }
            int ix = gcmCount - 1;
            int iv = 2;
            Gap best = new Gap(0, gcmCount, 1);
            do {
                int g = gcm[ix];
                int l = lcm[iv];
                if (g > l) {
                    // the majorant's vertex l against the minorant's segment gcm[ix+1] → g
                    int g0 = gcm[ix + 1];
                    double distance = rank[l] - line(g0, g, x[l]) + 1;
                    iv++;
                    if (distance >= best.distance) {
                        best = new Gap(distance, ix + 1, iv - 1);
                    }
                } else {
                    // the minorant's vertex g against the majorant's segment lcm[iv-1] → l
                    int l0 = lcm[iv - 1];
                    double distance = line(l0, l, x[g]) - rank[g] + 1;
                    ix--;
                    if (distance >= best.distance) {
                        best = new Gap(distance, ix + 1, iv);
                    }
                }
                ix = Math.max(ix, 1);
                iv = Math.min(iv, lcmCount);
            } while (gcm[ix] != lcm[iv]);
            return best;
        }

        /**
     * Largest distance between the data and the convex minorant from the interval's low end to vertex gcm[to]
     * (a vertical segment, a block of ties at the interval's end, counts as one step, as in AS 217).
     */
        private double minorantDeviation(int[] gcm, int to) {
            double worst = 0;
            for (int s = to; s < gcm[0]; s++) {
                int a = gcm[s + 1];
                int b = gcm[s];
                double segment = 1;
                for (int j = a; j <= b && x[b] != x[a]; j++) {
                    segment = Math.max(segment, rank[j] - line(a, b, x[j]) + 1);
                }
                worst = Math.max(worst, segment);
            }
            return worst;
        }

        /** Largest distance between the concave majorant and the data from vertex lcm[from] to the high end. */
        private double majorantDeviation(int[] lcm, int from) {
            double worst = 0;
            for (int s = from; s < lcm[0]; s++) {
                int a = lcm[s];
                int b = lcm[s + 1];
                double segment = 1;
                for (int j = a; j <= b && x[b] != x[a]; j++) {
                    segment = Math.max(segment, line(a, b, x[j]) - rank[j] + 1);
                }
                worst = Math.max(worst, segment);
            }
            return worst;
        }

        /** The height at {@code at} of the straight line through points a and b (a's height on a vertical segment). */
        private double line(int a, int b, double at) {
            if (x[b] == x[a]) {
                return rank[a];
            }
            return rank[a] + (at - x[a]) * (rank[b] - rank[a]) / (x[b] - x[a]);
        }
    }

    /** Where the hulls are furthest apart: the distance and the indices of the new modal interval's ends. */
    private record Gap(double distance, int gcmIndex, int lcmIndex) {
    }
}
