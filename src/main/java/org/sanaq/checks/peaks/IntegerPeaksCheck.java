package org.sanaq.checks.peaks;

import java.util.List;

import org.sanaq.checks.Check;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.Plan;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.checks.SpecialStations;
import org.sanaq.results.CheckOutcome;

/**
 * Integer-percentage peaks, METHODS.md §5 (Kobak, Shpilkin &amp; Pshenichnikov 2016): how many precincts report a
 * leader's result or a turnout within 0.05 of a whole percent, against two nulls built from the same binomial
 * redraws, L* ~ Binomial(R, L/R) and G* ~ Binomial(V, G/V): the exact one (each precinct's probability of landing
 * on an integer summed over precincts, normal tail) and the Monte Carlo one (seeded replicates spread over the
 * cluster). Both are folded in the run's shared pass ({@link PeakFold}, {@link PeakTally}); only fixed-size tallies
 * reach the driver. The Monte Carlo is skipped, and the exact null is the headline, when precincts × replicates × 2
 * draws exceed {@code max_monte_carlo_draws}. That is decided before the pass, so "precincts" are those the first
 * pass counted ({@link ElectionFacts.Stations#figures}: V, G and R reported, among the stations the check reads),
 * an upper bound of the included ones: the budget is never exceeded, and an election just under it may do without
 * the Monte Carlo. Stations marked special are left out unless {@code special_stations: include}
 * ({@link SpecialStations}).
 */
public final class IntegerPeaksCheck implements Check<PeakResults> {
    public static final String ID = "integer_peaks";

    @Override
    public String id() {
        return ID;
    }

    static final Parameter<Long> MIN_REGISTERED = Parameter.whole("min_registered", 100, 1, 1_000_000_000);
    static final Parameter<Long> MAX_TURNOUT_PCT = Parameter.whole("max_turnout_pct", 99, 1, 100);
    static final Parameter<Long> MAX_RESULT_PCT = Parameter.whole("max_result_pct", 99, 1, 100);
    static final Parameter<Long> REPLICATES = Parameter.whole("replicates", 1000, 0, 100_000);
    static final Parameter<Long> SEED = Parameter.whole("seed", 20160101, Long.MIN_VALUE, Long.MAX_VALUE);
    static final Parameter<Double> MAX_MONTE_CARLO_DRAWS = Parameter.number("max_monte_carlo_draws", 2.5e8, 0, 1e15);
    static final Parameter<Double> ALPHA = Parameter.number("alpha", 0.001, 0, 0.5);

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PrecinctFigures.SOURCE, MIN_REGISTERED, MAX_TURNOUT_PCT, MAX_RESULT_PCT, REPLICATES, SEED,
                MAX_MONTE_CARLO_DRAWS, ALPHA, SpecialStations.PARAMETER);
    }

    @Override
    public Plan<PeakResults> plan(CheckContext context, ElectionFacts facts) {
        CheckParameters p = context.parameters();
        ElectionFacts.OfSource known = PrecinctFigures.facts(context, facts);
        SpecialStations specialStations = SpecialStations.of(p);
        ElectionFacts.Stations read = known.stations(specialStations);
        int asked = p.get(REPLICATES).intValue();
        int replicates = 2.0 * read.figures() * asked <= p.get(MAX_MONTE_CARLO_DRAWS) ? asked : 0;
        PeakFold.Inclusion inclusion = new PeakFold.Inclusion(p.get(MIN_REGISTERED), p.get(MAX_TURNOUT_PCT),
                p.get(MAX_RESULT_PCT));
        return Plan.whole(new PeakFold(PrecinctFigures.of(context, read.leader()), inclusion, replicates,
                p.get(SEED), new SpecialStations.Count(specialStations, known.special())));
    }

    @Override
    public CheckOutcome judge(CheckContext context, PeakResults results) {
        return new IntegerPeaksJudge(context, results).outcome();
    }
}
