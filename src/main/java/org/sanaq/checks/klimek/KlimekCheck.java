package org.sanaq.checks.klimek;

import java.util.List;

import org.sanaq.checks.Check;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.Plan;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.checks.SpecialStations;
import org.sanaq.results.CheckOutcome;

/**
 * Klimek's fraud model fitted to the election fingerprint, after Klimek, Yegorov, Hanel and Thurner (Statistical
 * detection of systematic election irregularities, PNAS 109(41), 2012), with sanaq's choices where the paper could
 * not be checked: honest turnout and leader's share normal and independent, their parameters from the left half of
 * each voter-weighted marginal ({@link HonestEstimate}); a fraction fi of precincts with incremental fraud and fe
 * with extreme fraud, of intensity x as the synthetic generator plants it ({@link FraudTransform}, α and σx fixed
 * job parameters); fi and fe by exact constrained least squares between the voter-weighted 200 × 200 map and the
 * model's ({@link MixtureFit}), nationally and for the regions shown; percentile intervals from a Poisson bootstrap
 * of precincts on the aggregate ({@link KlimekBootstrap}). The map is folded in the shared pass ({@link KlimekFold}),
 * the fit is plain Java in the judge ({@link KlimekJudge}).
 */
public final class KlimekCheck implements Check<KlimekResults> {
    public static final String ID = "klimek";

    static final Parameter<Long> REGIONS_SHOWN = Parameter.whole("regions_shown", 6, 0, 100);
    static final Parameter<Double> ALPHA = Parameter.number("alpha", 2, 0.1, 10);
    static final Parameter<Double> SIGMA_X = Parameter.number("sigma_x", 0.075, 0.005, 0.5);
    static final Parameter<Long> BOOTSTRAP = Parameter.whole("bootstrap", 200, 20, 10_000);
    static final Parameter<Double> CONFIDENCE = Parameter.number("confidence", 0.95, 0.5, 0.999);
    static final Parameter<Long> SEED = Parameter.whole("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    static final Parameter<Double> FLAG_FI = Parameter.number("flag_fi", 0.05, 0, 1);
    static final Parameter<Double> FLAG_FE = Parameter.number("flag_fe", 0.005, 0, 1);
    static final Parameter<Long> MIN_PRECINCTS = Parameter.whole("min_precincts", 100, 1, 1_000_000);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PrecinctFigures.SOURCE, SpecialStations.PARAMETER, REGIONS_SHOWN, ALPHA, SIGMA_X, BOOTSTRAP,
                CONFIDENCE, SEED, FLAG_FI, FLAG_FE, MIN_PRECINCTS);
    }

    @Override
    public Plan<KlimekResults> plan(CheckContext context, ElectionFacts facts) {
        ElectionFacts.OfSource known = PrecinctFigures.facts(context, facts);
        SpecialStations specialStations = SpecialStations.of(context.parameters());
        ElectionFacts.Stations read = known.stations(specialStations);
        List<String> shown = read.largestRegions(context.parameters().get(REGIONS_SHOWN).intValue());
        KlimekFold fold = new KlimekFold(PrecinctFigures.of(context, read.leader()), shown);
        return new Plan.Folded<>(fold, parts -> KlimekResults.of(read.leader(),
                new SpecialStations.Count(specialStations, known.special()), shown, parts));
    }

    @Override
    public CheckOutcome judge(CheckContext context, KlimekResults results) {
        return new KlimekJudge(context, results).outcome();
    }
}
