package org.sanaq.results;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a finding concludes (FORMATS.md): worth a closer look, nothing unusual, too little data, or a failure. */
public enum Verdict {
    FLAG, PASS, INCONCLUSIVE, ERROR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Verdict of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
