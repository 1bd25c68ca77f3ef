package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.schema.Conventions;
import org.sanaq.text.Messages;

/**
 * LastC, C05s and P05s under both conventions (issue 17) on one row worked out by hand: sanaq's default (counts of
 * at least 10 and bases of at least 100, against the row's smooth expectation) and the Election Forensics Toolkit's
 * (every count and every base, against uniform digits).
 *
 * <p>Candidate A's counts: 5 precincts at each count 0 to 29, and 10 more at 0 (a minor candidate with many zeros):
 * 160 counts. Its shares: 10 precincts of 20 valid ballots with 1 to 10 votes (5 %, 10 %, …, 50 %, every one a
 * multiple of 5 %) and 10 precincts of 200 with 2, 4, …, 20 votes (1 % to 10 %, two of them, 5 % and 10 %, round).
 */
class DigitConventionTest {

    private static RowStatistics.Result row(DigitConvention convention) {
        UnitSummary s = new UnitSummary(convention.minPercentBase(100), true);
        for (long v = 0; v < 30; v++) {
            for (int i = 0; i < 5; i++) {
                s.addCount(v);
            }
        }
        for (int i = 0; i < 10; i++) {
            s.addCount(0);
        }
        for (int votes = 1; votes <= 10; votes++) {
            s.addProportion(votes, 20, 0.5, 0.5);
            s.addProportion(2L * votes, 200, 0.5, 0.5);
        }
        return RowStatistics.of(new UnitRow(null, "A"), s, 200, 0.95, 5, convention);
    }

    /**
     * sanaq: the values ≥ 10 whose four neighbours v ± 1, v ± 2 hold at least 5 precincts are 10 to 27 (28 and 29
     * lack 30 and 31): 18 values of 5 counts, 90 counts. With a flat histogram g = log(5.5) at every neighbour, so
     * ĝ = (4·2g − 2g)/6 = g and E(v) = 5.5 − 0.5 = 5: expected equals observed. LastC = (0 + … + 9 + 0 + … + 7)/18
     * = 73/18 = 4.0556 and C05s = 4/18 (10, 15, 20, 25), each with its own expectation the same, so z = 0 and p = 1.
     * The zeros are no part of it (counts below 10). P05s takes the bases ≥ 100 only, the 10 of 200 ballots, at
     * 1 % to 10 % with one precinct each: no value has neighbours of 5, so nothing is testable and there is no value.
     */
    @Test
    void sanaqTestsCountsOfTenAndMoreAgainstTheirSmoothExpectation() {
        RowStatistics.Result r = row(DigitConvention.SANAQ);
        assertEquals(100, r.size(DigitStatistic.Sample.AT_LEAST_10));
        assertEquals(90, r.size(DigitStatistic.Sample.AT_LEAST_10_TESTABLE));
        RowStatistics.Estimate lastc = r.estimate(DigitStatistic.LAST_DIGIT_MEAN);
        assertEquals(73 / 18.0, lastc.value(), 1e-12);
        assertEquals(73 / 18.0, lastc.ownExpected(), 1e-12);
        assertEquals(1, lastc.testP(), 1e-12);
        RowStatistics.Estimate c05s = r.estimate(DigitStatistic.LAST_ZERO_OR_FIVE);
        assertEquals(4 / 18.0, c05s.value(), 1e-12);
        assertEquals(4 / 18.0, c05s.ownExpected(), 1e-12);
        assertEquals(10, r.size(DigitStatistic.Sample.PERCENT_BASE));
        assertEquals(0, r.size(DigitStatistic.Sample.PERCENT_BASE_TESTABLE));
        assertTrue(Double.isNaN(r.estimate(DigitStatistic.PERCENT_ZERO_OR_FIVE).value()));
        assertFalse(r.sizes().containsKey(DigitStatistic.Sample.ALL_COUNTS), "n_all only under EFToolkit's");
    }

    /**
     * EFToolkit: the last digit of all 160 counts. Digit 0: 15 zeros + 5 tens + 5 twenties = 25; every other digit
     * 3 values × 5 = 15. LastC = 15·(1 + … + 9)/160 = 675/160 = 4.21875 against 4.5: z = 0.28125/√(8.25/160) =
     * 1.23858, two-sided p = 0.21550. C05s = (25 + 15)/160 = 0.25 against 0.2: exact binomial two-sided p of 40 in
     * 160 = 0.11439. P05s over all 20 bases: 10 + 2 = 12 round, 0.6 against 0.2: p of 12 in 20 = P(X ≥ 12) =
     * 1.0173·10⁻⁴ (no outcome below the mode 4 is as unlikely).
     */
    @Test
    void efToolkitTestsEveryCountAndEveryBaseAgainstUniformDigits() {
        RowStatistics.Result r = row(DigitConvention.EFTOOLKIT);
        assertEquals(160, r.size(DigitStatistic.Sample.ALL_COUNTS));
        RowStatistics.Estimate lastc = r.estimate(DigitStatistic.LAST_DIGIT_MEAN);
        assertEquals(4.21875, lastc.value(), 1e-12);
        assertEquals(4.5, lastc.ownExpected());
        assertEquals(0.21550, lastc.testP(), 5e-6);
        assertTrue(lastc.ciLow() < 4.21875 && 4.21875 < lastc.ciHigh(), lastc.toString());
        RowStatistics.Estimate c05s = r.estimate(DigitStatistic.LAST_ZERO_OR_FIVE);
        assertEquals(0.25, c05s.value(), 1e-12);
        assertEquals(0.2, c05s.ownExpected());
        assertEquals(0.11439, c05s.testP(), 5e-6);
        assertEquals(20, r.size(DigitStatistic.Sample.PERCENT_BASE));
        RowStatistics.Estimate p05s = r.estimate(DigitStatistic.PERCENT_ZERO_OR_FIVE);
        assertEquals(0.6, p05s.value(), 1e-12);
        assertEquals(0.2, p05s.ownExpected());
        assertEquals(1.0173e-4, p05s.testP(), 5e-8);
        // the chart's last digits are those of all counts, against a tenth each
        assertEquals(25, r.digits().last()[0]);
        assertEquals(15, r.digits().last()[9]);
        assertEquals(0.1, r.digits().lastExpected()[3]);
        // the other statistics keep the default's computation: the second digit of the counts ≥ 10
        assertEquals(row(DigitConvention.SANAQ).estimate(DigitStatistic.SECOND_DIGIT_MEAN).value(),
                r.estimate(DigitStatistic.SECOND_DIGIT_MEAN).value());
    }

    /** The table, the metrics and the summary say which convention they follow. */
    @Test
    void theOutputNamesTheConvention() throws Exception {
        CheckOutcome eft = judge(DigitConvention.EFTOOLKIT, "eftoolkit");
        DetailTable table = eft.tables().get(0);
        assertTrue(table.title().contains("by the Election Forensics Toolkit convention"), table.title());
        List<String> national = table.rows().get(0);
        assertTrue(national.get(table.columns().indexOf("lastc")).startsWith("4.2188 ["), national.toString());
        assertEquals("4.5000", national.get(table.columns().indexOf("lastc_expected")));
        assertEquals(160.0, metric(eft, "n_all"));
        Finding summary = eft.findings().stream().filter(f -> f.subject().equals("all")).findFirst().orElseThrow();
        assertTrue(summary.sentence().contains("Election Forensics Toolkit convention: LastC and C05s over the last "
                + "digits of all counts"), summary.sentence());
        assertTrue(eft.findings().stream().anyMatch(f -> f.subject().equals("A") && f.sentence().equals("Nationally, "
                + "no digit or distribution statistic of A is flagged (160 counts, 0 included, by the Election "
                + "Forensics Toolkit convention; false discovery rate 0.01).")), eft.findings().toString());

        CheckOutcome sanaq = judge(DigitConvention.SANAQ, "sanaq");
        DetailTable defaultTable = sanaq.tables().get(0);
        assertEquals(Messages.of("en").format("digit_tests.table_title"), defaultTable.title());
        assertEquals("4.0556", defaultTable.rows().get(0).get(defaultTable.columns().indexOf("lastc_expected")));
        assertTrue(sanaq.metrics().stream().noneMatch(m -> m.metric().equals("n_all")));
        assertFalse(sanaq.findings().stream().anyMatch(f -> f.sentence().contains("Forensics Toolkit convention")));
        assertTrue(sanaq.findings().stream().anyMatch(f -> f.subject().equals("A") && f.sentence().contains(
                "(100 counts of at least 10;")), sanaq.findings().toString());
    }

    private static CheckOutcome judge(DigitConvention convention, String word) throws Exception {
        DigitTestsCheck check = new DigitTestsCheck();
        CheckParameters parameters = new CheckParameters("checks.digit_tests", check.defaults(),
                Map.of("dip_simulations", 200, "convention", word));
        check.validate(parameters);
        return new DigitJudge(new CheckContext("e", "C", Conventions.DEFAULT, parameters, Messages.of("en")),
                List.of(row(convention))).outcome();
    }

    private static double metric(CheckOutcome outcome, String name) {
        return outcome.metrics().stream().filter(m -> m.metric().equals(name)).mapToDouble(Metric::value)
                .findFirst().orElseThrow();
    }
}
