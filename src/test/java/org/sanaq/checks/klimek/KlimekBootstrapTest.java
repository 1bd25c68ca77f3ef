package org.sanaq.checks.klimek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.fingerprint.TurnoutShareCell;

class KlimekBootstrapTest {

    @Test
    void anEntryOfThreePrecinctsWeighsItsMeanSizeTimesAPoissonOfThree() {
        CellSizes sizes = new CellSizes();
        sizes.add(4242, 90, 0);
        sizes.add(4242, 100, 0);
        sizes.add(4242, 110, 0); // one entry: n = 3, ΣV = 300, class 1
        CellSizes.Sorted sorted = sizes.sorted();
        SplittableRandom random = new SplittableRandom(7);
        int draws = 10_000;
        int[] frequency = new int[40];
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            double w = KlimekBootstrap.replicate(sorted, random)[4242];
            assertEquals(Math.rint(w / 100), w / 100, 1e-9, "a multiple of 100: " + w);
            frequency[(int) Math.rint(w / 100)]++;
            sum += w;
        }
        // Poisson(3): mean 3, so 300 voters; its sd is √3·100 = 173, the mean's over 10,000 draws 1.7
        assertEquals(300, sum / draws, 6);
        // P(0) = e⁻³ = 0.0498, P(3) = 4.5·e⁻³ = 0.2240: within 4 standard errors (0.0022 and 0.0042)
        assertEquals(Math.exp(-3), frequency[0] / (double) draws, 0.009);
        assertEquals(4.5 * Math.exp(-3), frequency[3] / (double) draws, 0.017);
    }

    @Test
    void poissonOneDrawsHaveMeanAndVarianceOne() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 100_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            int k = KlimekBootstrap.poissonOne(random);
            sum += k;
            squares += k * k;
        }
        double mean = sum / n;
        assertEquals(1, mean, 0.013); // 4 standard errors of 1/√n = 0.0032
        assertEquals(1, squares / n - mean * mean, 0.03);
    }

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnHonestMapsIncludeZero() {
        // precincts of 1,000 voters placed as the honest model's own map: n = round(20,000 · H) per cell
        HonestParameters honest = new HonestParameters(0.6, 0.05, 0.5, 0.04);
        ModelMaps maps = ModelMaps.of(new FraudKernel(2, 0.075), honest);
        CellSizes sizes = new CellSizes();
        for (int cell = 0; cell < TurnoutShareCell.CELLS; cell++) {
            long n = Math.round(20_000 * maps.honest()[cell]);
            for (long p = 0; p < n; p++) {
                sizes.add(cell, 1000, 500);
            }
        }
        KlimekModel model = new KlimekModel(2, 0.075);
        KlimekModel.Bootstrap bootstrap = new KlimekModel.Bootstrap(40, 0.95, 5);
        KlimekEstimate first = model.estimate(sizes, bootstrap, "national");
        KlimekEstimate again = model.estimate(sizes, bootstrap, "national");
        assertEquals(first, again);
        assertEquals(0, first.fiLow(), 0);
        assertEquals(0, first.feLow(), 0);
        assertTrue(first.fi() < 0.02 && first.fe() < 0.002, first.toString());
        KlimekEstimate otherScope = model.estimate(sizes, bootstrap, "region=A");
        assertTrue(otherScope.fiHigh() != first.fiHigh() || otherScope.feHigh() != first.feHigh(),
                "another scope draws other replicates");
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {0, 0, 1, 2, 10};
        assertEquals(0, KlimekBootstrap.quantile(sorted, 0.25), 0);
        assertEquals(1, KlimekBootstrap.quantile(sorted, 0.5), 0);
        assertEquals(2 + 0.6 * 8, KlimekBootstrap.quantile(sorted, 0.9), 1e-12); // h = 4 · 0.9 = 3.6
        assertEquals(10, KlimekBootstrap.quantile(sorted, 1), 0);
    }
}
