package org.sanaq.checks.observer;

import java.util.List;
import java.util.Map;

import org.sanaq.checks.Check;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.Plan;
import org.sanaq.compare.ObserverInputs;
import org.sanaq.compare.PairLists;
import org.sanaq.compare.PairStatistics;
import org.sanaq.compare.ProtocolPairs;
import org.sanaq.results.CheckOutcome;

/**
 * Official figures against second sources, METHODS.md §2 and README "Second sources": observers' copies of the
 * signed protocols, machine (OCR) readings of protocol photos, platform counts of their own users (a lower bound)
 * and claims of unknown coverage, each named by its {@link org.sanaq.schema.SourceKind}. Copies are matched to
 * official protocols in one Spark join ({@link ProtocolPairs}) folded in one pass ({@link PairStatistics}):
 * differences per field, further protocol line and candidate; reading errors of readings
 * ({@link org.sanaq.compare.ReadingErrors}) set aside before the exact sign test of the differences' direction,
 * whose pattern across parties by size tells misreading from bias ({@link DirectionBySize}); results recomputed
 * with the copies' figures; coverage; copies that disagree with each other; every station where a platform counts
 * more than the official protocol; claims shown as claims.
 */
public final class OfficialVsObserverCheck implements Check<PairStatistics> {
    public static final String ID = "official_vs_observer";

    @Override
    public String id() {
        return ID;
    }

    /** The election compared; blank for the job's own. */
    static final Parameter<String> ELECTION = Parameter.of("election", "", p -> p.optionalText("election"));
    static final Parameter<String> OFFICIAL_SOURCE = Parameter.text("official_source", "official");
    static final Parameter<ObserverInputs> INPUTS = Parameter.of("inputs", Map.of(),
            p -> ObserverInputs.parse(p.asMap().get("inputs"), "checks." + ID + ".inputs"));
    static final Parameter<Double> LOW_CONFIDENCE = Parameter.number("low_confidence", 0.9, 0, 1);
    static final Parameter<Double> ALPHA = Parameter.number("alpha", 0.01, 0, 0.5);
    static final Parameter<Double> THRESHOLD_PCT = Parameter.number("threshold_pct", 5.0, 0, 100);
    static final Parameter<Long> SEATS = Parameter.whole("seats", 0, 0, 100_000);
    static final Parameter<String> SEAT_METHOD = Parameter.choice("seat_method", "dhondt",
            List.of("dhondt", "largest_remainder"));
    static final Parameter<Long> LARGEST = Parameter.whole("largest", 20, 1, 10_000);
    static final Parameter<Long> LIST_CAP = Parameter.whole("list_cap", 200, 1, 100_000);
    static final Parameter<Long> SCATTER_POINTS = Parameter.whole("scatter_points", 5_000, 1, 1_000_000);
    /** The smallest excess of a platform's count over the official one that flags a station. */
    static final Parameter<Long> MIN_EXCESS = Parameter.whole("min_excess", 1, 1, 1_000_000);
    /** How many (station, candidate) excesses of a platform the table lists; the count is always whole. */
    static final Parameter<Long> EXCESS_LIST = Parameter.whole("excess_list", 100_000, 1, 10_000_000);

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(ELECTION, OFFICIAL_SOURCE, INPUTS, LOW_CONFIDENCE, ALPHA, THRESHOLD_PCT, SEATS, SEAT_METHOD,
                LARGEST, LIST_CAP, SCATTER_POINTS, MIN_EXCESS, EXCESS_LIST);
    }

    @Override
    public Plan<PairStatistics> plan(CheckContext context, ElectionFacts facts) {
        CheckParameters p = context.parameters();
        String election = election(context);
        return new Plan.Joined<>(protocols -> PairStatistics.compute(protocols, election, p.get(OFFICIAL_SOURCE),
                p.get(INPUTS), p.get(LOW_CONFIDENCE), new PairLists.Caps(p.get(LARGEST).intValue(),
                        p.get(LIST_CAP).intValue(), p.get(SCATTER_POINTS).intValue(), p.get(EXCESS_LIST).intValue(),
                        p.get(MIN_EXCESS))));
    }

    @Override
    public CheckOutcome judge(CheckContext context, PairStatistics results) {
        return new ObserverJudge(context.parameters(), context.messages(), election(context), results).outcome();
    }

    /** The election compared: the check's {@code election} parameter, or the job's. */
    private static String election(CheckContext context) {
        String given = context.parameters().get(ELECTION);
        return given.isBlank() ? context.election() : given;
    }
}
