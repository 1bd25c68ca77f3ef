package org.sanaq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Seat allocation against the textbook examples, worked by hand. */
class SeatAllocationTest {
    @Test
    void dhondtEightSeats() {
        // quotients: A 100000, 50000, 33333, 25000; B 80000, 40000, 26667; C 30000; D 20000.
        // The eight largest: A100k, B80k, A50k, B40k, A33.3k, C30k, B26.7k, A25k → A 4, B 3, C 1, D 0.
        Map<String, Integer> seats = SeatAllocation.allocate("dhondt",
                Map.of("A", 100_000L, "B", 80_000L, "C", 30_000L, "D", 20_000L), 8);
        assertEquals(Map.of("A", 4, "B", 3, "C", 1, "D", 0), seats);
    }

    @Test
    void largestRemainderHareTenSeats() {
        // 100,000 votes, quota 10,000: quotas 4.70, 1.60, 1.58, 1.20, 0.61, 0.31 → whole 4,1,1,1,0,0 (7 seats);
        // the three left go to the remainders 0.70 (A), 0.61 (E), 0.60 (B).
        Map<String, Integer> seats = SeatAllocation.allocate("largest_remainder", Map.of("A", 47_000L, "B", 16_000L,
                "C", 15_800L, "D", 12_000L, "E", 6_100L, "F", 3_100L), 10);
        assertEquals(Map.of("A", 5, "B", 2, "C", 1, "D", 1, "E", 1, "F", 0), seats);
    }
}
