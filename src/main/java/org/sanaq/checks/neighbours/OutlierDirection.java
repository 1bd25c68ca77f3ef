package org.sanaq.checks.neighbours;

import org.sanaq.results.Placebo;
import org.sanaq.stats.ExactBinomial;
import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;

/**
 * The direction of outliers (precincts far from their district's other precincts, or changes far from their
 * district's change): ballots added for the leader push a precinct up in turnout and in the leader's share at once,
 * while honest differences would go either way. The test is exact: one-sided, P(at least {@code up} of
 * {@code outliers} upward | each up with probability ½), for one election; two-sided for the changes between two
 * elections, where ballots added in the earlier one make the precinct fall back.
 *
 * <p>Real elections break that null: turnout within a district is often skewed (a few small precincts of
 * institutions or villages voting far above the town's), so outliers lean upward without any ballot added. The
 * random groupings of the same precincts measure the lean the data have whatever the districts: when the groupings'
 * outliers lean the same way at least as much as the real ones ({@link #ordinary}), the direction
 * is a property of the precincts, not of their districts, and a flag is ordinary (it stays in the check's section,
 * not on page 1). On ru-2018, 66 % of the real outliers were upward and 72 % of the groupings'.
 *
 * @param outliers the real outliers
 * @param up of them, upward
 * @param placeboOutliers the groupings' outliers, on average
 * @param placeboUp of them, upward, on average
 */
public record OutlierDirection(long outliers, long up, double placeboOutliers, double placeboUp) {

    /** The one-sided exact binomial p of at least {@code up} upward of {@code outliers}, each up with ½. */
    public double p() {
        return ExactBinomial.atLeast(up, outliers, 0.5);
    }

    /** The two-sided exact binomial p of so many upward (or downward) of {@code outliers}, each up with ½. */
    public double twoSidedP() {
        return ExactBinomial.twoSided(up, outliers, 0.5);
    }

    /** Whether the groupings' outliers lean the same way as the real ones, at least as far from half. */
    public boolean ordinary() {
        double real = upPercent() - 50;
        double groupings = placeboUpPercent() - 50;
        return placeboOutliers > 0 && Math.signum(groupings) == Math.signum(real) && Math.abs(groupings) >= Math.abs(real);
    }

    /**
     * The groupings' lean beside the real one as a flag's placebo, said by {@code <check>.direction_placebo} (the
     * groupings' upward share, the real one, and whether the flag is ordinary).
     */
    public Placebo placebo(Messages words, String check) {
        return new Placebo(null, groupings(), null, ordinary(), words.format(check + ".direction_placebo",
                Numbers.decimal(placeboUpPercent(), 1, words.locale()), Numbers.decimal(upPercent(), 1,
                        words.locale()), ordinary() ? 1 : 0));
    }

    /** The groupings' lean beside the real one, as the placebo of a flag. */
    public Placebo.RandomGroupings groupings() {
        return new Placebo.RandomGroupings(Math.round(placeboOutliers), Math.round(placeboUp), outliers, up);
    }

    /** The share of the real outliers that are upward, in percent (0 when there are none). */
    public double upPercent() {
        return outliers == 0 ? 0 : 100.0 * up / outliers;
    }

    /** The share of the groupings' outliers that are upward, in percent (0 when there are none). */
    public double placeboUpPercent() {
        return placeboOutliers == 0 ? 0 : 100.0 * placeboUp / placeboOutliers;
    }
}
