package org.sanaq.checks.peaks;

import java.io.Serializable;

/**
 * What the integer-peak judge receives: the leader (null when the precincts give no votes), the precincts marked
 * special and left out, and the tally of the included precincts.
 */
record PeakResults(String leader, long special, PeakTally tally) implements Serializable {
}
