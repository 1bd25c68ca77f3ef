package org.sanaq.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void readsTheFileNamedByTheKeysFirstSegment() {
        Messages en = Messages.of("en");
        assertTrue(en.format("report.caveat").startsWith("A statistical anomaly is a reason to look closer"));
        assertTrue(en.has("report.caveat"));
    }

    @Test
    void anUnknownKeyOrLanguageIsAnError() {
        Messages en = Messages.of("en");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> en.format("report.no_such_words"));
        assertEquals("no message 'report.no_such_words' in org/sanaq/text/report_en.properties", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> en.format("nodot"));
        assertThrows(IllegalArgumentException.class, () -> Messages.of("xx"));
    }
}
