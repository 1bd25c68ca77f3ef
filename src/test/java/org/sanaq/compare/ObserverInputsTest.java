package org.sanaq.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.run.SpecException;

/** The per-input rules of the comparison: match keys, transcribed copies, and the old rules named by what replaced them. */
class ObserverInputsTest {

    @Test
    void matchKeysAndTranscribedInputs() throws Exception {
        ObserverInputs inputs = ObserverInputs.parse(Map.of("typed", Map.of("transcribed", true, "match_on",
                List.of("region", "precinct")), "photos", Map.of()), "inputs");
        assertEquals(List.of("typed"), inputs.transcribedInputs());
        assertEquals(new MatchRule(List.of("region", "precinct"), true), inputs.named().get("typed"));
        assertEquals(MatchRule.DEFAULT, inputs.named().get("photos"));
    }

    @Test
    void theRulesBeforeSourceKindsSayWhatReplacedThem() {
        SpecException lower = assertThrows(SpecException.class,
                () -> ObserverInputs.parse(Map.of("app", Map.of("lower_bound", true)), "checks.x.inputs"));
        assertEquals("checks.x.inputs.app.lower_bound: replaced by the kind of the source: write the input's source as "
                + "platform:<who> (a lower bound) or claim:<who> (coverage unknown)", lower.getMessage());
        SpecException unknown = assertThrows(SpecException.class,
                () -> ObserverInputs.parse(Map.of("app", Map.of("transcribed", "yes")), "checks.x.inputs"));
        assertEquals("checks.x.inputs.app.transcribed: must be true or false", unknown.getMessage());
    }
}
