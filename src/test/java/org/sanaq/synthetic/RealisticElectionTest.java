package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanaq.run.SpecException;

/**
 * The realistic honest election (jobs/synthetic/realistic.yaml) at 20,000 precincts: registered voters from tens to
 * thousands with the quantiles of ru-2018's stations (1 % 39, 10 % 164, 50 % 1,012, 90 % 2,281, 99 % 2,860), and
 * six minor candidates whose mean votes per precinct are their spec's 0.5, 1, 2, 5, 10 and 30.
 */
class RealisticElectionTest {
    private static final int PRECINCTS = 20_000;

    private static SyntheticSpec realistic() throws SpecException {
        SyntheticSpec spec = SyntheticSpec.load(Path.of("jobs/synthetic/realistic.yaml"));
        return spec.with(spec.seed(), PRECINCTS, 1, spec.output(), spec.irregularities());
    }

    @Test
    void precinctSizesSpanTensToThousandsAsInRealData() throws Exception {
        HonestElection election = new HonestElection(realistic());
        long[] registered = new long[PRECINCTS];
        for (int i = 0; i < PRECINCTS; i++) {
            registered[i] = election.precinct(i).counts[Protocol.REGISTERED];
        }
        Arrays.sort(registered);
        assertTrue(registered[0] >= 10 && registered[0] < 20, Long.toString(registered[0]));
        assertQuantile(registered, 0.01, 30, 70);
        assertQuantile(registered, 0.10, 120, 200);
        assertQuantile(registered, 0.50, 900, 1300);
        assertQuantile(registered, 0.90, 1900, 2400);
        assertQuantile(registered, 0.99, 2600, 3400);
        assertTrue(registered[PRECINCTS - 1] <= 5000);
    }

    private static void assertQuantile(long[] sorted, double q, long low, long high) {
        long value = sorted[(int) (q * (sorted.length - 1))];
        assertTrue(value >= low && value <= high, "quantile " + q + ": " + value + " not in [" + low + ", " + high
                + "]");
    }

    /**
     * Over ten seeds of 10,000 precincts: each seed draws its regions' shares (Dirichlet, concentration 2,000), which
     * moves a national mean of 0.5 votes by about a fifth; the mean over seeds is within 20 % of the spec's.
     */
    @Test
    void minorCandidatesGetTheirExpectedVotesPerPrecinct() throws Exception {
        SyntheticSpec spec = realistic();
        List<String> minor = List.of("Minor A", "Minor B", "Minor C", "Minor D", "Minor E", "Minor F");
        double[] expected = {0.5, 1, 2, 5, 10, 30};
        double[] sums = new double[minor.size()];
        int seeds = 10;
        int precincts = 10_000;
        for (int k = 0; k < seeds; k++) {
            HonestElection election = new HonestElection(spec.with(spec.seed() + k, precincts, 1, spec.output(),
                    spec.irregularities()));
            for (int i = 0; i < precincts; i++) {
                long[] votes = election.precinct(i).votes;
                for (int m = 0; m < minor.size(); m++) {
                    sums[m] += votes[spec.candidates().indexOf(minor.get(m))];
                }
            }
        }
        for (int m = 0; m < minor.size(); m++) {
            double mean = sums[m] / seeds / precincts;
            assertTrue(mean > 0.8 * expected[m] && mean < 1.2 * expected[m], minor.get(m) + ": " + mean
                    + " votes per precinct, expected about " + expected[m]);
        }
    }

    @Test
    void smallPrecinctsMustBeAShareWithAPositiveMedian() {
        SpecException e = assertThrows(SpecException.class, () -> SyntheticSpecTest.parse("""
                candidates: {A: 1, B: 1}
                precinct_size: {small: {share: 1.5, median: 200, sigma: 0.5}}
                """));
        assertTrue(e.getMessage().contains("precinct_size.small"), e.getMessage());
        assertThrows(SpecException.class, () -> SyntheticSpecTest.parse("""
                candidates: {A: 1, B: 1}
                precinct_size: {small: {share: 0.3, median: 0, sigma: 0.5}}
                """));
    }
}
