package org.sanaq.checks.panel;

import java.io.Serializable;

/**
 * How the precincts of one region (or of the nation) matched between the two elections, and the median changes of
 * the matched ones.
 *
 * @param before the earlier election's precinct protocols read (registered voters and share base above 0)
 * @param after the later election's
 * @param matched keys found once in each election, of similar size
 * @param sizeMismatch keys found once in each, whose registered voters differ too much: set aside
 * @param ambiguous keys held by two or more protocols of one election: set aside
 * @param onlyBefore keys of the earlier election only
 * @param onlyAfter keys of the later election only
 * @param medianTurnoutChange the matched precincts' median change of turnout, in points (NaN: none matched)
 * @param medianShareChange the same for the leader's share
 */
record MatchCounts(long before, long after, long matched, long sizeMismatch, long ambiguous, long onlyBefore,
        long onlyAfter, double medianTurnoutChange, double medianShareChange) implements Serializable {

    /** Matched precincts as a share of the later election's (NaN when it has none). */
    double rateAfter() {
        return after == 0 ? Double.NaN : (double) matched / after;
    }

    /** Matched precincts as a share of the earlier election's. */
    double rateBefore() {
        return before == 0 ? Double.NaN : (double) matched / before;
    }
}
