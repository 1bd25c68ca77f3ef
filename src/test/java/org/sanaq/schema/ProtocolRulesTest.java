package org.sanaq.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The sources a protocol may name, and registered voters required only of the commission's own precinct protocols. */
class ProtocolRulesTest {

    private static ProtocolRecord precinct(String source, Long registered) {
        EnumMap<Field, Object> values = new EnumMap<>(Field.class);
        values.put(Field.ELECTION, "e");
        values.put(Field.SOURCE, source);
        values.put(Field.LEVEL, "precinct");
        values.put(Field.REGION, "R");
        values.put(Field.PRECINCT, "1");
        if (registered != null) {
            values.put(Field.REGISTERED, registered);
        }
        TreeMap<String, Long> votes = new TreeMap<>();
        votes.put("A", 10L);
        return new ProtocolRecord(values, votes, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    @Test
    void everyKindOfSecondSourceIsASource() {
        for (SourceKind kind : SourceKind.values()) {
            assertNull(ProtocolRules.whyUnusable(precinct(kind.id() + ":ngo-1", 100L)), kind.id());
            assertEquals(kind, SourceKind.of(kind.id() + ":ngo-1"));
        }
        assertNull(SourceKind.of("official"));
        assertNull(SourceKind.of("ocr:"), "a kind with no one named is no source");
        assertEquals("source 'rumour:x' is neither 'official' nor '<kind>:<who>' with kind observer, ocr, platform "
                + "or claim", ProtocolRules.whyUnusable(precinct("rumour:x", 100L)));
    }

    @Test
    void onlyTheOfficialPrecinctProtocolNeedsRegisteredVoters() {
        assertEquals("missing registered", ProtocolRules.whyUnusable(precinct("official", null)));
        // a platform counts its users and an observer may copy only the votes: usable without a voter list
        assertNull(ProtocolRules.whyUnusable(precinct("platform:app", null)));
        assertNull(ProtocolRules.whyUnusable(precinct("observer:team", null)));
    }
}
