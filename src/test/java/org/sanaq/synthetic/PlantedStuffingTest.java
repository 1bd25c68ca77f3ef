package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.klimek.FraudTransform;

/** The generator's planted stuffing is the fraud model's transform that the fit ({@code checks.klimek}) inverts. */
class PlantedStuffingTest {

    @Test
    void stuffingAPrecinctMovesItWhereTheFitsTransformSays() {
        // V = 10,000, G = 5,200 ballots (τ = 0.52), all valid, leader 3,172 (ν = 0.61), others 2,028; x = 0.5, α = 2:
        // 0.25 · 2,028 = 507 votes moved, 0.5 · 4,800 = 2,400 ballots added, both whole numbers
        long[] counts = new long[Protocol.COUNTS.size()];
        counts[Protocol.REGISTERED] = 10_000;
        counts[Protocol.RECEIVED] = 10_000;
        counts[Protocol.IN_STATION] = 5_200;
        counts[Protocol.CANCELLED] = 4_800;
        counts[Protocol.STATIONARY] = 5_200;
        counts[Protocol.VALID] = 5_200;
        Protocol p = new Protocol(0, counts, new long[] {3_172, 1_528, 500});
        PrecinctIrregularities.stuff(p, "incremental", 0.5, 2);
        assertEquals(7_600, p.issued());
        assertEquals(3_172 + 507 + 2_400, p.votes[0]);
        assertEquals(FraudTransform.turnout(0.52, 0.5), (double) p.issued() / 10_000, 1e-15);
        assertEquals(FraudTransform.share(0.52, 0.61, 0.5, 2), (double) p.votes[0] / p.counts[Protocol.VALID],
                1e-15);
        assertEquals(6_079.0 / 7_600, FraudTransform.share(0.52, 0.61, 0.5, 2), 1e-15);
    }
}
