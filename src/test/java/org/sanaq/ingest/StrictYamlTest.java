package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The YAML that sanaq's files may not use, each refused with its key's path and line; the rest read as before. */
class StrictYamlTest {
    private static String refused(String yaml) {
        return assertThrows(IOException.class, () -> YamlFiles.parse(yaml)).getMessage();
    }

    @Test
    void aKeyGivenTwiceIsNamedWithBothLinesWhereverItIs() {
        assertEquals("inputs[1].id: given twice (lines 3 and 4); keep one",
                refused("inputs:\n  - id: a\n  - id: b\n    id: c\n"));
        assertEquals("checks.x: given twice (lines 1 and 1); keep one", refused("checks: {x: 1, y: 2, x: 3}\n"));
        // a key written as a number and as text is one key to Jackson, so it is one here too
        assertEquals("values.1: given twice (lines 2 and 3); keep one", refused("values:\n  1: a\n  '1': b\n"));
    }

    @Test
    void keysAreNames() {
        assertEquals("fields: a key at line 2 is a list or a map; keys are plain names",
                refused("fields:\n  ? [a, b]\n  : c\n"));
    }

    @Test
    void mergeKeysNeedAnAliasSoAreRefused() {
        assertEquals("base: YAML anchors and aliases (&, *) are not supported: write the value out (found &b at "
                + "line 1; put a value starting with & or * in quotes)", refused("base: &b {x: 1}\nmore:\n  <<: *b\n"));
    }

    @Test
    void starsAmpersandsAndExclamationMarksInTextAreText() throws IOException {
        String yaml = """
                a: "*j"
                b: '&k'
                c: x * y & z!
                d: |
                  *j &k !!str
                # &anchor *alias !!tag in a comment
                e: [ "*" ]
                """;
        assertEquals("{\"a\":\"*j\",\"b\":\"&k\",\"c\":\"x * y & z!\",\"d\":\"*j &k !!str\\n\",\"e\":[\"*\"]}",
                YamlFiles.parse(yaml).toString());
    }

    @Test
    void tagsAreRefusedOnMapsAndListsToo() {
        assertEquals("a: YAML tags (!, !!) are not supported: write the value plainly, in quotes if it is text "
                + "(found !!set at line 1)", refused("a: !!set {x, y}\n"));
        assertEquals("a[0]: YAML tags (!, !!) are not supported: write the value plainly, in quotes if it is text "
                + "(found !local at line 1)", refused("a: [!local x]\n"));
    }

    @Test
    void aSyntaxErrorIsOneLineWithItsPosition() {
        String m = refused("a: [b\n");
        assertEquals(1, m.lines().count(), m);
        assertEquals("not valid YAML at line 2, column 1", m.substring(0, m.indexOf(':')));
    }

    @Test
    void aCharacterYamlDoesNotAllowIsOneLine() {
        String m = refused("title: a\u0001b\n");
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.startsWith("not valid YAML: special characters are not allowed"), m);
    }
}
