package org.sanaq.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.fingerprint.FingerprintCheck;
import org.sanaq.checks.peaks.IntegerPeaksCheck;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;
import org.sanaq.schema.Conventions;

/**
 * An election whose only precinct is a special station, through the distribution checks: each says inconclusive with
 * its reason, never pass, and no NaN or blank reaches a sentence, a statistic or a metric. (One-precinct elections
 * are fixture cases: src/test/resources/fixtures/&lt;check&gt;/one-precinct.)
 */
class TooLittleDataTest {
    /** A station abroad is left out, so the election has no leader and neither check has a precinct to read. */
    @Test
    void onlyASpecialStationIsNoPrecinctForEither() throws Exception {
        PrecinctRows abroad = new PrecinctRows()
                .add("North", "1", 1000, 600, 590, 10, Map.of("A", 400L, "B", 190L), "abroad");
        Finding fingerprint = only(judged(new FingerprintCheck(), abroad));
        assertEquals(Verdict.INCONCLUSIVE, fingerprint.verdict());
        assertTrue(fingerprint.sentence().startsWith("No precinct protocols with registered voters"),
                fingerprint.sentence());
        CheckOutcome peaks = judged(new IntegerPeaksCheck(), abroad);
        assertEquals(Verdict.INCONCLUSIVE, only(peaks).verdict());
        assertTrue(only(peaks).sentence().startsWith("No precinct protocol with a leader's result"),
                only(peaks).sentence());
        assertEquals(List.of("stations_special_excluded=1.0"), peaks.metrics().stream()
                .map(m -> m.metric() + "=" + m.value()).toList());
    }

    private static <T> CheckOutcome judged(Check<T> check, PrecinctRows rows) throws Exception {
        CheckContext context = PrecinctRows.context(check, PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        return honest(PlannedResults.judged(check, context, rows.dataset()));
    }

    /** The outcome, after asserting that none of its numbers or sentences is NaN, infinite or blank. */
    private static CheckOutcome honest(CheckOutcome outcome) {
        for (Metric m : outcome.metrics()) {
            assertTrue(Double.isFinite(m.value()), "metric " + m);
        }
        for (Finding f : outcome.findings()) {
            assertFalse(f.sentence().isBlank(), f.toString());
            assertFalse(f.sentence().matches("(?s).*(NaN|Infinity|∞|\\s[,.;)]|  ).*"), "no NaN or blank: " + f.sentence());
            for (Double x : new Double[] {f.value(), f.pValue(), f.pAdjusted()}) {
                assertTrue(x == null || Double.isFinite(x), f.toString());
            }
        }
        return outcome;
    }

    private static Finding only(CheckOutcome outcome) {
        List<Finding> findings = outcome.findings();
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }
}
