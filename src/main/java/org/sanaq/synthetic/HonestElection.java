package org.sanaq.synthetic;

import java.io.Serializable;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The honest election of a spec: each region's mean turnout and support, and each precinct's counts drawn from
 * them. Turnout varies on the logit scale around the regional mean; shares are Dirichlet around the regional
 * shares (around the district's where the spec has districts); voters, ballots and votes are binomial and multinomial counts, so that whole numbers and their digits
 * come out of the arithmetic of counting, not of a formula.
 */
final class HonestElection implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Shares of ballots issued early and outside the station (portable boxes), and of ballots taken away. */
    private static final double EARLY = 0.03;
    private static final double OUTSIDE = 0.06;
    private static final double TAKEN_AWAY = 0.002;
    /** Ballots are delivered in packs of this many: received is registered rounded up to a pack. */
    private static final long PACK = 50;
    /** Streams of a panel's later elections: precinct i's of election e is index i · this + e (e below 10). */
    private static final long PANEL_STRIDE = 10;

    private final SyntheticSpec spec;
    private final double[] regionTurnout;
    private final double[][] regionShares;
    /** Per region and district: the district's logit turnout offset and its support (empty without districts). */
    private final double[][] districtTurnout;
    private final double[][][] districtShares;

    HonestElection(SyntheticSpec spec) {
        this.spec = spec;
        regionTurnout = new double[spec.regions()];
        regionShares = new double[spec.regions()][];
        for (int r = 0; r < spec.regions(); r++) {
            SplittableRandom random = Draws.stream(spec.seed(), r, Draws.Purpose.REGION);
            regionTurnout[r] = Draws.logistic(Draws.logit(spec.turnoutMean())
                    + spec.turnoutRegionSd() * random.nextGaussian());
            regionShares[r] = Draws.dirichlet(random, spec.support(), spec.regionConcentration());
        }
        SyntheticSpec.Districts districts = spec.districts();
        districtTurnout = new double[spec.regions()][districts.perRegion()];
        districtShares = new double[spec.regions()][districts.perRegion()][];
        for (int r = 0; r < spec.regions(); r++) {
            for (int d = 0; d < districts.perRegion(); d++) {
                // a stream of its own per (region, district), so the regions' draws stay those of the spec without
                SplittableRandom random = Draws.stream(spec.seed(), r * 1000L + d, Draws.Purpose.REGION_DISTRICT);
                districtTurnout[r][d] = districts.turnoutSd() * random.nextGaussian();
                districtShares[r][d] = Draws.dirichlet(random, regionShares[r], districts.concentration());
            }
        }
    }

    static String regionName(int region) {
        return String.format("Region %02d", region + 1);
    }

    /** The honest protocol of precinct {@code index} (0-based), a function of the spec's seed and the index. */
    Protocol precinct(long index) {
        return precinct(index, 1);
    }

    /**
     * The honest protocol of precinct {@code index} in election {@code election} (1-based) of the spec's panel:
     * election 1 as without a panel; a later one from election 1's registered voters, turnout and shares changed as
     * {@link SyntheticSpec.Panel} says, with counts from the precinct's own stream of that election.
     */
    Protocol precinct(long index, int election) {
        SplittableRandom r = Draws.stream(spec.seed(), index, Draws.Purpose.HONEST);
        int region = r.nextInt(spec.regions());
        // the district from a stream of its own, so an election without districts draws what it drew before
        int district = spec.districts().any() ? Draws.stream(spec.seed(), index, Draws.Purpose.DISTRICT)
                .nextInt(spec.districts().perRegion()) : Protocol.NO_DISTRICT;
        double offset = district == Protocol.NO_DISTRICT ? 0 : districtTurnout[region][district];
        double[] around = district == Protocol.NO_DISTRICT ? regionShares[region] : districtShares[region][district];
        long registered = registered(r);
        double turnout = Draws.logistic(Draws.logit(regionTurnout[region]) + offset
                + spec.turnoutPrecinctSd() * r.nextGaussian());
        double[][] shares = new double[1][];
        // election 1's shares are drawn after its counts' binomials, in the order of the specs without panels
        Protocol first = counts(r, region, district, registered, turnout,
                () -> shares[0] = Draws.dirichlet(r, around, spec.precinctConcentration()));
        if (election == 1) {
            return first;
        }
        SyntheticSpec.Panel panel = spec.panel();
        SplittableRandom later = Draws.stream(spec.seed(), index * PANEL_STRIDE + election, Draws.Purpose.PANEL);
        long laterRegistered = Math.max(spec.sizeMin(), Math.min(spec.sizeMax(),
                Math.round(registered * Math.exp(panel.sizeChangeSd() * later.nextGaussian()))));
        double laterTurnout = Draws.logistic(Draws.logit(turnout) + panel.turnoutChangeSd() * later.nextGaussian());
        double[] laterShares = Draws.dirichlet(later, shares[0], panel.shareConcentration());
        return counts(later, region, district, laterRegistered, laterTurnout, () -> laterShares);
    }

    /** A protocol's counts drawn from {@code r}: ballots by turnout, then votes by the shares {@code shares} gives. */
    private Protocol counts(SplittableRandom r, int region, int district, long registered, double turnout,
            Supplier<double[]> shares) {
        long issued = Draws.binomial(r, registered, turnout);
        long early = Draws.binomial(r, issued, EARLY);
        long outside = Draws.binomial(r, issued - early, OUTSIDE);
        long inStation = issued - early - outside;
        long received = (registered + PACK - 1) / PACK * PACK;
        long taken = Draws.binomial(r, early + inStation, TAKEN_AWAY);
        long stationary = early + inStation - taken;
        long inBoxes = outside + stationary;
        long invalid = Draws.binomial(r, inBoxes, spec.invalidRate());
        long valid = inBoxes - invalid;
        double[] drawn = shares.get();
        long[] counts = new long[Protocol.COUNTS.size()];
        counts[Protocol.REGISTERED] = registered;
        counts[Protocol.RECEIVED] = received;
        counts[Protocol.EARLY] = early;
        counts[Protocol.IN_STATION] = inStation;
        counts[Protocol.OUTSIDE] = outside;
        counts[Protocol.CANCELLED] = received - issued;
        counts[Protocol.PORTABLE] = outside;
        counts[Protocol.STATIONARY] = stationary;
        counts[Protocol.INVALID] = invalid;
        counts[Protocol.VALID] = valid;
        return new Protocol(region, district, counts, Draws.multinomial(r, valid, drawn));
    }

    /**
     * Registered voters: log-normal, or with the probability of the spec's small share from the small precincts'
     * log-normal; clipped to the spec's bounds. Without small precincts no draw chooses the part, so the specs
     * written before the mixture give the same elections.
     */
    private long registered(SplittableRandom r) {
        SyntheticSpec.SmallPrecincts small = spec.smallPrecincts();
        boolean isSmall = small.share() > 0 && r.nextDouble() < small.share();
        double median = isSmall ? small.median() : spec.sizeMedian();
        double sigma = isSmall ? small.sigma() : spec.sizeSigma();
        return Math.max(spec.sizeMin(), Math.min(spec.sizeMax(), Math.round(median * Math.exp(sigma
                * r.nextGaussian()))));
    }
}
