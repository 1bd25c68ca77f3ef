package org.sanaq.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.run.SpecException;

/** One declaration per parameter: defaults, validation and reading all come from it. */
class ParameterTest {
    private static final Parameter<Long> SHOWN = Parameter.whole("shown", 6, 0, 100);
    private static final Parameter<Double> ALPHA = Parameter.number("alpha", 0.01, 0, 0.5);
    private static final Parameter<String> WAY = Parameter.choice("way", "up", List.of("up", "down"));

    @Test
    void defaultsAndValuesComeFromTheDeclarations() throws SpecException {
        Map<String, Object> defaults = Parameter.defaults(List.of(SHOWN, ALPHA, WAY));
        assertEquals(List.of("shown", "alpha", "way"), List.copyOf(defaults.keySet()), "declaration order");
        CheckParameters p = new CheckParameters("checks.x", defaults, Map.of("alpha", 0.05));
        assertEquals(6L, p.get(SHOWN));
        assertEquals(0.05, p.get(ALPHA));
        assertEquals("up", p.get(WAY));
        assertEquals(4_000_000_000L, new CheckParameters("checks.x", Map.of("seed", 1), Map.of("seed", 4_000_000_000L))
                .whole("seed", Long.MIN_VALUE, Long.MAX_VALUE), "seeds use the whole long range");
    }

    @Test
    void aBadValueNamesItsFieldAndRule() throws SpecException {
        Map<String, Object> defaults = Parameter.defaults(List.of(SHOWN, ALPHA, WAY));
        SpecException fraction = assertThrows(SpecException.class,
                () -> SHOWN.read(new CheckParameters("checks.x", defaults, Map.of("shown", 2.5))));
        assertTrue(fraction.getMessage().startsWith("checks.x.shown: must be a whole number from 0 to 100"),
                fraction.getMessage());
        SpecException range = assertThrows(SpecException.class,
                () -> ALPHA.read(new CheckParameters("checks.x", defaults, Map.of("alpha", 0.7))));
        assertTrue(range.getMessage().startsWith("checks.x.alpha: must be a number from 0.0 to 0.5"), range.getMessage());
        assertThrows(IllegalStateException.class,
                () -> new CheckParameters("checks.x", defaults, Map.of("way", "sideways")).get(WAY),
                "reading an unvalidated bad value is a programming error, not a spec error");
    }
}
