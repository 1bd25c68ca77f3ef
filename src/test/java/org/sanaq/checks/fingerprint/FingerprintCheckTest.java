package org.sanaq.checks.fingerprint;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.Plan;
import org.sanaq.checks.PlannedResults;
import org.sanaq.checks.PrecinctRows;
import org.sanaq.results.CheckOutcome;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Metric;
import org.sanaq.results.Placebo;
import org.sanaq.results.Verdict;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.text.Messages;

/** Shpilkin's excess and the weighted correlation by hand; the bins and the whole check on a hand-made table. */
class FingerprintCheckTest {
    private static final FingerprintCheck CHECK = new FingerprintCheck();

    @Test
    void wordsComeFromTheMessageFile() {
        // a quote is written '' in the file and read as one, with or without arguments
        assertEquals("The election fingerprint: turnout against the leader's share", CHECK.description().title());
        assertTrue(CHECK.description().caveats().contains("comet"));
    }

    @Test
    void foldedInTheSharedPass() throws Exception {
        CheckContext context = PrecinctRows.context(CHECK, PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        assertInstanceOf(Plan.Folded.class, CHECK.plan(context, new ElectionFacts(Map.of())));
    }

    @Test
    void shpilkinByHand() {
        long[] leader = new long[ShpilkinExcess.BINS];
        long[] others = new long[ShpilkinExcess.BINS];
        leader[40] = 100;
        others[40] = 100;
        leader[54] = 90; // bin (54, 55]: wholly below an official turnout of 55 %, a candidate for the peak
        others[54] = 300;
        leader[55] = 500; // bin (55, 56]: above it, never the peak
        others[55] = 100;
        leader[80] = 200;
        others[80] = 20;
        ShpilkinExcess s = ShpilkinExcess.of(leader, others, 0.55);
        assertEquals(40, s.peak());
        // ratio L/O at the peak is 1: excess = (100 − 100) + (90 − 300) + (500 − 100) + (200 − 20) = 370
        assertEquals(370, s.excess(), 1e-9);
        assertEquals(370.0 / 890, s.share(), 1e-12);
        assertEquals(20, s.expected()[80], 1e-12);
        assertTrue(Double.isNaN(s.expected()[39]));
    }

    @Test
    void weightedCorrelationEqualsPearsonOfRepeatedPoints() {
        // whole weights are repetitions: (x, y, w) = (0.5, 0.4, 1), (0.6, 0.5, 1), (0.7, 0.7, 2), (0.4, 0.45, 3)
        double[][] points = {{0.5, 0.4, 1}, {0.6, 0.5, 1}, {0.7, 0.7, 2}, {0.4, 0.45, 3}};
        WeightedMoments m = WeightedMoments.ZERO;
        List<double[]> repeated = new ArrayList<>();
        for (double[] p : points) {
            m = m.plus(new WeightedMoments(p[2], p[2] * p[0], p[2] * p[1], p[2] * p[0] * p[0], p[2] * p[1] * p[1],
                    p[2] * p[0] * p[1]));
            for (int i = 0; i < p[2]; i++) {
                repeated.add(new double[] {p[0], p[1]});
            }
        }
        double expected = new PearsonsCorrelation().correlation(repeated.stream().mapToDouble(p -> p[0]).toArray(),
                repeated.stream().mapToDouble(p -> p[1]).toArray());
        // moments by sums of squares lose a few digits to cancellation: 1e-12 is ample at this scale
        assertEquals(expected, m.correlation(), 1e-12);
    }

    /**
     * Four precincts in R1 and one in R2, V = 1,000, valid = ballots; L = leader. Turnouts 50.0 % (Shpilkin bin
     * 49, as it holds (49, 50]), 50.1 % (bin 50), 60 % and 80 %; R2 at 70 %; a station abroad at 95 % is left out.
     * Official turnout (500 + 501 + 600 + 800 + 700) / 5,000 = 62.02 %.
     */
    @Test
    void binsCorrelationAndExcessOnAHandMadeTable() throws Exception {
        PrecinctRows rows = new PrecinctRows()
                .add("R1", "1", 1000, 500, 500, 0, Map.of("L", 250L, "B", 250L), null)
                .add("R1", "2", 1000, 501, 501, 0, Map.of("L", 200L, "B", 301L), null)
                .add("R1", "3", 1000, 600, 600, 0, Map.of("L", 360L, "B", 240L), null)
                .add("R1", "4", 1000, 800, 800, 0, Map.of("L", 640L, "B", 160L), null)
                .add("R2", "5", 1000, 700, 700, 0, Map.of("L", 420L, "B", 280L), null)
                .add("R2", "abroad", 1000, 950, 950, 0, Map.of("L", 900L, "B", 50L), "abroad");
        CheckContext context = PrecinctRows.context(CHECK, PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        CheckOutcome outcome = PlannedResults.judged(CHECK, context, rows.dataset());
        Map<String, Double> national = metrics(outcome, "national");
        assertEquals(5, national.get("stations"));
        assertEquals(1, national.get("stations_special_excluded"));
        assertEquals(0.6202, national.get("official_turnout"), 1e-12);
        // peak: the bin with most leader votes among those up to 62 %: bin 59 (360 votes) beats 49 (250), 50 (200)
        assertEquals(59, national.get("shpilkin_peak_turnout"));
        // ratio 360/240 = 1.5; excess = (360 − 360) + (420 − 1.5·280) + (640 − 1.5·160) = 0 + 0 + 400
        assertEquals(400, national.get("shpilkin_excess_votes"), 1e-9);
        assertEquals(400.0 / 1870, national.get("shpilkin_excess_share"), 1e-12);
        double[] t = {0.5, 0.501, 0.6, 0.8, 0.7};
        double[] s = {0.5, 200 / 501.0, 0.6, 0.8, 0.6};
        assertEquals(new PearsonsCorrelation().correlation(t, s), national.get("correlation_weighted"), 1e-12,
                "equal weights: the plain Pearson correlation");
        assertEquals(4, metrics(outcome, "region=R1").get("stations"));
        assertEquals(Verdict.FLAG, outcome.findings().get(0).verdict(), "21 % of the leader's votes is above 10 %");
        // the placebo, Shpilkin's method for B against L: B's peak among bins 49, 50, 59 is bin 50 (301 votes, ratio
        // 301/200 = 1.505); from it up B gets 301 + 240 + 280 + 160 = 981 where 1.505 · (200 + 360 + 420 + 640) =
        // 2,438.1 are expected: an excess of −1,457.1 of B's 1,231 votes, far from the 10 % that flags the leader
        assertEquals(-1457.1 / 1231, outcome.metrics().stream().filter(m -> m.subject().equals("B")
                && m.metric().equals("placebo_shpilkin_excess_share")).findFirst().orElseThrow().value(), 1e-12);
        Placebo placebo = outcome.findings().get(0).placebo();
        assertEquals(new Placebo.OtherRows(1, 0, null), placebo.otherRows());
        assertFalse(placebo.ordinary());
        assertTrue(placebo.sentence().startsWith("Placebo: the same method for each other candidate (its votes "
                + "against everyone else's) finds an excess of "), placebo.sentence());
        DetailTable cells = table(outcome, FingerprintFigures.CELLS);
        // national cells: 0.5 % bins; 50.1 % turnout falls in [50.0, 50.5), share 39.9 % in [39.5, 40.0)
        assertTrue(cells.rows().contains(List.of("national", "", "50.000", "39.500", "1000")),
                cells.rows().toString());
        // a region's own map selects its cells by `region`, so the report can draw it on that region's page
        assertTrue(cells.rows().contains(List.of("R1", "R1", "50.000", "39.500", "1000")), cells.rows().toString());
        assertTrue(outcome.figures().stream().anyMatch(f -> f.filter().equals(Map.of("region", "R1"))));
        assertEquals(5 + 5, cells.rows().size(), "five national cells and the five of the two regions shown");
        DetailTable histograms = table(outcome, FingerprintFigures.HISTOGRAMS);
        assertTrue(histograms.rows().contains(List.of("turnout", "0.100", "50.100", "50.200", "1000", "")));
        // Shpilkin's chart shades and labels observed − expected over its table: they sum to the excess above
        FigureSpec shpilkin = outcome.figures().stream().filter(f -> f.id().equals(FingerprintFigures.SHPILKIN))
                .findFirst().orElseThrow();
        assertEquals("histogram_excess", shpilkin.kind());
        double charted = 0;
        for (List<String> row : table(outcome, FingerprintFigures.SHPILKIN).rows()) {
            charted += row.get(3).isEmpty() ? 0 : Double.parseDouble(row.get(2)) - Double.parseDouble(row.get(3));
        }
        assertEquals(400, charted, 1e-6);
    }

    /**
     * The robustness of Shpilkin's estimate by hand. Six precincts of region R1 (V = 1,000, the last 3,000), valid =
     * ballots issued, and a special station; ballots in the boxes equal those issued but in precinct 3 (495):
     *
     * <pre>
     * precinct  issued  cast   bin (issued / cast)  L     O
     * 1         485     485    48 / 48              180   300   ratio 0.6
     * 2         495     495    49 / 49              195   300   ratio 0.65
     * 3         505     495    50 / 49              210   300   ratio 0.7
     * 4         515     515    51 / 51              200   400   ratio 0.5
     * 5         525     525    52 / 52              175   350   ratio 0.5
     * 6 (3,000) 2,400   2,400  79 / 79              2,000 100
     * abroad    950     950    94 / 94              900   50    special
     * </pre>
     *
     * Official turnout 4,925/8,000 = 61.6 %: bins 48–52 lie below it, the clean peak is bin 50 (210 votes). From bin
     * k up the leader has ΣL and the others ΣO: k = 48: 2,960 and 1,750; 49: 2,780 and 1,450; 50: 2,585 and 1,150;
     * 51: 2,375 and 850; 52: 2,175 and 450. Excess ΣL − ratio·ΣO: 48: 2,960 − 1,050 = 1,910; 49: 2,780 − 942.5 =
     * 1,837.5; 50: 2,585 − 805 = 1,780 (the estimate); 51: 2,375 − 425 = 1,950; 52: 2,175 − 225 = 1,950. Of the
     * leader's 2,960 votes.
     * Special station in: turnout 5,875/9,000, peak still 50: 3,485 − 0.7 · 1,200 = 2,645 of 3,860 votes.
     * Turnout from the boxes: bin 49 holds precincts 2 and 3 (405 and 600), turnout 4,915/8,000; the peak is bin 49
     * (405 votes, ratio 0.675): 2,780 − 0.675 · 1,450 = 1,801.25. The range: 1,780 to 2,645.
     */
    @Test
    void shpilkinRobustnessByHand() throws Exception {
        PrecinctRows rows = new PrecinctRows()
                .add("R1", "1", 1000, 485, 485, 0, Map.of("L", 180L, "B", 300L), null)
                .add("R1", "2", 1000, 495, 495, 0, Map.of("L", 195L, "B", 300L), null)
                .add("R1", "3", 1000, 505, 505, 0, Map.of("L", 210L, "B", 300L), null)
                .add("R1", "4", 1000, 515, 515, 0, Map.of("L", 200L, "B", 400L), null)
                .add("R1", "5", 1000, 525, 525, 0, Map.of("L", 175L, "B", 350L), null)
                .add("R1", "6", 3000, 2400, 2400, 0, Map.of("L", 2000L, "B", 100L), null)
                .add("R1", "abroad", 1000, 950, 950, 0, Map.of("L", 900L, "B", 50L), "abroad");
        String issued = Field.BALLOTS_ISSUED.column();
        Dataset<Row> withBoxes = rows.dataset().withColumn(Field.BALLOTS_CAST.column(),
                when(col(Field.PRECINCT.column()).equalTo("3"), lit(495L)).otherwise(col(issued)).cast("long"));
        CheckContext context = PrecinctRows.context(CHECK, PrecinctRows.ELECTION, Conventions.DEFAULT, Map.of());
        CheckOutcome outcome = PlannedResults.judged(CHECK, context, withBoxes);
        assertEquals(List.of(
                List.of("The estimate: clean peak at 50–51 % turnout, turnout from ballots issued, special stations "
                        + "left out", "50", "6", "1780.000", "60.135"),
                List.of("Clean peak 2 points lower, at 48–49 % turnout", "48", "6", "1910.000", "64.527"),
                List.of("Clean peak 1 point lower, at 49–50 % turnout", "49", "6", "1837.500", "62.078"),
                List.of("Clean peak 1 point higher, at 51–52 % turnout", "51", "6", "1950.000", "65.878"),
                List.of("Clean peak 2 points higher, at 52–53 % turnout", "52", "6", "1950.000", "65.878"),
                List.of("Special stations included", "50", "7", "2645.000", "68.523"),
                List.of("Turnout from ballots in the boxes", "49", "6", "1801.250", "60.853")),
                table(outcome, ShpilkinRobustness.TABLE).rows());
        Map<String, Double> national = metrics(outcome, "national");
        assertEquals(1780, national.get("shpilkin_excess_votes"), 1e-9);
        assertEquals(1780, national.get("shpilkin_excess_votes_low"), 1e-9);
        assertEquals(2645, national.get("shpilkin_excess_votes_high"), 1e-9);
        assertTrue(outcome.findings().get(0).sentence().contains("L has about 1,780 votes more than the clean-peak "
                + "ratio predicts, 60.1 % of the leader's votes (flagged from 10.0 %), between 1,780 and 2,645 across "
                + "the clean peak moved by up to 2 points, the special stations in or out, and turnout from ballots "
                + "issued or from ballots in the boxes."), outcome.findings().get(0).sentence());

        // data without ballots in the boxes: that variant has no figure and the sentence says why
        CheckOutcome issuedOnly = PlannedResults.judged(CHECK, context, rows.dataset());
        assertEquals(List.of("Turnout from ballots in the boxes: not in the data", "", "0", "", ""),
                table(issuedOnly, ShpilkinRobustness.TABLE).rows().get(6));
        assertTrue(issuedOnly.findings().get(0).sentence().contains("between 1,780 and 2,645 across the clean peak "
                + "moved by up to 2 points, the special stations in or out; the data give no turnout from ballots in "
                + "the boxes."), issuedOnly.findings().get(0).sentence());

        // in Russian the range's counts are grouped by spaces, never by the comma that marks decimals there
        CheckContext russian = new CheckContext(context.election(), context.country(), context.conventions(),
                context.parameters(), Messages.of("ru"));
        String sentence = PlannedResults.judged(CHECK, russian, withBoxes).findings().get(0).sentence();
        assertTrue(sentence.contains("от 1\u00a0780 до 2\u00a0645 при сдвиге «чистого» пика не более чем на 2 пункта"),
                sentence);
    }

    private static Map<String, Double> metrics(CheckOutcome outcome, String scope) {
        return outcome.metrics().stream().filter(m -> m.scope().equals(scope))
                .collect(Collectors.toMap(Metric::metric, Metric::value));
    }

    private static DetailTable table(CheckOutcome outcome, String name) {
        return outcome.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
