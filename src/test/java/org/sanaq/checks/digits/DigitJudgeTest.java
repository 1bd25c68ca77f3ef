package org.sanaq.checks.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;
import org.sanaq.schema.Conventions;
import org.sanaq.text.Messages;

/** The judgement without Spark: flags after Benjamini–Hochberg, "too few", the table and the charts. */
class DigitJudgeTest {

    private static RowStatistics.Result row(String unit, String subject, int precincts, boolean roundCounts) {
        UnitSummary s = new UnitSummary(100, false);
        for (int i = 0; i < precincts; i++) {
            // honest-looking counts 100..(100 + precincts) cycle through every last digit; round ones end in 0
            s.addCount(roundCounts ? 100 + 10L * i : 100 + i);
            long v = 300 + 400L * ((i * 37) % precincts) / precincts;
            s.addProportion(v, 1000, v / 1000.0, DigitFold.jitter(1, (unit + subject).hashCode(), i, subject));
        }
        return RowStatistics.of(new UnitRow(unit, subject), s, 200, 0.95, 5);
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
        CheckOutcome outcome = judge(List.of(row(null, "turnout", 300, false), row("North", "turnout", 200, true),
                row("South", "turnout", 30, true)));
        List<Finding> flags = outcome.findings().stream().filter(f -> f.verdict() == Verdict.FLAG
                && !f.subject().equals("all")).toList();
        // every count of North ends in 0: C05s = 1 and LastC = 0 against 0.2 and 4.5
        assertTrue(flags.stream().anyMatch(f -> f.scope().equals("region=North") && f.statistic().equals("c05s")
                && f.value() == 1.0), flags.toString());
        assertTrue(flags.stream().allMatch(f -> f.scope().equals("region=North")), flags.toString());
        // South has 30 counts: too few to test, though they are just as round
        DetailTable table = outcome.tables().get(0);
        List<String> south = table.rows().stream().filter(r -> r.get(0).equals("region=South")).findFirst()
                .orElseThrow();
        assertEquals("too few", south.get(table.columns().indexOf("c05s")));
        List<String> north = table.rows().stream().filter(r -> r.get(0).equals("region=North")).findFirst()
                .orElseThrow();
        assertTrue(north.get(table.columns().indexOf("c05s")).endsWith("FLAG"), north.toString());
        // charts: the nation's last digits, then the most flagged unit's last and second digits
        assertEquals(List.of("last/national", "last/region=North", "second/region=North"), outcome.figures().stream()
                .map(f -> f.filter().get("position") + "/" + f.filter().get("scope")).toList());
        Finding national = outcome.findings().stream().filter(f -> f.scope().equals("national")
                && f.subject().equals("turnout")).findFirst().orElseThrow();
        assertEquals(Verdict.PASS, national.verdict());
    }
}
