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

    @Test
    void aListOfWholeNumbersIsASetSortedAndRecordedAsRead() throws SpecException {
        Parameter<List<Integer>> precisions = Parameter.integers("precisions", List.of(0, 1, 2), 0, 2);
        CheckParameters p = new CheckParameters("checks.x", Parameter.defaults(List.of(precisions)),
                Map.of("precisions", List.of(2, 0, 2, 2)));
        assertEquals(List.of(0, 2), precisions.read(p), "each precision is tested once");
        assertEquals(List.of(0, 2), p.asMap().get("precisions"), "the manifest records what ran");
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedAndSaidSo() {
        Parameter<String> source = Parameter.text("source", "official");
        Map<String, Object> defaults = Parameter.defaults(List.of(ALPHA, WAY, source));
        assertEquals("checks.x.alpha: must be a number from 0.0 to 0.5, not the text '0.01' (remove the quotes)",
                refusal(ALPHA, defaults, "alpha", "0.01"));
        assertEquals("checks.x.source: must be text, not a list", refusal(source, defaults, "source", List.of("a")));
        assertEquals("checks.x.source: must be text, not a map", refusal(source, defaults, "source", Map.of("a", 1)));
        assertEquals("checks.x.source: must be text, not true", refusal(source, defaults, "source", true));
        assertEquals("checks.x.way: must be one of [up, down], not a list",
                refusal(WAY, defaults, "way", List.of("up")));
        assertEquals("checks.x.alpha: must be a number from 0.0 to 0.5, not false",
                refusal(ALPHA, defaults, "alpha", false));
    }

    @Test
    void aListOfTextsKeepsItsOrderAndRefusesRepeatsAndBlanks() throws SpecException {
        Parameter<List<String>> elections = Parameter.texts("elections", List.of());
        Map<String, Object> defaults = Parameter.defaults(List.of(elections));
        assertEquals(List.of(), elections.read(new CheckParameters("checks.x", defaults, Map.of())));
        assertEquals(List.of("e2018", "2024"), elections.read(new CheckParameters("checks.x", defaults,
                Map.of("elections", List.of("e2018", 2024)))), "order as written; a number is a text");
        assertEquals("checks.x.elections: 'a' is given twice",
                refusal(elections, defaults, "elections", List.of("a", "a")));
        assertEquals("checks.x.elections: each value must be a text that is not blank, not a blank",
                refusal(elections, defaults, "elections", List.of("a", " ")));
        assertEquals("checks.x.elections: each value must be a text that is not blank, not 0.5",
                refusal(elections, defaults, "elections", List.of(0.5)));
        assertEquals("checks.x.elections: must be a list of texts, not a map",
                refusal(elections, defaults, "elections", Map.of("a", "b")));
    }

    @Test
    void aMapOfTextsNamesTheKeyWhoseValueIsBad() throws SpecException {
        Parameter<Map<String, String>> aliases = Parameter.textMap("aliases", Map.of());
        Map<String, Object> defaults = Parameter.defaults(List.of(aliases));
        assertEquals(Map.of("Old", "New"), aliases.read(new CheckParameters("checks.x", defaults,
                Map.of("aliases", Map.of("Old", "New")))));
        assertEquals("checks.x.aliases.Old: each value must be a text that is not blank, not a list",
                refusal(aliases, defaults, "aliases", Map.of("Old", List.of("New"))));
        assertEquals("checks.x.aliases: must be a map of texts to texts, not a list",
                refusal(aliases, defaults, "aliases", List.of("Old")));
    }

    @Test
    void aHugeOrMultiLineValueIsQuotedOnOneShortLine() {
        String m = refusal(WAY, Parameter.defaults(List.of(WAY)), "way", "x\n".repeat(10_000));
        // the first 80 characters, each line break written as \n, then the length
        assertEquals("checks.x.way: must be one of [up, down], not " + "x\\n".repeat(40) + "… (20000 characters)",
                m);
    }

    private static String refusal(Parameter<?> parameter, Map<String, Object> defaults, String key, Object value) {
        return assertThrows(SpecException.class,
                () -> parameter.read(new CheckParameters("checks.x", defaults, Map.of(key, value)))).getMessage();
    }
}
