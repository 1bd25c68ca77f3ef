package org.sanaq.results;

/**
 * How ordinary a flag is under controls computed from the same data, shown beside it in findings.json and the
 * report: the same statistic for the other rows of the same scope, the same statistic over random groupings of the
 * same precincts (for a flag on one unit of a level), and the check's rate of flags on honest synthetic elections
 * of about this size. A control the check could not compute is null.
 *
 * <p>A flag is {@linkplain #ordinary() ordinary} when a control shows that flags like it arise without anything
 * unusual in the data (random groupings flag as many groups as the real units do, or honest elections of this size
 * are flagged more often than the nominal level). The other rows alone never make a flag ordinary: a fabricated
 * protocol would make every row of it unusual at once. An ordinary flag stays in findings.json and in its check's
 * section, labelled so, but not on the report's first page ({@link Finding#headline()}).
 *
 * @param otherRows the same statistic for every other row of the same scope
 * @param randomGroupings the same statistic over random groupings of the precincts into pseudo-units
 * @param honestSimulations the check's flags on honest synthetic elections of about this size
 * @param ordinary whether the controls make the flag ordinary
 * @param sentence the controls in one sentence of the run's language
 */
public record Placebo(OtherRows otherRows, RandomGroupings randomGroupings, HonestSimulations honestSimulations,
        boolean ordinary, String sentence) {

    /**
     * The same statistic for the other rows of the flag's scope.
     *
     * @param tested rows tested (enough values for the statistic)
     * @param flagged of them, flagged
     * @param medianPAdjusted the median adjusted p-value of the tested rows; null when none was tested
     */
    public record OtherRows(long tested, long flagged, Double medianPAdjusted) {
    }

    /**
     * The same statistic and row over pseudo-units: the same precincts grouped at random into groups of the real
     * units' sizes, judged by the same rule within the pseudo table.
     *
     * @param groups pseudo-units tested
     * @param flagged of them, flagged
     * @param realUnits real units tested
     * @param realFlagged of them, flagged
     */
    public record RandomGroupings(long groups, long flagged, long realUnits, long realFlagged) {
        /**
         * Whether chance groupings flag at least as many groups as the real units flag, as a share of those tested
         * (k / G ≥ m / G', which is k ≥ m where as many are tested): then the flag is ordinary. The groups mix
         * precincts of every unit, so more of them may have enough counts to be tested than the real units.
         */
        public boolean asManyAsReal() {
            return flagged * realUnits >= realFlagged * groups;
        }
    }

    /**
     * The check's rate of flags on honest synthetic elections.
     *
     * @param precincts the size of the simulated elections (the calibrated size nearest below this election's)
     * @param simulations honest elections simulated
     * @param flagged of them, flagged on this statistic
     */
    public record HonestSimulations(long precincts, long simulations, long flagged) {
    }
}
