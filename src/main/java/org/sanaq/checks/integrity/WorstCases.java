package org.sanaq.checks.integrity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The k worst cases of a relation, in a fold summary: cases in their natural order (worst first), of which at
 * most k are kept; merging keeps the k best of both. Bounded whatever the number of violations (at most 2k held
 * between trims), and deterministic when the order is total.
 */
final class WorstCases<T extends Comparable<T> & Serializable> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int limit;
    private final ArrayList<T> cases = new ArrayList<>();

    WorstCases(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("worst cases need a positive limit, got " + limit);
        }
        this.limit = limit;
    }

    void offer(T candidate) {
        cases.add(candidate);
        if (cases.size() >= 2 * limit) {
            trim();
        }
    }

    WorstCases<T> merge(WorstCases<T> other) {
        cases.addAll(other.cases);
        trim();
        return this;
    }

    /** The kept cases, worst first. */
    List<T> worstFirst() {
        trim();
        return List.copyOf(cases);
    }

    private void trim() {
        Collections.sort(cases);
        if (cases.size() > limit) {
            cases.subList(limit, cases.size()).clear();
        }
    }
}
