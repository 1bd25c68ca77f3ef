package org.sanaq.checks.neighbours;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The leave-one-out median and MAD against values worked out by hand. */
class LeaveOneOutTest {
    private static final double[] VALUES = {3, 100, 1, 4, 2};

    @Test
    void anOutlierLeftOutDoesNotWidenItsOwnYardstick() {
        LeaveOneOut.Centre[] centres = LeaveOneOut.centres(VALUES);
        // without 100: 1 2 3 4, median 2.5, distances 1.5 0.5 0.5 1.5, MAD 1.0
        assertEquals(new LeaveOneOut.Centre(2.5, 1.0), centres[1]);
        // without 1: 2 3 4 100, median 3.5, distances 1.5 0.5 0.5 96.5, MAD 1.0
        assertEquals(new LeaveOneOut.Centre(3.5, 1.0), centres[2]);
        // without 3: 1 2 4 100, median 3, distances 2 1 1 97, MAD 1.5
        assertEquals(new LeaveOneOut.Centre(3.0, 1.5), centres[0]);
    }

    @Test
    void anOddNumberOfOthersHasAMiddleValue() {
        // without 4 of 1 2 3 4 5 6: 1 2 3 5 6, median 3, distances 2 1 0 2 3, MAD 2
        LeaveOneOut.Centre[] centres = LeaveOneOut.centres(new double[] {6, 5, 4, 3, 2, 1});
        assertEquals(new LeaveOneOut.Centre(3.0, 2.0), centres[2]);
        assertEquals(3.0, LeaveOneOut.medians(new double[] {6, 5, 4, 3, 2, 1})[2]);
    }

    @Test
    void equalValuesAreInterchangeable() {
        LeaveOneOut.Centre[] centres = LeaveOneOut.centres(new double[] {7, 7, 7, 9});
        assertEquals(new LeaveOneOut.Centre(7.0, 0.0), centres[0]);
        assertEquals(new LeaveOneOut.Centre(7.0, 0.0), centres[3]);
    }

    @Test
    void theWholeUnitKeepsEveryValue() {
        // 1 2 3 4 100: median 3, distances 2 1 0 1 97, MAD 1
        assertEquals(new LeaveOneOut.Centre(3.0, 1.0), LeaveOneOut.whole(VALUES));
        assertEquals(3.0, LeaveOneOut.median(VALUES));
    }
}
