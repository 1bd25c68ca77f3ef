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
                "A: correlation NaN over 1 precinct.", List.of(), Effect.votes(5, 10.0));
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertNull(f.value(), "no NaN in findings.json");
        assertEquals(Finding.NOT_A_NUMBER, f.sentence());
        assertNull(f.effect(), "no effect to rank by");
    }

    @Test
    void anInfinitePValueCannotFlag() {
        Finding f = new Finding("c", "national", "A", "s", 1.0, Double.POSITIVE_INFINITY, null, Verdict.FLAG,
                "A flag whose sentence reads well.", List.of(), Effect.votes(5, 10.0));
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertNull(f.pValue());
        assertEquals("A flag whose sentence reads well.", f.sentence(), "a readable sentence is kept");
        assertNull(f.effect(), "not ranked among the flags");
    }

    @Test
    void aBlankSentenceOrAPrintedNaNIsReplaced() {
        assertEquals(Finding.NOT_A_NUMBER, new Finding("c", "national", "A", "s", 1.0, null, null, Verdict.PASS, " ",
                List.of(), null).sentence());
        Finding printed = new Finding("c", "national", "A", "s", 1.0, null, null, Verdict.PASS,
                "correlation Infinity", List.of(), null);
        assertEquals(Verdict.INCONCLUSIVE, printed.verdict());
        assertEquals(Finding.NOT_A_NUMBER, printed.sentence());
    }

    @Test
    void finiteFindingsAreUntouched() {
        Finding f = new Finding("c", "national", "A", "s", 2.0, 0.01, 0.02, Verdict.FLAG, "Fine.", List.of(),
                Effect.precincts(2, 100.0));
        assertEquals(Verdict.FLAG, f.verdict());
        assertEquals(2.0, f.value());
        assertEquals(0.02, f.effect().share(), 1e-15);
    }
}
