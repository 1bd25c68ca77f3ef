package org.sanaq.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The guard every finding passes: no verdict rests on a NaN, and no sentence prints one or is blank. */
class FindingTest {

    @Test
    void aNaNStatisticMakesTheFindingInconclusiveWithAReason() {
        Finding f = new Finding("fingerprint", "national", "A", "correlation", Double.NaN, 0.5, 0.5, Verdict.PASS,
                "A: correlation NaN over 1 precinct.", List.of(), 3);
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertNull(f.value(), "no NaN in findings.json");
        assertEquals(Finding.NOT_A_NUMBER, f.sentence());
        assertEquals(0, f.rank());
    }

    @Test
    void anInfinitePValueCannotFlag() {
        Finding f = new Finding("c", "national", "A", "s", 1.0, Double.POSITIVE_INFINITY, null, Verdict.FLAG,
                "A flag whose sentence reads well.", List.of(), 5);
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertNull(f.pValue());
        assertEquals("A flag whose sentence reads well.", f.sentence(), "a readable sentence is kept");
        assertEquals(0, f.rank(), "not ranked among the flags");
    }

    @Test
    void aBlankSentenceOrAPrintedNaNIsReplaced() {
        assertEquals(Finding.NOT_A_NUMBER, new Finding("c", "national", "A", "s", 1.0, null, null, Verdict.PASS, " ",
                List.of(), 0).sentence());
        Finding printed = new Finding("c", "national", "A", "s", 1.0, null, null, Verdict.PASS,
                "correlation Infinity", List.of(), 0);
        assertEquals(Verdict.INCONCLUSIVE, printed.verdict());
        assertEquals(Finding.NOT_A_NUMBER, printed.sentence());
    }

    @Test
    void finiteFindingsAreUntouched() {
        Finding f = new Finding("c", "national", "A", "s", 2.0, 0.01, 0.02, Verdict.FLAG, "Fine.", List.of(), 2);
        assertEquals(Verdict.FLAG, f.verdict());
        assertEquals(2.0, f.value());
        assertEquals(2, f.rank());
    }
}
