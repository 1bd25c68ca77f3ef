package org.sanaq.checks.roundpct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Units' typed figures into cells: which units give cells, in which order, with which printed figure. */
class CellReaderTest {

    private static UnitFigures unit(long protocols, String file, Map<String, UnitFigures.Candidate> candidates) {
        return new UnitFigures(protocols, 0, 1000L, 600L, 590L, "60.0", file, 7, new TreeMap<>(candidates));
    }

    @Test
    void cellsComeByUnitWithTurnoutFirstAndCandidatesByName() {
        Map<Unit, UnitFigures> units = Map.of(
                new Unit("region", "North", null), unit(1, "/data/r.csv",
                        Map.of("B", new UnitFigures.Candidate(190L, null), "A", new UnitFigures.Candidate(400L,
                                "67.8"))),
                new Unit("national", "C", null), unit(1, "/data/c.csv", Map.of()),
                new Unit("district", "North", "D2"), unit(1, "/data/d.csv", Map.of()));
        List<String> skipped = new ArrayList<>();
        List<Unit> derived = new ArrayList<>();
        List<Cell> cells = CellReader.cells(units, skipped, derived);
        assertEquals(List.of("district North D2 turnout", "national C null turnout", "region North null turnout",
                "region North null A", "region North null B"), cells.stream()
                .map(c -> c.level() + " " + c.region() + " " + c.district() + " " + c.subject()).toList());
        Cell a = cells.get(3);
        assertEquals(List.of(400L, 590L, "67.8", "r.csv line 7"), List.of(a.votes(), a.base(), a.published(),
                a.where()));
        assertEquals("c.csv line 7", cells.get(1).where());
        assertEquals(List.of(), skipped);
        assertEquals(List.of(), derived);
    }

    /** A unit the job summed itself (no published protocol, one derived) gives no cell and is listed as derived. */
    @Test
    void aUnitTheJobDerivedGivesNoCell() {
        Map<Unit, UnitFigures> units = Map.of(new Unit("national", "C", null),
                new UnitFigures(0, 1, 1000L, 600L, 590L, null, null, Long.MAX_VALUE, new TreeMap<>()),
                new Unit("region", "North", null), unit(1, "r.csv", Map.of()));
        List<String> skipped = new ArrayList<>();
        List<Unit> derived = new ArrayList<>();
        List<Cell> cells = CellReader.cells(units, skipped, derived);
        assertEquals(List.of("North"), cells.stream().map(Cell::region).toList());
        assertEquals(List.of(new Unit("national", "C", null)), derived);
        assertEquals(List.of(), skipped);
    }

    @Test
    void aUnitWithTwoProtocolsFromOneSourceGivesNoCellAndIsNamed() {
        Map<Unit, UnitFigures> units = Map.of(new Unit("district", "North", "D1"),
                unit(2, "d.csv", Map.of("A", new UnitFigures.Candidate(400L, "67.8"))));
        List<String> skipped = new ArrayList<>();
        assertEquals(List.of(), CellReader.cells(units, skipped, new ArrayList<>()));
        assertEquals(List.of("district North / D1: 2 protocols from one source; left out"), skipped);
    }
}
