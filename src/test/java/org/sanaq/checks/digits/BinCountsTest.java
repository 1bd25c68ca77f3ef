package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class BinCountsTest {

    @Test
    void countsGrowAndMergeLikeAMap() {
        BinCounts a = new BinCounts();
        BinCounts b = new BinCounts();
        TreeMap<Long, Long> expected = new TreeMap<>();
        // far more bins than the first 16 slots, keys that collide modulo a power of two, and a large key
        for (long k = 0; k < 3_000; k += 3) {
            a.add(k * 1024, 1);
            a.add(k * 1024, 2);
            expected.merge(k * 1024, 3L, Long::sum);
            b.add(k * 1024 + 1, k + 1);
            expected.merge(k * 1024 + 1, k + 1, Long::sum);
        }
        a.add(Long.MAX_VALUE / 10, 7);
        expected.put(Long.MAX_VALUE / 10, 7L);
        a.addAll(b);
        assertEquals(expected, a.sorted());
        assertEquals(expected.size(), a.size());
    }
}
