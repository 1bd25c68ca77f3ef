package org.sanaq.checks.fingerprint;

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
 * The election fingerprint, METHODS.md §4: the voter-weighted 2-D histogram of turnout against the leader's share
 * (0.5 % bins, nationally and for the regions with most voters), turnout and share histograms at 1 % and 0.1 %,
 * the voter-weighted correlation of turnout and share, and excess leader votes by Shpilkin's method
 * ({@link ShpilkinExcess}), nationally and per region. All bins are folded in the run's shared pass with
 * whole-number arithmetic (bin = ⌊n·G/V⌋, {@link FingerprintFold}), so only bounded grids reach the driver: at most
 * 200 × 200 cells per map, 101 turnout bins per region. The leader, the special stations and the regions shown
 * (most voters, ties in name order) come from the run's first pass ({@link ElectionFacts}), over the stations the
 * check reads: those marked special are left out unless {@code special_stations: include} ({@link SpecialStations}).
 */
public final class FingerprintCheck implements Check<FingerprintResults> {
    public static final String ID = "fingerprint";

    @Override
    public String id() {
        return ID;
    }

    static final Parameter<Long> REGIONS_SHOWN = Parameter.whole("regions_shown", 6, 0, 100);
    static final Parameter<Double> FLAG_EXCESS_SHARE = Parameter.number("flag_excess_share", 0.1, 0, 1);

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PrecinctFigures.SOURCE, REGIONS_SHOWN, FLAG_EXCESS_SHARE, SpecialStations.PARAMETER);
    }

    @Override
    public Plan<FingerprintResults> plan(CheckContext context, ElectionFacts facts) {
        ElectionFacts.OfSource known = PrecinctFigures.facts(context, facts);
        SpecialStations specialStations = SpecialStations.of(context.parameters());
        ElectionFacts.Stations read = known.stations(specialStations);
        List<String> shown = read.largestRegions(context.parameters().get(REGIONS_SHOWN).intValue());
        FingerprintFold fold = new FingerprintFold(PrecinctFigures.of(context, read.leader()), shown);
        return new Plan.Folded<>(fold, parts -> FingerprintResults.of(read.leader(),
                new SpecialStations.Count(specialStations, known.special()), shown, parts));
    }

    @Override
    public CheckOutcome judge(CheckContext context, FingerprintResults results) {
        return new FingerprintJudge(context, results).outcome();
    }
}
