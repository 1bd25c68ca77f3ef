package org.sanaq.checks.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sanaq.checks.Check;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.Plan;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.checks.SpecialStations;
import org.sanaq.checks.neighbours.UnitScores;
import org.sanaq.results.CheckOutcome;
import org.sanaq.run.SpecException;

/**
 * The same precincts across elections (DESIGN19 §3, README "The same precincts across elections"): the precincts
 * of two elections that the job names, earlier first, are matched by their identifiers ({@code match_on}, the
 * earlier election's regions renamed by {@code region_aliases}), ambiguous keys and keys whose registered voters
 * jump set aside ({@link PanelSides}); the match rate is reported nationally and per region. Each matched
 * precinct's changes of turnout and of the leader's share, on the variance-stabilised scale with their binomial
 * noise ({@link PanelChange}), are scored against the changes of the other precincts of its unit in the later
 * election (leave-one-out median and MAD, as the neighbour comparison scores levels: {@link UnitScores}), and the
 * number of large jumps is set against random groupings of the same precincts within each region (the placebo).
 * A job that names fewer than two elections gets one inconclusive finding: it needs two.
 */
public final class PanelCheck implements Check<PanelResults> {
    public static final String ID = "panel";
    /** The identifiers a key may be made of. */
    private static final List<String> IDENTIFIERS = List.of("region", "district", "precinct");

    static final Parameter<List<String>> ELECTIONS = Parameter.texts("elections", List.of());
    static final Parameter<List<String>> MATCH_ON = Parameter.texts("match_on", List.of("region", "precinct"));
    static final Parameter<Map<String, String>> REGION_ALIASES = Parameter.textMap("region_aliases", Map.of());
    static final Parameter<Double> MAX_SIZE_CHANGE = Parameter.number("max_size_change", 0.5, 0, 1);
    static final Parameter<Map<String, String>> LEADERS = Parameter.textMap("leaders", Map.of());
    static final Parameter<String> UNIT = Parameter.choice("unit", "district", List.of("district", "region"));
    static final Parameter<Double> THRESHOLD = Parameter.number("threshold", 4, 2, 20);
    static final Parameter<Long> MIN_NEIGHBOURS = Parameter.whole("min_neighbours", 5, 1, 1000);
    static final Parameter<Long> MAX_UNIT = Parameter.whole("max_unit", 5000, 10, 1_000_000);
    static final Parameter<Long> PLACEBO_GROUPINGS = Parameter.whole("placebo_groupings", 20, 5, 1000);
    static final Parameter<Long> SEED = Parameter.whole("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    static final Parameter<Long> LIST = Parameter.whole("list", 50, 1, 1000);
    static final Parameter<Double> ALPHA = Parameter.number("alpha", 0.01, 0, 0.5);
    static final Parameter<Long> MIN_OUTLIERS = Parameter.whole("min_outliers", 10, 1, 1_000_000);
    static final Parameter<Long> MIN_OUTLIERS_REGION = Parameter.whole("min_outliers_region", 3, 1, 1_000_000);
    static final Parameter<Double> MIN_MATCH_RATE = Parameter.number("min_match_rate", 0.5, 0, 1);
    static final Parameter<Long> REGIONS_SHOWN = Parameter.whole("regions_shown", 6, 0, 100);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(ELECTIONS, PrecinctFigures.SOURCE, SpecialStations.PARAMETER, MATCH_ON, REGION_ALIASES,
                MAX_SIZE_CHANGE, LEADERS, UNIT, THRESHOLD, MIN_NEIGHBOURS, MAX_UNIT, PLACEBO_GROUPINGS, SEED, LIST,
                ALPHA, MIN_OUTLIERS, MIN_OUTLIERS_REGION, MIN_MATCH_RATE, REGIONS_SHOWN);
    }

    /**
     * Beside each parameter's own rule: at most two elections (one pair; more pairs are not built yet), and keys made
     * of known identifiers that include the precinct's number.
     */
    @Override
    public void validate(CheckParameters parameters) throws SpecException {
        Check.super.validate(parameters);
        String path = "checks." + ID + ".";
        if (parameters.get(ELECTIONS).size() > 2) {
            throw new SpecException(path + "elections: must name two elections, the earlier first (or none), not "
                    + parameters.get(ELECTIONS).size());
        }
        List<String> matchOn = parameters.get(MATCH_ON);
        if (!IDENTIFIERS.containsAll(matchOn) || !matchOn.contains("precinct")) {
            throw new SpecException(path + "match_on: must be some of " + IDENTIFIERS + " with precinct among them, "
                    + "not " + matchOn);
        }
    }

    @Override
    public Plan<PanelResults> plan(CheckContext context, ElectionFacts facts) {
        CheckParameters p = context.parameters();
        List<String> elections = p.get(ELECTIONS);
        String source = p.get(PrecinctFigures.SOURCE);
        SpecialStations special = SpecialStations.of(p);
        List<String> missing = new ArrayList<>();
        List<ElectionFacts.Stations> stations = new ArrayList<>();
        for (String election : elections) {
            ElectionFacts.Stations s = facts.of(election, source).stations(special);
            stations.add(s);
            if (s.figures() == 0) {
                missing.add(election);
            }
        }
        if (elections.size() < 2 || !missing.isEmpty()) {
            return new Plan.Joined<>(protocols -> PanelResults.notComputed(elections, missing));
        }
        PanelSides.Rules rules = new PanelSides.Rules(elections.get(0), elections.get(1), source, special,
                context.conventions(), p.get(MATCH_ON), p.get(REGION_ALIASES), p.get(MAX_SIZE_CHANGE));
        Map<String, String> leaders = p.get(LEADERS);
        PanelStatistics.Settings settings = new PanelStatistics.Settings(
                leaders.getOrDefault(elections.get(0), stations.get(0).leader()),
                leaders.getOrDefault(elections.get(1), stations.get(1).leader()), p.get(UNIT).equals("region"),
                stations.get(1).largestRegions(p.get(REGIONS_SHOWN).intValue()), scoreSettings(p));
        return new Plan.Joined<>(protocols -> PanelStatistics.compute(protocols, rules, settings,
                context.contentKeys()));
    }

    private static UnitScores.Settings scoreSettings(CheckParameters p) {
        return new UnitScores.Settings(p.get(THRESHOLD), p.get(MIN_NEIGHBOURS).intValue(), p.get(MAX_UNIT).intValue(),
                p.get(PLACEBO_GROUPINGS).intValue(), p.get(SEED), p.get(LIST).intValue());
    }

    @Override
    public CheckOutcome judge(CheckContext context, PanelResults results) {
        return new PanelJudge(context, results).outcome();
    }
}
