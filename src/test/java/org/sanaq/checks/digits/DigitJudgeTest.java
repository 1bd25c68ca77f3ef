package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;
import org.sanaq.schema.Conventions;
import org.sanaq.text.Messages;

/**
 * The judgement without Spark: flags after Benjamini–Hochberg, "too few", "not applicable", the table and the
 * charts.
 */
class DigitJudgeTest {

    /** Honest-looking counts: 100..299 in turn, 30 of each at 6,000 precincts (a flat histogram). */
    private static final IntToLongFunction FLAT = i -> 100 + i % 200;
    /** The flat counts of 6,000 precincts, and 30 more at each multiple of 10 from 6,600 precincts (a comb at 0). */
    private static final IntToLongFunction COMB = i -> i < 6000 ? FLAT.applyAsLong(i) : 100 + 10 * (i % 20);
    /** Counts 10 to 13 only: plenty of counts ≥ 10, but no value with four neighbours of 20 counts. */
    private static final IntToLongFunction NARROW = i -> 10 + i % 4;

    private static RowStatistics.Result row(String unit, String subject, int precincts, IntToLongFunction count) {
        UnitSummary s = new UnitSummary(100, false);
        for (int i = 0; i < precincts; i++) {
            s.addCount(count.applyAsLong(i));
            long v = 300 + 400L * ((i * 37) % precincts) / precincts;
            s.addProportion(v, 1000, v / 1000.0, org.sanaq.checks.ProtocolUniform.of(1, (unit + subject).hashCode(), i, subject));
        }
        return RowStatistics.of(new UnitRow(unit, subject), s, 200, 0.95, 5, DigitConvention.SANAQ);
    }

    private static CheckOutcome judge(List<RowStatistics.Result> rows) throws Exception {
        DigitTestsCheck check = new DigitTestsCheck();
        CheckParameters parameters = new CheckParameters("checks.digit_tests", check.defaults(),
                Map.of("dip_simulations", 200));
        return new DigitJudge(new CheckContext("e", "C", Conventions.DEFAULT, parameters, Messages.of("en")), rows)
                .outcome();
    }

    @Test
    void roundCountsAreFlaggedAndFewCountsAreTooFew() throws Exception {
        CheckOutcome outcome = judge(List.of(row(null, "turnout", 6000, FLAT), row("North", "turnout", 6600, COMB),
                row("South", "turnout", 30, COMB), row("East", "turnout", 300, NARROW)));
        List<Finding> flags = outcome.findings().stream().filter(f -> f.verdict() == Verdict.FLAG
                && !f.subject().equals("all")).toList();
        // North: 30 counts at each value 100..299 and 30 more at each multiple of 10. The tested values are 102..297
        // (100, 101, 298 and 299 lack neighbours on one side): 196 values, 19 of them multiples of 10, so
        // 196·30 + 19·30 = 6,450 counts; 105, 110, …, 295 end in 0 or 5, 19 with 60 counts and 20 with 30: 1,740
        assertTrue(flags.stream().anyMatch(f -> f.scope().equals("region=North") && f.statistic().equals("c05s")
                && Math.abs(f.value() - 1740 / 6450.0) < 1e-12), flags.toString());
        assertTrue(flags.stream().allMatch(f -> f.scope().equals("region=North")), flags.toString());
        // South has 30 counts: too few to test, though they are just as round
        DetailTable table = outcome.tables().get(0);
        List<String> south = table.rows().stream().filter(r -> r.get(0).equals("region=South")).findFirst()
                .orElseThrow();
        assertEquals("too few", south.get(table.columns().indexOf("c05s")));
        List<String> north = table.rows().stream().filter(r -> r.get(0).equals("region=North")).findFirst()
                .orElseThrow();
        assertTrue(north.get(table.columns().indexOf("c05s")).endsWith("FLAG"), north.toString());
        // East has 300 counts ≥ 10, none of them at a value whose neighbours hold 20 counts (8, 9, 14 and 15 hold
        // none): not applicable, with the reason, and no flag
        List<String> east = table.rows().stream().filter(r -> r.get(0).equals("region=East")).findFirst()
                .orElseThrow();
        for (String statistic : List.of("lastc", "c05s", "lastdigit_chi2_p")) {
            assertEquals("not applicable: counts too sparse around most values for a smooth expectation "
                    + "(0 of 300 testable)", east.get(table.columns().indexOf(statistic)));
        }
        assertEquals("0", east.get(table.columns().indexOf("flags")));
        assertTrue(outcome.metrics().stream().noneMatch(m -> m.scope().equals("region=East")
                && m.metric().startsWith("c05s")));
        assertTrue(outcome.metrics().stream().anyMatch(m -> m.scope().equals("region=East")
                && m.metric().equals("n_ge10_testable") && m.value() == 0));
        // charts: the nation's last digits, then the most flagged unit's last and second digits
        assertEquals(List.of("last/national", "last/region=North", "second/region=North"), outcome.figures().stream()
                .map(f -> f.filter().get("position") + "/" + f.filter().get("scope")).toList());
        Finding national = outcome.findings().stream().filter(f -> f.scope().equals("national")
                && f.subject().equals("turnout")).findFirst().orElseThrow();
        assertEquals(Verdict.PASS, national.verdict());
    }

    /**
     * Shares in two far lumps (20 % and 80 %, 1,000 precincts) give a dip no uniform sample of 200 simulations
     * reaches: its p is the floor 1/201 and the table writes the bound "< 0.005" (1/201 = 0.004975 rounded up to two
     * significant digits), not a value; the dip never flags (issue 16).
     */
    @Test
    void aDipAtTheFloorOfItsSimulationsIsWrittenAsABoundAndNeverFlags() throws Exception {
        UnitSummary s = new UnitSummary(100, false);
        for (int i = 0; i < 1000; i++) {
            long v = i % 2 == 0 ? 200 : 800;
            s.addCount(100 + i % 200);
            s.addProportion(v, 1000, v / 1000.0, org.sanaq.checks.ProtocolUniform.of(1, 7, i, "A"));
        }
        CheckOutcome outcome = judge(List.of(RowStatistics.of(new UnitRow(null, "A"), s, 200, 0.95, 5,
                DigitConvention.SANAQ)));
        DetailTable table = outcome.tables().get(0);
        assertEquals("< 0.005", table.rows().get(0).get(table.columns().indexOf("dipt_p")));
        assertTrue(outcome.findings().stream().noneMatch(f -> f.statistic().equals("dipt_p")
                && f.verdict() == Verdict.FLAG));
    }
}
