package org.sanaq.checks.klimek;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The fraud-model fit of one (α, σx), after Klimek et al. (PNAS 2012): its {@link FraudKernel} is computed once,
 * then each scope's voter-weighted map is fitted ({@link #estimate}): honest parameters by {@link HonestEstimate},
 * fractions fi and fe by {@link MixtureFit}, and percentile intervals from a Poisson bootstrap of the precincts
 * ({@link KlimekBootstrap}) in which every replicate re-estimates the honest parameters and refits, so that the
 * intervals carry the honest estimate's uncertainty too. A replicate whose map has no honest spread keeps the point
 * fit's honest parameters.
 */
public final class KlimekModel {
    private final FraudKernel kernel;

    public KlimekModel(double alpha, double sigmaX) {
        this.kernel = new FraudKernel(alpha, sigmaX);
    }

    public double alpha() {
        return kernel.alpha;
    }

    public double sigmaX() {
        return kernel.sigmaX;
    }

    /** How the intervals are drawn: replicates, confidence (0.95: 2.5th to 97.5th percentile) and the job's seed. */
    public record Bootstrap(int replicates, double confidence, long seed) {
    }

    /** The point fit of one map: its honest parameters, model maps and fractions; null without honest spread. */
    record PointFit(HonestParameters honest, ModelMaps maps, MixtureFit fit) {
        /** The leader's votes fraud added, for {@code voters} registered voters. */
        double fraudVotes(double voters) {
            return voters * (fit.fi() * maps.incrementalGain() + fit.fe() * maps.extremeGain());
        }
    }

    /** The point fit of a map of voters per cell, or null when a marginal has no honest spread. */
    PointFit fit(double[] voters) {
        HonestParameters honest = HonestEstimate.of(voters);
        return honest == null ? null : fit(voters, honest);
    }

    private PointFit fit(double[] voters, HonestParameters honest) {
        ModelMaps maps = ModelMaps.of(kernel, honest);
        return new PointFit(honest, maps, MixtureFit.of(shares(voters), maps));
    }

    /** One scope's fit with its bootstrap intervals; {@code scope} names the scope's random streams. */
    public KlimekEstimate estimate(CellSizes sizes, Bootstrap bootstrap, String scope) {
        CellSizes.Sorted sorted = sizes.sorted();
        PointFit point = fit(sorted.map());
        if (point == null) {
            return KlimekEstimate.noSpread(sizes);
        }
        double[] fi = new double[bootstrap.replicates()];
        double[] fe = new double[bootstrap.replicates()];
        for (int b = 0; b < fi.length; b++) {
            double[] replicate = KlimekBootstrap.replicate(sorted, KlimekBootstrap.random(bootstrap.seed(), scope, b));
            HonestParameters honest = HonestEstimate.of(replicate);
            MixtureFit fit = fit(replicate, honest == null ? point.honest() : honest).fit();
            fi[b] = fit.fi();
            fe[b] = fit.fe();
        }
        Arrays.sort(fi);
        Arrays.sort(fe);
        double tail = (1 - bootstrap.confidence()) / 2;
        MixtureFit f = point.fit();
        return new KlimekEstimate(sizes.precincts(), sizes.voters(), sizes.leaderVotes(), point.honest(), f.fi(),
                KlimekBootstrap.quantile(fi, tail), KlimekBootstrap.quantile(fi, 1 - tail), f.fe(),
                KlimekBootstrap.quantile(fe, tail), KlimekBootstrap.quantile(fe, 1 - tail), f.distance(),
                f.distanceHonest(), f.explained(), point.fraudVotes(sizes.voters()));
    }

    /** A map of weights as shares summing to 1 (all zeros stay zeros). */
    static double[] shares(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] out = new double[weights.length];
        for (int c = 0; c < out.length && total > 0; c++) {
            out[c] = weights[c] / total;
        }
        return out;
    }
}
