package org.sanaq.checks.digits;

import java.util.Map;
import java.util.NavigableMap;

/**
 * The size-aware honest expectation of the last digit of counts ≥ 10 (decision of issue 6). Uniform last digits
 * (mean 4.5, a fifth ending in 0 or 5) hold only where the density of counts is flat over each decade; a minor
 * candidate with 10 to 100 votes per precinct has counts whose density is steep at the cut at 10, so honest last
 * digits are not uniform: with a relative slope s = f′ / f of the density, E[last digit] ≈ 4.5 + 8.25·s and
 * P(0 or 5) ≈ 0.2 − 0.4·s. This class estimates that slope per decade from the totals of the neighbouring decades
 * and returns the last-digit distribution counts would have if their density were linear within each decade. It
 * looks at decade totals only, never at last digits, so a preference for some digits does not leak into its own
 * null (writing a count as a round value of its own decade changes no decade total; only rounding across a multiple
 * of 10 moves a count to the next decade, which shifts the slopes by a small fraction of the preference).
 *
 * <p>Derivation. Let the counts of decade k (10k to 10k + 9) have the linear density f(10k + d) = a + b·(d − 4.5),
 * d = 0..9. Its total is N_k = 10a, so P(d | k) = f / N_k = (1 + s_k·(d − 4.5)) / 10 with s_k = 10b / N_k. If the
 * same straight line runs through the neighbouring decades, f(10(k ± 1) + d) = a ± 10b + b·(d − 4.5), so
 * N_{k±1} = N_k ± 100b and the centred difference N_{k+1} − N_{k−1} = 200b exactly. Hence
 * <pre>  s_k = 10b / N_k = (N_{k+1} − N_{k−1}) / (2 · 10 · N_k),</pre>
 * the factor being exactly 1. The centred difference stays exact for a quadratic density too (its second
 * difference is symmetric and cancels), so the slope at the decade's centre has no first-order curvature bias;
 * what curvature leaves inside the decade is symmetric about 4.5 and does not move the mean. At the ends (the
 * lowest decade with counts, never below 1 since counts below 10 are not tested, and the highest; an empty
 * decade between them counts as a total of 0) the one-sided differences of the same
 * order stand in for N_{k+1} − N_{k−1}: −3N_k + 4N_{k+1} − N_{k+2} upwards and 3N_k − 4N_{k−1} + N_{k−2} downwards
 * (exact for a quadratic as well), or 2(N_{k+1} − N_k) and 2(N_k − N_{k−1}) when only one neighbour exists. s_k
 * is clipped to [−2/9, 2/9] so that every P(d | k) ≥ 0. The expectation over all counts ≥ 10 is
 * P(d) = Σ_k N_k·P(d | k) / Σ_k N_k; the expected LastC is Σ d·P(d) and the expected C05s is P(0) + P(5).
 */
final class LastDigitLaw {
    /** The largest |s_k|: 4.5·s_k ≤ 1 keeps P(0 | k) and P(9 | k) non-negative. */
    static final double MAX_SLOPE = 1 / 4.5;

    private LastDigitLaw() {
    }

    /** The expected last-digit distribution of the counts ≥ 10 whose decade totals are {@code decades}. */
    static double[] expected(NavigableMap<Long, Long> decades) {
        double[] p = new double[10];
        long total = 0;
        for (Map.Entry<Long, Long> e : decades.tailMap(1L, true).entrySet()) {
            double[] conditional = conditional(decades, e.getKey());
            for (int d = 0; d < 10; d++) {
                p[d] += e.getValue() * conditional[d];
            }
            total += e.getValue();
        }
        if (total == 0) {
            return DigitLaws.UNIFORM_LAST.clone();
        }
        for (int d = 0; d < 10; d++) {
            p[d] /= total;
        }
        return p;
    }

    /**
     * The expected shares of repeated and of adjacent last-two-digit pairs among counts ≥ 100, by the same
     * per-decade law: in decade k the repeated pair is the last digit j = k mod 10 and the adjacent pairs are the
     * last digits j ± 1 (modulo 10), so the expected shares are Σ_{k≥10} N_k·P(j | k) / Σ N_k and
     * Σ_{k≥10} N_k·(P(j − 1 | k) + P(j + 1 | k)) / Σ N_k. Where the density is linear over a whole century this is
     * exactly 0.1 and 0.2 (the pair sets are symmetric under r → 99 − r, and N_k·s_k is the same in every decade of
     * the century, so the slope terms cancel); where it is curved, as in the steep tail of a minor candidate's
     * counts above 100, the decade totals carry the curvature that the fixed 0.1 and 0.2 would miss. Returns
     * {repeated, adjacent}, or {0.1, 0.2} when there is no count ≥ 100.
     */
    static double[] pairs(NavigableMap<Long, Long> decades) {
        double repeated = 0;
        double adjacent = 0;
        long total = 0;
        for (Map.Entry<Long, Long> e : decades.tailMap(10L, true).entrySet()) {
            double[] p = conditional(decades, e.getKey());
            int j = (int) (e.getKey() % 10);
            repeated += e.getValue() * p[j];
            adjacent += e.getValue() * (p[(j + 9) % 10] + p[(j + 1) % 10]);
            total += e.getValue();
        }
        return total == 0 ? new double[] {0.1, 0.2} : new double[] {repeated / total, adjacent / total};
    }

    /** P(d | k), d = 0..9, for decade k ≥ 1 of these decade totals (uniform when the decade is empty). */
    static double[] conditional(NavigableMap<Long, Long> decades, long k) {
        double s = slope(decades, k);
        double[] p = new double[10];
        for (int d = 0; d < 10; d++) {
            p[d] = (1 + s * (d - 4.5)) / 10;
        }
        return p;
    }

    /** s_k, clipped; 0 for an empty decade or one with no neighbour in the tested range. */
    static double slope(NavigableMap<Long, Long> decades, long k) {
        double n = total(decades, k);
        if (n <= 0) {
            return 0;
        }
        // the ends of the tested range: from the lowest decade ≥ 1 that has counts to the highest
        long lowest = decades.ceilingKey(1L);
        long highest = decades.lastKey();
        double difference;
        if (k - 1 >= lowest && k + 1 <= highest) {
            difference = total(decades, k + 1) - total(decades, k - 1);
        } else if (k + 2 <= highest) {
            difference = -3 * n + 4 * total(decades, k + 1) - total(decades, k + 2);
        } else if (k - 2 >= lowest) {
            difference = 3 * n - 4 * total(decades, k - 1) + total(decades, k - 2);
        } else if (k + 1 <= highest) {
            difference = 2 * (total(decades, k + 1) - n);
        } else if (k - 1 >= lowest) {
            difference = 2 * (n - total(decades, k - 1));
        } else {
            return 0;
        }
        double s = difference / (2 * 10 * n);
        return Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, s));
    }

    private static double total(NavigableMap<Long, Long> decades, long k) {
        return decades.getOrDefault(k, 0L);
    }
}
