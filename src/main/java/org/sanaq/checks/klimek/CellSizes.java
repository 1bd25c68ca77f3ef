package org.sanaq.checks.klimek;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.sanaq.checks.fingerprint.TurnoutShareCell;

/**
 * What the fraud-model fit keeps of one scope's precincts: per cell of the turnout × share map and size class, the
 * precincts and their registered voters, and the scope's leader votes. The size classes (⌊log₂ V⌋ − 5, clamped to
 * 0–8: under 64 voters, 64–127, ..., 8,192 and more) let the bootstrap resample precincts on the aggregate
 * ({@link KlimekBootstrap}). At most 40,000 cells × 9 classes entries, whatever the number of precincts; only the
 * non-empty ones are held (and serialised).
 */
public final class CellSizes implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int SIZE_CLASSES = 9;
    private static final int FIRST_CLASS_BITS = 6;

    /** {precincts, voters} by cell · {@value #SIZE_CLASSES} + size class. */
    private final HashMap<Integer, long[]> entries = new HashMap<>();
    private long leaderVotes;

    /** The size class of a precinct of {@code v} registered voters (v &gt; 0). */
    static int sizeClass(long v) {
        int log2 = 63 - Long.numberOfLeadingZeros(v);
        return Math.max(0, Math.min(SIZE_CLASSES - 1, log2 - (FIRST_CLASS_BITS - 1)));
    }

    /** Adds a precinct of {@code v} &gt; 0 registered voters in {@code cell} with {@code leader} votes. */
    public void add(int cell, long v, long leader) {
        long[] entry = entries.computeIfAbsent(cell * SIZE_CLASSES + sizeClass(v), k -> new long[2]);
        entry[0]++;
        entry[1] += v;
        leaderVotes += leader;
    }

    /** These sizes with {@code other}'s added in. */
    public CellSizes merge(CellSizes other) {
        other.entries.forEach((key, entry) -> {
            long[] mine = entries.computeIfAbsent(key, k -> new long[2]);
            mine[0] += entry[0];
            mine[1] += entry[1];
        });
        leaderVotes += other.leaderVotes;
        return this;
    }

    /** The non-empty entries in key order (so that a bootstrap draws the same replicates on every run). */
    Sorted sorted() {
        int[] keys = entries.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] cells = new int[keys.length];
        long[] precincts = new long[keys.length];
        long[] voters = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            long[] entry = entries.get(keys[i]);
            cells[i] = keys[i] / SIZE_CLASSES;
            precincts[i] = entry[0];
            voters[i] = entry[1];
        }
        return new Sorted(cells, precincts, voters);
    }

    /** Entries as parallel arrays: each one's cell, precincts and voters. */
    record Sorted(int[] cells, long[] precincts, long[] voters) {
        /** Voters per cell. */
        double[] map() {
            double[] map = new double[TurnoutShareCell.CELLS];
            for (int i = 0; i < cells.length; i++) {
                map[cells[i]] += voters[i];
            }
            return map;
        }
    }

    public long precincts() {
        return entries.values().stream().mapToLong(e -> e[0]).sum();
    }

    public long voters() {
        return entries.values().stream().mapToLong(e -> e[1]).sum();
    }

    public long leaderVotes() {
        return leaderVotes;
    }

    /** Entries held: a bound on the summary's size. */
    int entries() {
        return entries.size();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CellSizes other) || other.leaderVotes != leaderVotes
                || !other.entries.keySet().equals(entries.keySet())) {
            return false;
        }
        return entries.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.entries.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Long.hashCode(leaderVotes) * 31 + entries.keySet().hashCode();
    }

    /** The entries, for a test's message. */
    @Override
    public String toString() {
        Map<Integer, String> shown = new java.util.TreeMap<>();
        entries.forEach((k, e) -> shown.put(k, Arrays.toString(e)));
        return "CellSizes" + shown + " leader " + leaderVotes;
    }
}
