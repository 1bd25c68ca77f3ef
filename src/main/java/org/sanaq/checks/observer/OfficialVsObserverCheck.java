package org.sanaq.checks.observer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.JoiningCheck;
import org.sanaq.compare.ObserverInputs;
import org.sanaq.compare.PairStatistics;
import org.sanaq.compare.ProtocolPairs;
import org.sanaq.results.CheckOutcome;
import org.sanaq.run.SpecException;

/**
 * Official figures against observers' copies of the protocols, METHODS.md §2: copies matched to official
 * protocols in Spark ({@link ProtocolPairs}), differences per field and candidate, the exact sign test of their
 * direction, results recomputed with the observers' figures, coverage, copies that disagree with each other,
 * lower-bound sources, possible misreadings of OCR copies, and claims of unknown coverage shown as claims.
 */
public final class OfficialVsObserverCheck implements JoiningCheck {
    public static final String ID = "official_vs_observer";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("election", "");
        d.put("official_source", "official");
        d.put("inputs", Map.of());
        d.put("low_confidence", 0.9);
        d.put("alpha", 0.01);
        d.put("threshold_pct", 5.0);
        d.put("seats", 0);
        d.put("seat_method", "dhondt");
        d.put("largest", 20);
        d.put("list_cap", 200);
        d.put("scatter_points", 5_000);
        return d;
    }

    @Override
    public void validate(CheckParameters p) throws SpecException {
        p.text("official_source");
        ObserverInputs.parse(p.asMap().get("inputs"), "checks." + ID + ".inputs");
        p.number("low_confidence", 0.0, 1.0);
        p.number("alpha", 0.0, 0.5);
        p.number("threshold_pct", 0.0, 100.0);
        p.number("seats", 0, 100_000);
        p.choice("seat_method", List.of("dhondt", "largest_remainder"));
        p.number("largest", 1, 10_000);
        p.number("list_cap", 1, 100_000);
        p.number("scatter_points", 1, 1_000_000);
    }

    @Override
    public Map<String, List<Map<String, Object>>> compute(Dataset<Row> protocols, CheckContext context) {
        CheckParameters p = context.parameters();
        ObserverInputs inputs = p.validated(q -> ObserverInputs.parse(q.asMap().get("inputs"),
                "checks." + ID + ".inputs"));
        ProtocolPairs matching = new ProtocolPairs(protocols, election(context), p.validated(q ->
                q.text("official_source")), inputs);
        return PairStatistics.compute(matching, p.validated(q -> q.number("low_confidence", 0, 1)),
                (int) p.validated(q -> q.number("largest", 1, 10_000)).doubleValue(),
                (int) p.validated(q -> q.number("list_cap", 1, 100_000)).doubleValue(),
                (int) p.validated(q -> q.number("scatter_points", 1, 1_000_000)).doubleValue());
    }

    @Override
    public CheckOutcome judge(CheckContext context, AggregationResults results) {
        return new ObserverJudge(context.parameters(), context.messages(), election(context), results).outcome();
    }

    /** The election compared: the check's {@code election} parameter, or the job's. */
    private static String election(CheckContext context) {
        Object given = context.parameters().asMap().get("election");
        return given == null || given.toString().isBlank() ? context.election() : given.toString();
    }
}
