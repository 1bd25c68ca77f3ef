package org.sanaq.checks.klimek;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.junit.jupiter.api.Test;

/** The fraud-model fit's fold summary: size classes, merging, and what the bootstrap reads of it. */
class CellSizesTest {

    @Test
    void sizeClassesDoubleFrom64Voters() {
        assertEquals(0, CellSizes.sizeClass(1));
        assertEquals(0, CellSizes.sizeClass(63));
        assertEquals(1, CellSizes.sizeClass(64));
        assertEquals(1, CellSizes.sizeClass(127));
        assertEquals(2, CellSizes.sizeClass(128));
        assertEquals(8, CellSizes.sizeClass(8192));
        assertEquals(8, CellSizes.sizeClass(1_000_000));
    }

    @Test
    void mergingTwoHalvesGivesTheWhole() throws Exception {
        CellSizes whole = new CellSizes();
        CellSizes left = new CellSizes();
        CellSizes right = new CellSizes();
        long[][] precincts = {{120, 1000, 400}, {120, 900, 300}, {120, 50, 20}, {39999, 1000, 1000}, {5, 70, 1}};
        for (int i = 0; i < precincts.length; i++) {
            long[] p = precincts[i];
            whole.add((int) p[0], p[1], p[2]);
            (i % 2 == 0 ? left : right).add((int) p[0], p[1], p[2]);
        }
        CellSizes merged = roundTrip(left).merge(roundTrip(right));
        assertEquals(whole, merged);
        assertEquals(5, merged.precincts());
        assertEquals(3020, merged.voters());
        assertEquals(1721, merged.leaderVotes());
        // cell 120 holds 1000 and 900 (class 4) and 50 (class 0): two entries; cells 5 and 39999 one each
        assertEquals(4, merged.entries());
        CellSizes.Sorted sorted = merged.sorted();
        assertArrayEquals(new int[] {5, 120, 120, 39999}, sorted.cells());
        assertArrayEquals(new long[] {1, 1, 2, 1}, sorted.precincts());
        assertArrayEquals(new long[] {70, 50, 1900, 1000}, sorted.voters());
        assertEquals(1950, sorted.map()[120]);
    }

    private static CellSizes roundTrip(CellSizes sizes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sizes);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (CellSizes) in.readObject();
        }
    }
}
