package org.sanaq.checks;

/**
 * The bound on the groups of a check's results that reach the driver (regions, units, cells): more means the data
 * was mislabelled (precincts given as regions, say), and the check refuses rather than fill the driver's memory.
 */
public final class GroupLimit {
    private GroupLimit() {
    }

    /**
     * Throws when {@code groups} exceeds {@code limit}.
     *
     * @param what the groups, as a reader names them, e.g. "round_percentages: units (level, region, district)"
     */
    public static void require(long groups, long limit, String what) {
        if (groups > limit) {
            throw new IllegalStateException(what + ": " + groups + " groups, more than " + limit
                    + "; the protocols' levels or names are probably mislabelled");
        }
    }
}
