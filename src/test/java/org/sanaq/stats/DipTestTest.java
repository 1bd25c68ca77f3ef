package org.sanaq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DipTestTest {

    @Test
    void equallySpacedSampleHasTheSmallestPossibleDip() {
        // Hartigan and Hartigan (1985): the dip of n observations is at least 1/(2n), reached by a uniform grid
        double[] grid = new double[40];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = i;
        }
        assertEquals(1.0 / 80, DipTest.dip(grid), 1e-12);
    }

    @Test
    void twoEqualPointMassesHaveTheLargestDip() {
        // the dip is at most 1/4, reached by two equal point masses: ties enter as multiplicities
        assertEquals(0.25, DipTest.dip(new double[] {0, 1}, new long[] {500, 500}), 1e-12);
    }

    @Test
    void twoSeparatedUniformBlocksHaveTheDipDerivedByHand() {
        // Half the mass uniform on [0, a), half on [g, g + a). A unimodal G within d of F, with its mode in the
        // first block, is concave from there: its mean slope over the gap [a, g] is at least its mean slope over the
        // second block, (1/2 − 2d)/a, while it may rise by at most 2d over the gap. So 2d ≥ r(1/2 − 2d) with
        // r = (g − a)/a, i.e. dip = r / (4(1 + r)); a = 0.5, g = 2: r = 3, dip = 3/16. The sample is a grid of
        // 500 points per block, so the discrete dip may differ by about 1/n = 0.001 (the grid's own steps).
        double[] x = new double[1000];
        for (int i = 0; i < 500; i++) {
            x[i] = i * 0.001;
            x[500 + i] = 2 + i * 0.001;
        }
        assertEquals(3.0 / 16, DipTest.dip(x), 0.002);
    }

    @Test
    void uniformSampleIsNotRejectedAndBimodalSampleIs() {
        SplittableRandom random = new SplittableRandom(7);
        double[] uniform = new double[500];
        double[] bimodal = new double[500];
        for (int i = 0; i < 500; i++) {
            uniform[i] = random.nextDouble();
            // two normal bumps 6 standard deviations apart
            bimodal[i] = (i % 2 == 0 ? 0 : 6) + random.nextGaussian();
        }
        Arrays.sort(uniform);
        Arrays.sort(bimodal);
        double[] reference = DipTest.nullDistribution(500, 500, 1);
        double pUniform = DipTest.pValue(DipTest.dip(uniform), 500, reference);
        double pBimodal = DipTest.pValue(DipTest.dip(bimodal), 500, reference);
        assertTrue(pUniform > 0.05, "uniform p = " + pUniform);
        // no reference dip reaches the bimodal one: the smallest p-value 500 simulations can give
        assertEquals(1.0 / 501, pBimodal, 1e-12);
    }
}
