package org.sanaq.checks.panel;

import java.io.Serializable;
import java.util.List;
import java.util.SortedMap;

import org.sanaq.checks.neighbours.UnitScores;

/**
 * What the panel's Spark work hands its judge, all bounded: the match counts of the nation and of each region, the
 * voter-weighted turnout × turnout map (1-point bins, nationally and for the regions shown), the histogram of the
 * turnout changes, and the matched precincts' scores against their units' changes with the placebo
 * ({@link UnitScores}).
 *
 * @param elections the elections the job named, earlier first
 * @param missing those of them with no precinct to read (a one-election job names none: then nothing was computed)
 * @param changes matched precincts per 1-point bin of the turnout change, from −100 (index 0) to +99 (index 199)
 * @param scores the scores; null when nothing was matched
 */
record PanelResults(List<String> elections, List<String> missing, MatchCounts nation,
        SortedMap<String, MatchCounts> regions, List<MapCell> map, long[] changes, UnitScores.ScoreSummary scores)
        implements Serializable {
    /** Bins of the turnout change: 1 point wide from −100 to +100. */
    static final int CHANGE_BINS = 200;

    /** Voters of the later election in one 1 % × 1 % cell of turnout before and after, in one scope. */
    record MapCell(String scope, String region, int turnoutBefore, int turnoutAfter, long voters)
            implements Serializable {
    }

    /** Results of a job that does not name two elections with precincts: nothing computed. */
    static PanelResults notComputed(List<String> elections, List<String> missing) {
        return new PanelResults(elections, missing, null, null, List.of(), new long[CHANGE_BINS], null);
    }

    /** Whether two elections were compared. */
    boolean computed() {
        return nation != null;
    }
}
