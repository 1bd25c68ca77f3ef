package org.sanaq.checks.roundpct;

import java.io.Serializable;
import java.util.SortedMap;

/**
 * What one unit's protocols of the checked source give (METHODS.md §6): how many published protocols and how many
 * sums the job derived itself (counted only), the totals (null when a protocol did not report the value), the
 * printed turnout (null when none, or when copies print different ones), the first file and line, and each
 * candidate's figures by name. Finished on an executor, so serialisable.
 */
record UnitFigures(long protocols, long derived, Long registered, Long turnout, Long base, String publishedTurnout,
        String file, long line, SortedMap<String, Candidate> candidates) implements Serializable {

    /** A candidate's total votes in the unit and the printed share (null when none or when copies differ). */
    record Candidate(Long votes, String published) implements Serializable {
    }
}
