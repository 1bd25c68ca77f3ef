package org.sanaq.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini and Hochberg's step-up adjustment (Journal of the Royal Statistical Society B 57(1), 1995): the
 * adjusted p-value of the i-th smallest of m p-values is min over j ≥ i of m·p(j)/j, capped at 1. Rejecting the
 * hypotheses whose adjusted p-value is at most α controls the false discovery rate at α for independent tests.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /** The adjusted p-values, in the order of {@code pValues}. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            adjusted[i] = running;
        }
        return adjusted;
    }
}
