package org.sanaq.compare;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code cap} items of a list in their natural order, and how many items the whole list has: a bounded
 * summary (a heap of at most {@code cap} items) that merges. Items that compare equal are equal in every shown
 * column, so which of them is kept does not change the result.
 */
public final class Capped<T extends Comparable<T>> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int cap;
    private long count;
    /** The kept items, the last in order on top, to be dropped first. */
    private final PriorityQueue<T> kept = new PriorityQueue<>(Collections.reverseOrder());

    Capped(int cap) {
        this.cap = cap;
    }

    void add(T item) {
        count++;
        keep(item);
    }

    Capped<T> merge(Capped<T> other) {
        count += other.count;
        other.kept.forEach(this::keep);
        return this;
    }

    private void keep(T item) {
        kept.add(item);
        if (kept.size() > cap) {
            kept.poll();
        }
    }

    /** The first items, in order. */
    public List<T> items() {
        List<T> out = new ArrayList<>(kept);
        Collections.sort(out);
        return out;
    }

    /** How many items the whole list has. */
    public long count() {
        return count;
    }
}
