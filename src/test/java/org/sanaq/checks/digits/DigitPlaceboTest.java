package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.results.Finding;
import org.sanaq.results.Placebo;
import org.sanaq.run.SpecException;
import org.sanaq.schema.Conventions;
import org.sanaq.synthetic.HonestRates;
import org.sanaq.text.Messages;

/**
 * The placebo of a digit flag on hand-made rows: other rows counted exactly, random groups that flag as many as the
 * real units make the flag ordinary (off the first page), groups that flag none leave it standing, and the honest
 * rates looked up at the election's size.
 */
class DigitPlaceboTest {
    /** Precincts of every real unit's and group's rows; the nation has twice as many. */
    private static final int PRECINCTS = 6000;

    /**
     * A row of counts 100..299 in turn, 30 of each (a flat histogram the smooth null tests everywhere), and when
     * {@code round} a tenth more precincts at the multiples of 10 (a comb at 0, as in DigitJudgeTest).
     */
    private static RowStatistics.Result row(UnitRow key, int precincts, boolean round) {
        UnitSummary s = new UnitSummary(100, false);
        for (int i = 0; i < precincts; i++) {
            s.addCount(100 + i % 200);
        }
        for (int i = 0; round && i < precincts / 10; i++) {
            s.addCount(100 + 10 * (i % 20));
        }
        return key.randomGroup() ? RowStatistics.withoutIntervals(key, s, 5, DigitConvention.SANAQ)
                : RowStatistics.of(key, s, 200, 0.95, 5, DigitConvention.SANAQ);
    }

    /**
     * The nation (honest), North (A and B round, turnout honest), South (all honest), and two random groups of A:
     * the first round when {@code roundGroup}.
     */
    private static List<RowStatistics.Result> rows(boolean roundGroup) {
        List<RowStatistics.Result> rows = new ArrayList<>();
        for (String subject : List.of("turnout", "A", "B")) {
            rows.add(row(UnitRow.national(subject), 2 * PRECINCTS, false));
        }
        for (String subject : List.of("turnout", "A", "B")) {
            rows.add(row(new UnitRow("North", subject), PRECINCTS, !subject.equals("turnout")));
        }
        for (String subject : List.of("turnout", "A", "B")) {
            rows.add(row(new UnitRow("South", subject), PRECINCTS, false));
        }
        rows.add(row(UnitRow.group(0, "A"), PRECINCTS, roundGroup));
        rows.add(row(UnitRow.group(1, "A"), PRECINCTS, false));
        return rows;
    }

    private static List<Finding> flags(List<RowStatistics.Result> rows, DigitPlacebo.HonestLookup honest)
            throws SpecException {
        return flags(rows, honest, "en");
    }

    private static List<Finding> flags(List<RowStatistics.Result> rows, DigitPlacebo.HonestLookup honest,
            String language) throws SpecException {
        DigitTestsCheck check = new DigitTestsCheck();
        CheckParameters parameters = new CheckParameters("checks.digit_tests", check.defaults(),
                Map.of("dip_simulations", 200));
        return new DigitJudge(new CheckContext("e", "C", Conventions.DEFAULT, parameters, Messages.of(language)), rows,
                honest).outcome().findings().stream().filter(f -> f.placebo() != null).toList();
    }

    private static Finding c05s(List<Finding> flags, String subject) {
        return flags.stream().filter(f -> f.scope().equals("region=North") && f.subject().equals(subject)
                && f.statistic().equals("c05s")).findFirst().orElseThrow();
    }

    @Test
    void aFlagThatRandomGroupsMatchIsOrdinaryAndNotAHeadline() throws SpecException {
        List<Long> sizes = new ArrayList<>();
        Finding flag = c05s(flags(rows(true), (n, statistic) -> {
            sizes.add(n);
            return Optional.empty();
        }), "A");
        Placebo placebo = flag.placebo();
        assertEquals(new Placebo.RandomGroupings(2, 1, 2, 1), placebo.randomGroupings());
        // where more groups than real units are tested, the shares flagged are compared
        assertTrue(new Placebo.RandomGroupings(74, 55, 67, 49).asManyAsReal());
        assertFalse(new Placebo.RandomGroupings(74, 44, 67, 49).asManyAsReal());
        assertTrue(placebo.ordinary());
        assertTrue(flag.ordinary());
        assertFalse(flag.headline(), "off the first page");
        assertTrue(placebo.sentence().endsWith("Ordinary under its placebo: random groupings flag at least as many "
                + "groups as the real units."), placebo.sentence());
        // the election's size is its nation's precincts
        assertEquals((long) 2 * PRECINCTS, sizes.get(0));
        assertNull(placebo.honestSimulations());
        assertTrue(placebo.sentence().contains("No honest simulations of up to 12,000 precincts are calibrated."),
                placebo.sentence());
    }

    @Test
    void aFlagThatNoRandomGroupMatchesStandsWithItsNumbers() throws SpecException {
        List<Finding> flags = flags(rows(false), (n, statistic) -> Optional.of(
                new HonestRates.Rate(300, statistic, 200, 1)));
        Finding flag = c05s(flags, "A");
        Placebo placebo = flag.placebo();
        // North's other rows: B (round, flagged) and turnout (honest), both tested
        assertEquals(2, placebo.otherRows().tested());
        assertEquals(1, placebo.otherRows().flagged());
        assertEquals(new Placebo.RandomGroupings(2, 0, 2, 1), placebo.randomGroupings());
        assertEquals(new Placebo.HonestSimulations(300, 200, 1), placebo.honestSimulations());
        assertFalse(placebo.ordinary());
        assertTrue(flag.headline());
        assertTrue(placebo.sentence().startsWith("The same test on the other rows (North): 1 of 2 tested flag "
                + "(median adjusted p " + org.sanaq.text.Numbers.pRelation(placebo.otherRows().medianPAdjusted(),
                        java.util.Locale.ENGLISH) + ")."), placebo.sentence());
        // the flag's adjusted p as a reader writes it (three significant digits or "< 10⁻¹⁰"), never 7.608E-15
        assertTrue(flag.sentence().contains("; Benjamini–Hochberg adjusted p " + org.sanaq.text.Numbers.pRelation(
                flag.pAdjusted(), java.util.Locale.ENGLISH) + "). "), flag.sentence());
        assertFalse(flag.sentence().matches(".*\\d[eE][-+]?\\d.*"), flag.sentence());
        assertTrue(placebo.sentence().endsWith("Random groupings of the same precincts into groups of the real "
                + "regions' sizes flag 0 of 2 groups for A, the share of last digits 0 or 5 (C05s), against 1 of 2 "
                + "real regions. Flagged in 1 of 200 honest simulations of 300 precincts."), placebo.sentence());
        // B has no random groups here: none of its groups was tested, and none flags
        assertEquals(new Placebo.RandomGroupings(0, 0, 2, 1), c05s(flags, "B").placebo().randomGroupings());
    }

    @Test
    void honestElectionsFlaggedBeyondTheLevelMakeAFlagOrdinary() throws SpecException {
        // 6 of 200 where 2 are expected at alpha = 0.01: P(X ≥ 6) = 0.016; 5 of 200 (P = 0.053) is within noise
        Finding six = c05s(flags(rows(false), (n, s) -> Optional.of(new HonestRates.Rate(300, s, 200, 6))), "A");
        assertTrue(six.ordinary());
        assertTrue(six.placebo().sentence().endsWith("Flagged in 6 of 200 honest simulations of 300 precincts. "
                + "Ordinary under its placebo: honest elections of this size are flagged more often than the test's "
                + "level (0.01)."), six.placebo().sentence());
        Finding five = c05s(flags(rows(false), (n, s) -> Optional.of(new HonestRates.Rate(300, s, 200, 5))), "A");
        assertFalse(five.ordinary());
    }

    @Test
    void thePlaceboSpeaksTheRunsLanguage() throws SpecException {
        Finding flag = c05s(flags(rows(true), (n, s) -> Optional.of(new HonestRates.Rate(300, s, 200, 1)), "ru"),
                "A");
        assertTrue(flag.placebo().sentence().contains("дают сигнал в 1 из 2 групп для A, доля последних цифр 0 или 5 "
                + "(C05s), против 1 из 2 настоящих регионов. Сигнал в 1 из 200 честных симуляций выборов из 300 "
                + "участков. Обычно для своего плацебо"), flag.placebo().sentence());
    }
}
