package org.sanaq.checks.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.Plan;
import org.sanaq.checks.PlannedResults;
import org.sanaq.checks.PrecinctRows;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Effect;
import org.sanaq.results.Finding;
import org.sanaq.results.Placebo;
import org.sanaq.results.Metric;
import org.sanaq.results.Verdict;
import org.sanaq.schema.Conventions;

/** The integer-peak counts and both nulls on a table worked out by hand. */
class IntegerPeaksCheckTest {
    private static final IntegerPeaksCheck CHECK = new IntegerPeaksCheck();

    /**
     * Ten precincts of each of three kinds, all with V = 120 and R = 40 (valid, no invalid):
     * A: G = 72 (60 %), L = 20 (50 %), both integer; B: G = 70 (58.3 %), L = 25 (62.5 %), neither;
     * C: G = 60 (50 %), L = 12 (30 %), both. Left out: V = 99; turnout 119/120 > 99 %; result 40/40 > 99 %;
     * and one station abroad. Under the null, 100·L'/40 = 2.5·L' is integer exactly when L' is even,
     * P = (1 + (1 − 2p)^40) / 2; 100·G'/120 = 5·G'/6 exactly when G' ≡ 0 (mod 6) (roots-of-unity sum).
     */
    static Dataset<Row> handMade() {
        PrecinctRows rows = new PrecinctRows();
        for (int i = 0; i < 10; i++) {
            rows.add("R1", "a" + i, 120, 72, 40, 0, Map.of("Leader", 20L, "Second", 10L, "Third", 10L), null);
            rows.add("R1", "b" + i, 120, 70, 40, 0, Map.of("Leader", 25L, "Second", 10L, "Third", 5L), null);
            rows.add("R2", "c" + i, 120, 60, 40, 0, Map.of("Leader", 12L, "Second", 14L, "Third", 14L), null);
        }
        rows.add("R2", "small", 99, 60, 40, 0, Map.of("Leader", 20L, "Second", 20L), null);
        rows.add("R2", "full", 120, 119, 40, 0, Map.of("Leader", 20L, "Second", 20L), null);
        rows.add("R2", "unanimous", 120, 60, 40, 0, Map.of("Leader", 40L), null);
        rows.add("R2", "abroad", 120, 60, 40, 0, Map.of("Leader", 20L, "Second", 20L), "abroad");
        return rows.dataset();
    }

    @Test
    void countsAndBothNullsOnAHandMadeTable() throws Exception {
        CheckOutcome outcome = run(handMade(), PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        Map<String, Double> m = metrics(outcome);
        assertEquals(30, m.get("stations_included"));
        assertEquals(1, m.get("stations_special_excluded"));
        assertEquals(20, m.get("observed_either"));
        assertEquals(20, m.get("observed_result"));
        assertEquals(20, m.get("observed_turnout"));
        assertEquals(20 * 120, m.get("observed_either_voters"));
        double[] qResult = {evenCount(0.5), evenCount(25 / 40.0), evenCount(12 / 40.0)};
        double[] qTurnout = {IntegerRuleTest.multipleOfSix(120, 0.6), IntegerRuleTest.multipleOfSix(120, 70 / 120.0),
            IntegerRuleTest.multipleOfSix(120, 0.5)};
        double result = 0;
        double either = 0;
        double eitherVariance = 0;
        for (int k = 0; k < 3; k++) {
            double q = qResult[k] + qTurnout[k] - qResult[k] * qTurnout[k];
            result += 10 * qResult[k];
            either += 10 * q;
            eitherVariance += 10 * q * (1 - q);
        }
        // exact sums of 30 probabilities: agreement to 1e-12 allows for rounding in each term
        assertEquals(result, m.get("exact_expected_result"), 1e-12);
        assertEquals(either, m.get("exact_expected_either"), 1e-12);
        assertEquals(Math.sqrt(eitherVariance), m.get("exact_sd_either"), 1e-12);
        assertEquals(120 * either, m.get("exact_expected_either_voters"), 1e-9);
        // the Monte Carlo mean of 1,000 replicates is within 4 standard errors (sd/√1000) of the exact mean
        // (a 6e-5 chance of failing for a correct sampler; the seed is fixed, so the outcome is too)
        assertEquals(either, m.get("mc_mean_either"), 4 * Math.sqrt(eitherVariance / 1000));
        assertEquals(Math.sqrt(eitherVariance), m.get("mc_sd_either"), 0.1 * Math.sqrt(eitherVariance),
                "sd of 1,000 replicates: its own relative error is about 1/√2000 ≈ 2 %");
        // the exact null is the headline: its excess and p-value, the Monte Carlo one beside it
        assertEquals(m.get("observed_either") - m.get("exact_expected_either"), m.get("excess_either"), 1e-12);
        assertEquals(m.get("exact_p_value_either"), m.get("p_value_either"));
        // the null chart's table: the count, its expectation and the band of 3.09 sd either side, z; drawn first
        double sd = Math.sqrt(eitherVariance);
        List<String> band = outcome.tables().stream().filter(t -> t.name().equals(IntegerPeaksJudge.NULL))
                .findFirst().orElseThrow().rows().get(0);
        double z999 = 3.090232306167813;
        assertEquals(List.of("result or turnout", "20.0000", sixDigits(either), sixDigits(either - z999 * sd),
                sixDigits(either + z999 * sd), sixDigits(20 - either), sixDigits((20 - either) / sd)), band);
        assertEquals("observed_vs_null", outcome.figures().get(0).kind());
        // the histograms' expected column: each of the 30 precincts spread over the bins by the null, per figure
        for (String figure : List.of("result", "turnout")) {
            double spread = outcome.tables().stream().filter(t -> t.name().equals("integer_peaks_histogram"))
                    .findFirst().orElseThrow().rows().stream().filter(r -> r.get(0).equals(figure))
                    .mapToDouble(r -> Double.parseDouble(r.get(5))).sum();
            assertEquals(30, spread, 1001 * 0.00005, figure + ": four decimals per bin, 1,001 bins");
        }
    }

    private static String sixDigits(double x) {
        return String.format(java.util.Locale.ROOT, "%.6g", x);
    }

    /**
     * Forty precincts of V = 1,000, G = 600 (60 %), R = 500 and L = 260 (52 %), all whole: a turnout G'/10 % is
     * whole when G' ≡ 0 (mod 10), about 1 in 10, and a result L'/5 % when L' ≡ 0 (mod 5), about 1 in 5, so about
     * 11 of 40 are expected and no replicate of 1,000 comes near 40: the Monte Carlo p is at its floor, 1/1,001,
     * while the exact null's p is far below it (z ≈ 10). The exact p is the finding's p-value and rank, and the
     * sentence writes the simulation's as the bound it is.
     */
    @Test
    void atTheMonteCarloFloorTheExactNullIsTheHeadlineAndTheSimulationIsABound() throws Exception {
        PrecinctRows rows = new PrecinctRows();
        for (int i = 0; i < 40; i++) {
            rows.add("R1", "p" + i, 1000, 600, 500, 0, Map.of("Leader", 260L, "Second", 240L), null);
        }
        CheckOutcome outcome = run(rows.dataset(), PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        Map<String, Double> m = metrics(outcome);
        assertEquals(1000, m.get("replicates"));
        assertEquals(1 / 1001.0, m.get("mc_p_value_either"), 1e-15);
        double exact = m.get("exact_p_value_either");
        assertTrue(exact < 1e-15, "exact p " + exact);
        assertEquals(exact, m.get("p_value_either"));
        Finding either = outcome.findings().stream().filter(f -> f.subject().equals("either")).findFirst()
                .orElseThrow();
        assertEquals(Verdict.FLAG, either.verdict());
        assertEquals(exact, either.pValue().doubleValue());
        // the effect is the excess over the exact null, of the precincts tested (every one here is whole)
        assertEquals(Effect.Unit.PRECINCTS, either.effect().unit());
        assertEquals(40, either.effect().of());
        assertEquals(either.value(), either.effect().amount());
        assertTrue(either.sentence().contains("p < 0.001 (1,000 simulations)"), either.sentence());
        assertTrue(either.sentence().contains("40 of 40 precincts"), either.sentence());
        // the summary table writes the floor as a bound too
        List<String> row = outcome.tables().stream().filter(t -> t.name().equals("integer_peaks_summary"))
                .findFirst().orElseThrow().rows().get(0);
        assertEquals(List.of("either", "precincts", "40.0000"), row.subList(0, 3));
        assertEquals("< 0.001", row.get(7));
        // the placebo: Second's 240 of 500 (48 %) is whole in every precinct too. A count of 500 is a whole
        // percent when it is a multiple of 5, about 1 in 5 under the null: 40 observed against a mean near 8 and an
        // sd near √(40 · 0.2 · 0.8) = 2.5, some 12 sd above, so p is far below 1e-15
        Placebo.OtherRows others = either.placebo().otherRows();
        assertEquals(1, others.tested());
        assertEquals(1, others.flagged());
        assertTrue(others.medianPAdjusted() < 1e-15, others.toString());
        assertFalse(either.placebo().ordinary(), "the other rows never make a flag ordinary");
    }

    /**
     * The placebo of a flag: the other candidates' shares in the same precincts against the same exact null. Leader
     * 260 of 500 (52 %) and turnout 600 of 1,000 (60 %) are whole in 40 precincts; Second 233 (46.6 %) and Third 7
     * (1.4 %) in none, so neither shows an excess (0 of 2 at p < 0.001, the check's alpha).
     */
    @Test
    void aFlagCarriesTheOtherCandidatesCountAsItsPlacebo() throws Exception {
        PrecinctRows rows = new PrecinctRows();
        for (int i = 0; i < 40; i++) {
            rows.add("R1", "p" + i, 1000, 600, 500, 0, Map.of("Leader", 260L, "Second", 233L, "Third", 7L), null);
        }
        CheckOutcome outcome = run(rows.dataset(), PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        Finding result = outcome.findings().stream().filter(f -> f.subject().equals("result")).findFirst()
                .orElseThrow();
        assertEquals(Verdict.FLAG, result.verdict());
        Placebo placebo = result.placebo();
        assertEquals(2, placebo.otherRows().tested());
        assertEquals(0, placebo.otherRows().flagged());
        assertTrue(placebo.otherRows().medianPAdjusted() > 0.5, placebo.toString());
        assertFalse(placebo.ordinary());
        assertTrue(placebo.sentence().startsWith("Placebo: the same count for the shares of the other candidates in "
                + "the same precincts shows an excess at p < 0.001 for 0 of 2 (median p = "), placebo.sentence());
        assertTrue(result.headline());
    }

    @Test
    void foldedInTheSharedPass() throws Exception {
        CheckContext context = PrecinctRows.context(CHECK, PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        assertInstanceOf(Plan.Folded.class, CHECK.plan(context, new ElectionFacts(Map.of())));
    }

    @Test
    void aboveTheDrawBudgetTheExactNullIsTheHeadline() throws Exception {
        // the budget is settled before the pass, on the 33 precincts that give V, G and R (the 30 included and the
        // three left out by the inclusion rules; not the station abroad): 33 × 1,000 replicates × 2 draws = 66,000
        Map<String, Double> m = metrics(run(handMade(), PrecinctRows.ELECTION, Conventions.DEFAULT,
                Map.of("max_monte_carlo_draws", 65_999)));
        assertEquals(30, m.get("stations_included"));
        assertEquals(0, m.get("replicates"));
        assertEquals(m.get("exact_p_value_either"), m.get("p_value_either"));
        assertEquals(m.get("observed_either") - m.get("exact_expected_either"), m.get("excess_either"), 1e-12);
        assertEquals(1000, metrics(run(handMade(), PrecinctRows.ELECTION, Conventions.DEFAULT,
                Map.of("max_monte_carlo_draws", 66_000))).get("replicates"), "a budget of exactly 66,000 suffices");
    }

    @Test
    void russianSentencesWriteADecimalCommaAndNoGroupingComma() throws Exception {
        CheckContext english = PrecinctRows.context(CHECK, PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        CheckContext russian = new CheckContext(english.election(), english.country(), english.conventions(),
                english.parameters(), org.sanaq.text.Messages.of("ru"));
        CheckOutcome outcome = PlannedResults.judged(CHECK, russian, handMade());
        double expected = metrics(outcome).get("exact_expected_either");
        String sentence = outcome.findings().stream().filter(f -> f.subject().equals("either")).findFirst()
                .orElseThrow().sentence();
        String comma = String.format(java.util.Locale.ROOT, "%.1f", expected).replace('.', ',');
        assertTrue(sentence.contains(comma), sentence);
        assertFalse(sentence.contains(String.format(java.util.Locale.ROOT, "%.1f", expected)), sentence);
    }

    static CheckOutcome run(Dataset<Row> protocols, String election, Conventions conventions,
            Map<String, Object> given) throws Exception {
        CheckContext context = PrecinctRows.context(CHECK, election, conventions, given);
        return PlannedResults.judged(CHECK, context, protocols);
    }

    static Map<String, Double> metrics(CheckOutcome outcome) {
        return outcome.metrics().stream().collect(java.util.stream.Collectors.toMap(Metric::metric, Metric::value));
    }

    static boolean flagged(CheckOutcome outcome) {
        return outcome.findings().stream().anyMatch(f -> f.verdict() == Verdict.FLAG);
    }

    private static double evenCount(double p) {
        return (1 + Math.pow(1 - 2 * p, 40)) / 2;
    }
}
