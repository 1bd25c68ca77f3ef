package org.sanaq.checks.roundpct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns the units' figures into cells. A unit with more than one protocol from the same source yields no cells:
 * its figures are not one published table's. A unit the job only derived (summed from the precincts) yields none
 * either: nobody published, so nobody rounded, its figures. A percentage whose copies print different figures is
 * left blank.
 */
final class CellReader {
    static final String TURNOUT = "turnout";
    /** Units by level, region and district (no district first). */
    private static final Comparator<Unit> UNIT_ORDER = Comparator.comparing(Unit::level)
            .thenComparing(u -> nz(u.region())).thenComparing(u -> nz(u.district()));

    private CellReader() {
    }

    /**
     * Cells in a stable order: by level, region, district, then turnout first and candidates by name. Units left out
     * are named in {@code skipped}; units the job only derived are added to {@code derived}, in the same order.
     */
    static List<Cell> cells(Map<Unit, UnitFigures> units, List<String> skipped, List<Unit> derived) {
        List<Cell> out = new ArrayList<>();
        units.entrySet().stream().sorted(Map.Entry.comparingByKey(UNIT_ORDER)).forEach(e -> {
            Unit unit = e.getKey();
            UnitFigures u = e.getValue();
            if (u.protocols() == 0) {
                derived.add(unit);
                return;
            }
            if (u.protocols() != 1) {
                skipped.add(unit.level() + " " + unit.region()
                        + (unit.district() == null ? "" : " / " + unit.district()) + ": " + u.protocols()
                        + " protocols from one source; left out");
                return;
            }
            out.add(new Cell(unit.level(), unit.region(), unit.district(), TURNOUT, u.turnout(), u.registered(),
                    u.publishedTurnout(), where(u)));
            // candidates come sorted by name
            u.candidates().forEach((name, c) -> out.add(new Cell(unit.level(), unit.region(), unit.district(), name,
                    c.votes(), u.base(), c.published(), where(u))));
        });
        return out;
    }

    private static String where(UnitFigures u) {
        return u.file().replaceFirst("^.*/", "") + " line " + u.line();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
