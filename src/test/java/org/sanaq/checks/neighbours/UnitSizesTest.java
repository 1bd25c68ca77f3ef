package org.sanaq.checks.neighbours;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Strata of a region's units by median turnout, and the precincts counted with and without a unit. */
class UnitSizesTest {
    private static final List<UnitSizes.Sized> UNITS = List.of(new UnitSizes.Sized("A", "u1", 10, 0.9),
            new UnitSizes.Sized("A", "u2", 20, 0.5), new UnitSizes.Sized("A", "u3", 30, 0.7),
            new UnitSizes.Sized("A", "u4", 40, 0.7), new UnitSizes.Sized("A", "u5", 50, 0.6),
            new UnitSizes.Sized("B", "v1", 5, 0.1), new UnitSizes.Sized("B", "", 7, 0.2));

    @Test
    void unitsAreSplitIntoStrataOfAboutEqualNumbersByMedianTurnout() {
        UnitSizes sizes = new UnitSizes(UNITS, 2);
        // A by median: u2 0.5, u5 0.6, u3 0.7, u4 0.7 (name order), u1 0.9; stratum ⌊rank·2/5⌋ = 0 0 0 1 1
        assertEquals(List.of(0, 0, 0, 1, 1), List.of(sizes.stratum("A", "u2"), sizes.stratum("A", "u5"),
                sizes.stratum("A", "u3"), sizes.stratum("A", "u4"), sizes.stratum("A", "u1")));
        assertEquals(3, sizes.of("A", 0).count());
        assertEquals(2, sizes.of("A", 1).count());
        assertEquals(0, sizes.stratum("B", "v1"));
        assertEquals(1, sizes.of("B", 0).count());
        assertEquals(162, sizes.precincts());
        assertEquals(7, sizes.withoutUnit());
    }

    @Test
    void oneStratumGroupsAmongAllTheRegionsUnits() {
        UnitSizes sizes = new UnitSizes(UNITS, 1);
        assertEquals(5, sizes.of("A", 0).count());
        assertEquals(0, sizes.stratum("A", "u1"));
    }
}
