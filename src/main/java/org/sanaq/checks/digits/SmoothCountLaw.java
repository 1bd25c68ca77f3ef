package org.sanaq.checks.digits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * The honest expectation of a count value from its neighbours (issue 16): the null of LastC, C05s, the last-digit
 * chi-square, the repeated and adjacent pairs and P05s, valid for any smooth distribution of counts.
 *
 * <p>The null. The histogram h(v) of a row's counts (how many precincts have exactly v) is a set of independent
 * Poisson(μ(v)) counts whose log-mean is smooth: over five consecutive values, log μ is a cubic. Exponential and
 * Poisson-like tails, humps and steep declines all are, to well under 1 % (below). A preference for some last digits
 * is a component of μ that repeats with period 10 (or 5, or 100 for pairs of last digits), which no cubic over five
 * values can follow, so it shows as observed counts above their expectation at the preferred values.
 *
 * <p>The expectation. At a tested value v, g(u) = log(h(u) + 0.5) (the 0.5 takes out the 1/(2μ) bias of the log of a
 * Poisson count: E log(h + 0.5) = log μ + O(1/μ²)) is interpolated from four neighbours u_i by the cubic through
 * them (Lagrange weights w_i = Π_{j≠i} (v − u_j) / (u_i − u_j)): ĝ(v) = Σ w_i·g(u_i) and E(v) = max(0, e^ĝ − 0.5).
 * For the neighbours v ± 1, v ± 2 the weights are 2/3 and −1/6: ĝ = (4(g(v−1) + g(v+1)) − (g(v−2) + g(v+2))) / 6.
 * The −0.5 also cancels the e^{Var ĝ / 2} bias of the exponential where μ is flat (Var ĝ ≈ Σ w_i² / μ = 17/(18μ), so
 * the bias is about 0.47 counts). Checked numerically (for the record, not in a test): with h = μ exactly, a
 * Poisson(λ) law (λ = 3, 8, 20) gives |E − μ| / μ ≤ 0.21 % and a geometric tail is exact; with Poisson noise, at μ ≥ 30
 * and a tail falling by half per value the mean of E is within 0.5 % of μ.
 *
 * <p>Which neighbours. For a statistic whose targets are a residue class (the last digit d, or 0 and 5), the
 * neighbours v ± 1, v ± 2 are never targets of the same class, so a comb at the targets does not enter its own
 * expectation ({@link #around}). For the repeated and adjacent pairs, whose targets are not residue classes, the two
 * nearest values on each side that are not targets ({@link #nearestOutside}).
 *
 * <p>Which values. A value is tested only where all its neighbours have h ≥ {@link #MIN_NEIGHBOUR} (5), and for the
 * last-digit chi-square ≥ {@link #MIN_NEIGHBOUR_CHI_SQUARE} (20): decided from the neighbours alone, never from h(v),
 * so the observed count at a tested value keeps its Poisson law. Why 20 for the chi-square: the log of a Poisson count
 * of 5 to 20 is far from linear in the count, so E is skewed there; a share summed over many values averages that
 * out (LastC and C05s rejected 0.8 to 1.2 % of 1,944 honest simulated rows at 0.01 with neighbours of 5), but each of
 * the chi-square's nine digit shares rests on one or two values in a small row, and with neighbours of 5 it rejected
 * 15 % of honest simulated rows of about 130 tested counts (11 % with 10; 1.0 to 1.4 % with 20). Where counts are
 * sparse (a region with few precincts and counts spread over hundreds of values) few values are testable and the
 * statistic is not applicable.
 */
final class SmoothCountLaw {
    /** The smallest count every neighbour of a tested value must have. */
    static final long MIN_NEIGHBOUR = 5;
    /** The smallest count every neighbour of a value the last-digit chi-square tests must have. */
    static final long MIN_NEIGHBOUR_CHI_SQUARE = 20;
    /** How far a neighbour may lie from its value (two non-targets on each side, of the pair sets). */
    private static final int REACH = 4;

    private final TreeMap<Long, Long> histogram;

    /** The law of a histogram: count value → number of precincts with that count. */
    SmoothCountLaw(TreeMap<Long, Long> histogram) {
        this.histogram = histogram;
    }

    /** The law of a dense histogram whose index is the value (P05s's whole percentages). */
    static SmoothCountLaw of(long[] dense) {
        TreeMap<Long, Long> h = new TreeMap<>();
        for (int v = 0; v < dense.length; v++) {
            if (dense[v] != 0) {
                h.put((long) v, dense[v]);
            }
        }
        return new SmoothCountLaw(h);
    }

    /** The number of precincts whose count is v. */
    long count(long v) {
        return histogram.getOrDefault(v, 0L);
    }

    /**
     * A tested value: its observed count, its expected count and ∂E/∂h(u) for each neighbour u (0 where E is clipped
     * at 0), the linearisation the delta method needs.
     */
    record Expectation(long value, long observed, double expected, long[] neighbours, double[] derivatives) {
    }

    /** The neighbours v − 2, v − 1, v + 1, v + 2 (statistics whose targets are a residue class). */
    static long[] around(long v) {
        return new long[] {v - 2, v - 1, v + 1, v + 2};
    }

    /** The two nearest values on each side of v that are not targets (the pairs of last two digits). */
    static long[] nearestOutside(long v, LongPredicate target) {
        long[] out = new long[4];
        int i = 0;
        for (int side : new int[] {-1, 1}) {
            long u = v;
            for (int found = 0; found < 2; ) {
                u += side;
                if (!target.test(u)) {
                    out[i++] = u;
                    found++;
                }
            }
        }
        return out;
    }

    /**
     * Every testable value in [from, to] with its expectation, in ascending order: the values whose
     * {@code neighbours} all have at least {@code minNeighbour} counts.
     */
    List<Expectation> tested(long from, long to, LongFunction<long[]> neighbours, long minNeighbour) {
        // a testable value lies within REACH of a value with enough counts
        TreeSet<Long> candidates = new TreeSet<>();
        for (Map.Entry<Long, Long> e : histogram.entrySet()) {
            if (e.getValue() >= minNeighbour) {
                for (long v = Math.max(from, e.getKey() - REACH); v <= Math.min(to, e.getKey() + REACH); v++) {
                    candidates.add(v);
                }
            }
        }
        List<Expectation> out = new ArrayList<>();
        for (long v : candidates) {
            long[] u = neighbours.apply(v);
            if (usable(u, minNeighbour)) {
                out.add(expectation(v, u));
            }
        }
        return out;
    }

    private boolean usable(long[] neighbours, long minNeighbour) {
        for (long u : neighbours) {
            if (u < 0 || count(u) < minNeighbour) {
                return false;
            }
        }
        return true;
    }

    /** E(v) from the cubic through log(h + 0.5) at the neighbours. */
    Expectation expectation(long v, long[] neighbours) {
        double[] w = lagrange(v, neighbours);
        double g = 0;
        for (int i = 0; i < neighbours.length; i++) {
            g += w[i] * Math.log(count(neighbours[i]) + 0.5);
        }
        double exp = Math.exp(g);
        double expected = Math.max(0, exp - 0.5);
        double[] derivatives = new double[neighbours.length];
        if (expected > 0) {
            for (int i = 0; i < neighbours.length; i++) {
                derivatives[i] = exp * w[i] / (count(neighbours[i]) + 0.5);
            }
        }
        return new Expectation(v, count(v), expected, neighbours, derivatives);
    }

    /** The Lagrange weights at x of the polynomial through the points {@code at}. */
    static double[] lagrange(long x, long[] at) {
        double[] w = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            w[i] = 1;
            for (int j = 0; j < at.length; j++) {
                if (j != i) {
                    w[i] *= (double) (x - at[j]) / (at[i] - at[j]);
                }
            }
        }
        return w;
    }
}
