package org.sanaq.checks.peaks;

import java.io.Serializable;

import org.sanaq.checks.SpecialStations;

/**
 * What the integer-peak judge receives: the leader (null when the precincts give no votes), the precincts marked
 * special, left out or included, and the tally of the included precincts.
 */
record PeakResults(String leader, SpecialStations.Count special, PeakTally tally) implements Serializable {
}
