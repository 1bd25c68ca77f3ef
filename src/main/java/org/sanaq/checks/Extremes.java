package org.sanaq.checks;

/**
 * The smaller or larger of two values where null means "none yet", as Spark's {@code min} and {@code max} skip
 * nulls: for fold summaries that keep a group's first file, largest count or range of printed texts.
 */
public final class Extremes {
    private Extremes() {
    }

    public static <T extends Comparable<T>> T min(T a, T b) {
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }

    public static <T extends Comparable<T>> T max(T a, T b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
