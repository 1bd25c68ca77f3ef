package org.sanaq.checks.klimek;

/**
 * One scope's fraud-model fit ({@link KlimekModel#estimate}): the precincts and voters fitted, the honest parameters
 * (null when a marginal had no honest spread, and then every figure below is NaN), the fractions with incremental
 * (fi) and extreme (fe) fraud with their bootstrap intervals, the fit's distance and the honest model's, the share
 * of the latter that fraud explains, and the leader's votes the fitted fraud adds.
 */
public record KlimekEstimate(long precincts, long voters, long leaderVotes, HonestParameters honest, double fi,
        double fiLow, double fiHigh, double fe, double feLow, double feHigh, double distance, double distanceHonest,
        double explained, double fraudVotes) {

    static KlimekEstimate noSpread(CellSizes sizes) {
        double nan = Double.NaN;
        return new KlimekEstimate(sizes.precincts(), sizes.voters(), sizes.leaderVotes(), null, nan, nan, nan, nan,
                nan, nan, nan, nan, nan, nan);
    }

    /**
     * Whether fraud is beyond chance and the thresholds: fi's interval above {@code flagFi} or fe's above {@code flagFe}.
     */
    public boolean flags(double flagFi, double flagFe) {
        return honest != null && (fiLow > flagFi || feLow > flagFe);
    }

    /**
     * Whether the fit puts at least {@code bound} of the precincts in fraud: then the bulk of the map lies off the
     * honest cloud the model assumes, and the fit spends the whole mixture on fraud to draw a cloud that is merely
     * skewed or wide.
     */
    public boolean atBound(double bound) {
        return honest != null && fi + fe >= bound;
    }
}
