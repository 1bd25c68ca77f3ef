package org.sanaq.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.stats.Mix64;

class ContentKeysTest {
    private static final String SHA = "0123456789abcdef" + "f".repeat(48);
    private static final ContentKeys KEYS = ContentKeys.ofSha256(Map.of("a/x.csv", SHA, "b/y.zip", SHA,
            "c/other.csv", "fedcba9876543210" + "0".repeat(48)));

    @Test
    void aFileIsKeyedByTheFirstEightBytesOfItsSha256WhateverItsName() {
        assertEquals(0x0123456789abcdefL, KEYS.of("a/x.csv"));
        assertEquals(KEYS.of("a/x.csv"), KEYS.of("b/y.zip"));
        assertEquals(0xfedcba9876543210L, KEYS.of("c/other.csv"));
    }

    @Test
    void anEntryOfAZipMixesTheZipsKeyWithTheEntrysName() {
        long one = KEYS.of("b/y.zip!one.csv");
        assertNotEquals(KEYS.of("b/y.zip"), one);
        assertNotEquals(KEYS.of("b/y.zip!two.csv"), one);
        // the same zip bytes under another name: the same entries have the same keys
        assertEquals(one, ContentKeys.ofSha256(Map.of("elsewhere.zip", SHA)).of("elsewhere.zip!one.csv"));
        assertEquals(Mix64.mix(0x0123456789abcdefL ^ "one.csv".hashCode()), one);
    }

    @Test
    void aNameOfNoHashedFileKeysItself() {
        assertEquals(Mix64.mix("derived".hashCode()), KEYS.of("derived"));
        assertEquals(Mix64.mix("q!r".hashCode()), ContentKeys.NONE.of("q!r"));
    }
}
