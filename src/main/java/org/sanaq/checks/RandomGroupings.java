package org.sanaq.checks;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The random groupings of a placebo (the digit tests', the neighbour comparison's): the same precincts grouped at
 * random into as many pseudo-units as the level has real units, of the real units' sizes in expectation, so that
 * the table of a per-unit flag can be set beside what chance alone flags among groups of these sizes.
 *
 * <p>A precinct goes to group i with probability n_i / N (n_i the precincts of real unit i in unit name order, N
 * their sum), independently of every other precinct, by its own uniform u in [0, 1) mapped through the cumulative
 * shares: group i is the one whose share interval holds u. Group i's size is then Binomial(N, n_i / N), whose mean
 * is n_i, the size of real unit i, and whose spread (at most √n_i) is small beside it; unlike a shuffle of the units
 * among precincts, this needs no precinct but the one at hand, so it fits the fold's single pass. The uniform comes
 * from the precinct's own stream ({@link ProtocolUniform}, under the subject {@link #STREAM} or one of the caller's,
 * which no row can carry), so the groups depend on the job's seed and the precinct only, never on
 * how Spark partitions the rows.
 *
 * <p>Each group mixes precincts from the whole country, so what a group's statistic shows is what the test gives on
 * ordinary precincts of the election at that size: where the test's null does not hold for these data (minor
 * candidates whose counts fall steeply), the groups flag as often as the real units, and the real flags are ordinary.
 */
public final class RandomGroupings implements Serializable {
    private static final long serialVersionUID = 1L;
    /** No group: the precinct is not in any (there are no groupings). */
    public static final int NONE = -1;
    /** The subject under which a precinct's uniform for its group is drawn: a NUL character, no row's name. */
    public static final String STREAM = "\u0000random group";
    /** The cumulative shares of precincts of the real units, the last one 1. */
    private final double[] cumulative;

    /** The groupings of units of these sizes (precincts per unit, in unit name order; zeros ignored). */
    public RandomGroupings(List<Long> unitPrecincts) {
        long[] sizes = unitPrecincts.stream().mapToLong(Long::longValue).filter(n -> n > 0).toArray();
        long total = Arrays.stream(sizes).sum();
        cumulative = new double[sizes.length];
        long sum = 0;
        for (int i = 0; i < sizes.length; i++) {
            sum += sizes[i];
            cumulative[i] = sum / (double) total;
        }
    }

    /** How many groups: the real units with precincts. */
    public int count() {
        return cumulative.length;
    }

    /** The group of a precinct whose uniform is u in [0, 1): the first whose cumulative share exceeds u. */
    public int groupOf(double u) {
        int at = Arrays.binarySearch(cumulative, u);
        // an exact hit on a boundary belongs to the next group, as [c_{i−1}, c_i) is group i's interval
        int group = at >= 0 ? at + 1 : -at - 1;
        return Math.min(group, cumulative.length - 1);
    }
}
