package org.sanaq.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two conventions of METHODS.md that change numbers: turnout from ballots issued (Kobak) or from ballots
 * found in the boxes (EFToolkit), and shares of valid ballots, of valid + invalid, or of all ballots cast (the
 * ballots found in the boxes, EFToolkit's base). Recorded in the manifest.
 */
public record Conventions(Turnout turnout, ShareBase shareBase) implements java.io.Serializable {

    public static final Conventions DEFAULT = new Conventions(Turnout.BALLOTS_ISSUED, ShareBase.VALID);

    /** Which count is the numerator of turnout. */
    public enum Turnout {
        BALLOTS_ISSUED, BALLOTS_CAST
    }

    /** Which count is the base of a candidate's share ({@link ProtocolColumns#shareBase}). */
    public enum ShareBase {
        VALID, VALID_PLUS_INVALID,
        /** All ballots cast: the ballots found in the boxes, B ({@link ProtocolColumns#ballotsCast}). */
        CAST
    }

    public Map<String, String> asMap() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("turnout", turnout.name().toLowerCase());
        out.put("share_base", shareBase.name().toLowerCase());
        return out;
    }
}
