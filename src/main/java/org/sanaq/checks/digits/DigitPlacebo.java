package org.sanaq.checks.digits;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.sanaq.results.Placebo;
import org.sanaq.stats.BenjaminiHochberg;
import org.sanaq.stats.ExactBinomial;
import org.sanaq.synthetic.HonestRates;
import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;

/**
 * The placebo beside every digit flag ({@link Placebo}): how ordinary a flag of statistic S on row R (a candidate or
 * turnout) in a unit or the nation is under three controls computed from the same data.
 * <ol>
 * <li><b>Other rows</b>: S in the same scope for every other candidate and turnout, how many are tested and flag,
 * and their median adjusted p. Context only: a fabricated protocol would make every row of it unusual at once, so
 * other rows flagging too does not make a flag ordinary, and none flagging does not make it stronger.</li>
 * <li><b>Random groupings</b> (a flag on one unit of the level): S for R over the same precincts grouped at random
 * into pseudo-units of the real units' sizes ({@link org.sanaq.checks.RandomGroupings}), judged by the same rule as the real table:
 * Benjamini–Hochberg over every tested cell of the pseudo table at the same alpha and the same minimum count. The
 * groups have no bootstrap interval ({@link RowStatistics#withoutIntervals}), so a group's cell flags on its adjusted
 * p alone, where a real cell also needs its interval to exclude the expected value: at an adjusted p ≤ alpha (1 %)
 * the 95 % interval of the same estimate excludes it nearly always, and the difference can only make the groups
 * flag a little more, the cautious side for a control. If the groups flag at least as many groups as the real units
 * flag (k ≥ m, as shares of those tested where more groups than units have enough counts), chance alone explains
 * as many flags as the real units show, and the flag is ordinary. The groups mix precincts of the whole country:
 * they reproduce the test's behaviour on these data at the units' sizes, not the real differences between units
 * (a region whose counts are all small), so a flag they leave standing says that its unit differs from the rest of
 * the country, which is not by itself a sign of fraud.</li>
 * <li><b>Honest simulations</b>: the check's rate of flags on S over honest synthetic elections of the calibrated
 * size nearest below this election's ({@link HonestRates}). Benjamini–Hochberg at alpha keeps the chance of any
 * flag on an honest election at most alpha, so a rate above alpha means the test's null does not hold at this size.
 * The flag is ordinary when the rate is above alpha beyond the calibration's own sampling noise: when k flagged
 * seeds of n are at least as many as Binomial(n, alpha) gives with probability {@value #HONEST_EXCESS} (a one-sided
 * exact test; at 200 seeds and alpha = 0.01, six or more where two are expected). A rate merely at or a little above
 * alpha is what 200 seeds show of a test that holds its level, and does not set a flag aside.</li>
 * </ol>
 */
final class DigitPlacebo {
    /** The one-sided level at which the honest rate counts as above alpha. */
    static final double HONEST_EXCESS = 0.05;
    private static final String ID = DigitTestsCheck.ID;

    /** The calibration table: the honest rate of a statistic at the calibrated size nearest below a size. */
    @FunctionalInterface
    interface HonestLookup {
        Optional<HonestRates.Rate> forSize(long precincts, String statistic);
    }

    private final Messages messages;
    private final String level;
    private final double alpha;
    private final List<DigitJudge.Cell> cells;
    private final List<DigitJudge.Cell> groups;
    private final long precincts;
    private final HonestLookup honest;

    /**
     * @param cells the real table's cells, judged
     * @param groups the random groups' cells, judged here; none when the run has no groupings
     * @param precincts the election's precincts not marked special, its size for the honest rates
     */
    DigitPlacebo(Messages messages, String level, double alpha, long minCount, List<DigitJudge.Cell> cells,
            List<DigitJudge.Cell> groups, long precincts, HonestLookup honest) {
        this.messages = messages;
        this.level = level;
        this.alpha = alpha;
        this.cells = cells;
        this.groups = groups;
        this.precincts = precincts;
        this.honest = honest;
        judgeGroups(minCount);
    }

    /** Benjamini–Hochberg over the pseudo table's tested cells with enough counts; flags at adjusted p ≤ alpha. */
    private void judgeGroups(long minCount) {
        List<DigitJudge.Cell> tested = groups.stream().filter(c -> c.statistic.tested() && !c.tooFew(minCount)
                && Double.isFinite(c.p)).toList();
        double[] adjusted = BenjaminiHochberg.adjust(tested.stream().mapToDouble(c -> c.p).toArray());
        for (int i = 0; i < adjusted.length; i++) {
            tested.get(i).pAdjusted = adjusted[i];
            tested.get(i).flagged = adjusted[i] <= alpha;
        }
    }

    /**
     * The placebo of a flagged cell.
     *
     * @param label the statistic as the findings name it
     * @param where the scope as the findings name it (a unit's name, or "nationally")
     */
    Placebo of(DigitJudge.Cell flag, String label, String where) {
        Placebo.OtherRows others = otherRows(flag);
        Placebo.RandomGroupings groupings = flag.row.key().national() || groups.isEmpty() ? null
                : randomGroupings(flag);
        Placebo.HonestSimulations simulations = honest.forSize(precincts, flag.statistic.metric)
                .map(r -> new Placebo.HonestSimulations(r.precincts(), r.seeds(), r.flaggedSeeds())).orElse(null);
        boolean byGroupings = groupings != null && groupings.asManyAsReal();
        boolean byHonest = simulations != null && honestRateAboveAlpha(simulations);
        StringBuilder sentence = new StringBuilder(otherRowsSentence(others, where));
        if (groupings != null) {
            sentence.append(' ').append(messages.format(ID + ".placebo.groupings", groupings.flagged(),
                    groupings.groups(), flag.row.key().subject(), label, groupings.realFlagged(),
                    groupings.realUnits(), messages.format(ID + ".placebo.units." + level)));
        }
        sentence.append(' ').append(simulations == null ? messages.format(ID + ".placebo.honest_none", precincts)
                : messages.format(ID + ".placebo.honest", simulations.flagged(), simulations.simulations(),
                        simulations.precincts()));
        if (byGroupings || byHonest) {
            sentence.append(' ').append(messages.format(ID + ".placebo.ordinary_"
                    + (byGroupings ? "groupings" : "honest"), alpha));
        }
        return new Placebo(others, groupings, simulations, byGroupings || byHonest, sentence.toString());
    }

    /** The same statistic on the other rows of the flag's scope: tested, flagged, median adjusted p. */
    private Placebo.OtherRows otherRows(DigitJudge.Cell flag) {
        List<DigitJudge.Cell> tested = cells.stream().filter(c -> c.statistic == flag.statistic && c.row != flag.row
                && Objects.equals(c.row.key().unit(), flag.row.key().unit()) && Double.isFinite(c.pAdjusted)).toList();
        double[] adjusted = tested.stream().mapToDouble(c -> c.pAdjusted).sorted().toArray();
        return new Placebo.OtherRows(tested.size(), tested.stream().filter(c -> c.flagged).count(),
                adjusted.length == 0 ? null : median(adjusted));
    }

    private String otherRowsSentence(Placebo.OtherRows others, String where) {
        if (others.tested() == 0) {
            return messages.format(ID + ".placebo.other_rows_none", where);
        }
        return messages.format(ID + ".placebo.other_rows", where, others.flagged(), others.tested(),
                Numbers.pRelation(others.medianPAdjusted(), messages.locale()));
    }

    /** S for R over the random groups against the real units: tested and flagged in each. */
    private Placebo.RandomGroupings randomGroupings(DigitJudge.Cell flag) {
        Predicate<DigitJudge.Cell> same = c -> c.statistic == flag.statistic
                && c.row.key().subject().equals(flag.row.key().subject()) && Double.isFinite(c.pAdjusted);
        List<DigitJudge.Cell> real = cells.stream().filter(c -> !c.row.key().national()).filter(same).toList();
        List<DigitJudge.Cell> pseudo = groups.stream().filter(same).toList();
        return new Placebo.RandomGroupings(pseudo.size(), pseudo.stream().filter(c -> c.flagged).count(), real.size(),
                real.stream().filter(c -> c.flagged).count());
    }

    /** Whether k flagged of n honest simulations is more than Binomial(n, alpha) gives at level HONEST_EXCESS. */
    private boolean honestRateAboveAlpha(Placebo.HonestSimulations s) {
        return s.flagged() > alpha * s.simulations()
                && ExactBinomial.atLeast(s.flagged(), s.simulations(), alpha) <= HONEST_EXCESS;
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
