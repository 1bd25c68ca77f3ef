package org.sanaq.checks.peaks;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.JoiningCheck;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.results.CheckOutcome;

/**
 * Integer-percentage peaks, METHODS.md §5 (Kobak, Shpilkin &amp; Pshenichnikov 2016): how many precincts report a
 * leader's result or a turnout within 0.05 of a whole percent, against two nulls built from the same binomial
 * redraws, L* ~ Binomial(R, L/R) and G* ~ Binomial(V, G/V): the exact one (each precinct's probability of landing
 * on an integer summed over precincts, normal tail) and the Monte Carlo one (seeded replicates spread over the
 * cluster). Both are computed in one Spark pass ({@link PeakTally}); only fixed-size tallies reach the driver.
 * The Monte Carlo is skipped, and the exact null is the headline, when precincts × replicates × 2 draws exceed
 * {@code max_monte_carlo_draws}.
 */
public final class IntegerPeaksCheck implements JoiningCheck {
    public static final String ID = "integer_peaks";
    static final String TALLY = ID + ".tally";

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
                MAX_MONTE_CARLO_DRAWS, ALPHA);
    }

    @Override
    public Map<String, List<Map<String, Object>>> compute(Dataset<Row> protocols, CheckContext context) {
        CheckParameters p = context.parameters();
        PrecinctFigures figures = PrecinctFigures.of(protocols, context);
        Map<String, Object> summary = figures.summary();
        if (figures.leader() == null) {
            return Map.of(TALLY, List.of(summary));
        }
        long maxTurnout = p.get(MAX_TURNOUT_PCT);
        long maxResult = p.get(MAX_RESULT_PCT);
        Dataset<Row> included = figures.rows()
                .filter(col(PrecinctFigures.R).gt(0)
                        .and(col(PrecinctFigures.V).geq(p.get(MIN_REGISTERED)))
                        .and(col(PrecinctFigures.G).geq(0)).and(col(PrecinctFigures.L).geq(0))
                        // G/V ≤ max % and L/R ≤ max %, in whole numbers so that the bounds are exact
                        .and(col(PrecinctFigures.G).multiply(100).leq(col(PrecinctFigures.V).multiply(maxTurnout)))
                        .and(col(PrecinctFigures.L).multiply(100).leq(col(PrecinctFigures.R).multiply(maxResult))))
                .select(PrecinctFigures.KEY, PrecinctFigures.V, PrecinctFigures.G, PrecinctFigures.R,
                        PrecinctFigures.L);
        included = included.persist(StorageLevel.MEMORY_AND_DISK());
        long precincts = included.count();
        int asked = p.get(REPLICATES).intValue();
        int replicates = 2.0 * precincts * asked <= p.get(MAX_MONTE_CARLO_DRAWS) ? asked : 0;
        long seed = p.get(SEED);
        FlatMapFunction<java.util.Iterator<Row>, PeakTally> tallyPartition = rows -> {
            PeakTally tally = new PeakTally(replicates, seed);
            while (rows.hasNext()) {
                Row r = rows.next();
                tally.add(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
            }
            return List.of(tally).iterator();
        };
        PeakTally tally = included.javaRDD().mapPartitions(tallyPartition)
                .fold(new PeakTally(replicates, seed), PeakTally::merge);
        included.unpersist();
        summary.put("replicates_asked", asked);
        summary.put("tally", tally);
        return Map.of(TALLY, List.of(summary));
    }

    @Override
    public CheckOutcome judge(CheckContext context, AggregationResults results) {
        return new IntegerPeaksJudge(context, results.rows(TALLY).get(0)).outcome();
    }
}
