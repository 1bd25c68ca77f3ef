package org.sanaq.checks.integrity;

import java.io.Serializable;
import java.util.Comparator;

/**
 * One protocol that breaks a relation, as its worst-case table shows it: where it is, what it is about (the
 * option, the candidate, "turnout"), the two sides and their difference as text, or for a printed percentage the
 * printed figure and the counts it must match; and the gap that orders the worst first.
 *
 * @param printed the printed percentage and its counts, or null for a control relation
 * @param gap     |left − right|, or |printed − computed| in points: largest first
 */
record Violation(String source, String level, String region, String district, String precinct, String subject,
        String left, String right, String difference, Printed printed, String file, long line, double gap)
        implements Comparable<Violation>, Serializable {

    /** A printed percentage and the count and base it must match. */
    record Printed(String published, long count, long base) implements Serializable {
    }

    /**
     * Largest gap first; ties in file and line order (then by subject: one protocol's candidates), so that the
     * list does not depend on partitioning.
     */
    private static final Comparator<Violation> WORST_FIRST = Comparator.comparingDouble(Violation::gap).reversed()
            .thenComparing(Violation::file).thenComparingLong(Violation::line)
            .thenComparing(Violation::subject, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    public int compareTo(Violation other) {
        return WORST_FIRST.compare(this, other);
    }
}
