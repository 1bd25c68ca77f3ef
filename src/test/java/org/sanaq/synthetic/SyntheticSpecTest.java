package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sanaq.run.SpecException;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reading a synthetic election spec: supports normalised, defaults filled in, mistakes named. */
class SyntheticSpecTest {
    static SyntheticSpec parse(String yaml) throws Exception {
        return SyntheticSpec.parse(new YAMLMapper().readTree(yaml), Path.of("/base"), "s.yaml");
    }

    @Test
    void supportIsNormalisedAndParametersDefault() throws Exception {
        SyntheticSpec s = parse("""
                name: x
                candidates: {A: 3, B: 1}
                irregularities: {stuffing: {fi: 0.2}}
                output: out
                """);
        assertArrayEquals(new double[] {0.75, 0.25}, s.support(), 1e-15);
        assertEquals(0.2, s.parameter("stuffing", "fi"));
        assertEquals(2.0, s.parameter("stuffing", "alpha"));
        assertEquals("/base/out", s.output());
        assertEquals("synthetic-x", s.election());
        assertTrue(s.plants("stuffing") && !s.plants("switching"));
    }

    @Test
    void mistakesAreNamed() {
        SpecException unknown = assertThrows(SpecException.class, () -> parse("""
                candidates: {A: 1, B: 1}
                irregularities: {stuffin: {}}
                """));
        assertTrue(unknown.getMessage().contains("irregularities.stuffin: unknown"), unknown.getMessage());
        SpecException comma = assertThrows(SpecException.class, () -> parse("candidates: {'A, B': 1, C: 1}"));
        assertTrue(comma.getMessage().contains("candidates.A, B"), comma.getMessage());
        SpecException param = assertThrows(SpecException.class, () -> parse("""
                candidates: {A: 1, B: 1}
                irregularities: {stuffing: {fraction: 0.1}}
                """));
        assertTrue(param.getMessage().contains("stuffing.fraction"), param.getMessage());
    }
}
