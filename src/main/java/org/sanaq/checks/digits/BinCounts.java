package org.sanaq.checks.digits;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * Counts per integer bin, sparse, in two primitive arrays (open addressing, linear probing): the histograms of a
 * {@link UnitSummary}. A map of boxed keys and counts cost a boxing per precinct and row, and Spark's size estimate
 * of the summaries it combines walked every entry object; two arrays are added to without allocation and sized at
 * once.
 */
final class BinCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    private long[] keys = new long[16];
    /** 0 marks an empty slot: a bin is only stored with a positive count. */
    private long[] counts = new long[16];
    private int size;

    /** Adds {@code count} (positive) to bin {@code key}. */
    void add(long key, long count) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int slot = slot(keys, counts, key);
        if (counts[slot] == 0) {
            keys[slot] = key;
            size++;
        }
        counts[slot] += count;
    }

    /** Adds every bin of {@code other}. */
    void addAll(BinCounts other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.counts[i] != 0) {
                add(other.keys[i], other.counts[i]);
            }
        }
    }

    /** The number of non-empty bins. */
    int size() {
        return size;
    }

    /** The non-empty bins in ascending order of key. */
    TreeMap<Long, Long> sorted() {
        TreeMap<Long, Long> out = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] != 0) {
                out.put(keys[i], counts[i]);
            }
        }
        return out;
    }

    private static int slot(long[] keys, long[] counts, long key) {
        int mask = keys.length - 1;
        int i = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
        while (counts[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldCounts[i] != 0) {
                int slot = slot(keys, counts, oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
