package org.sanaq.checks.digits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.checks.AggregationResults;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.CheckParameters;
import org.sanaq.checks.JoiningCheck;
import org.sanaq.results.CheckOutcome;
import org.sanaq.run.SpecException;

/**
 * The digit and distribution tests of METHODS.md §3, named as the Election Forensics Toolkit (Mebane and Kalinin)
 * names them so that results can be set beside its own: 2BL, LastC, C05s, P05s, Skew, Kurt, DipT, Sobyanin, Obs,
 * first-digit Benford (chi-square and Nigrini's MAD, never flagging), the second-digit chi-square, and Beber and
 * Scacco's last-digit chi-square with repeated and adjacent last-two digits. For the turnout row (counts = ballots,
 * p = turnout) and each candidate (counts = votes, p = share), nationally and per unit of the chosen level, over
 * precinct protocols; stations marked {@code special} are left out and counted.
 *
 * <p>Issue 6 made the tests honest at the size of national elections (see {@link DigitStatistic}): 2BL and the
 * second-digit chi-square are descriptive; LastC, C05s and the last-digit chi-square are tested against a
 * size-aware expectation ({@link LastDigitLaw}); the last-two-digit pairs use counts ≥ 100; the dip is taken on
 * jittered proportions ({@link UnitSummary}); P05s uses bases of at least {@code min_percent_base} (default 100: a
 * precinct of 20 ballots can only show multiples of 5 %). Every bootstrap redraws bounded histograms
 * ({@link RowStatistics}), so the cost per (unit, row) does not grow with the number of precincts.
 *
 * <p>One Spark pass ({@link DigitPass}) builds bounded summaries; the driver receives per-(unit, row) statistics
 * and bootstrap intervals. {@link DigitJudge} adds the dip's p-value, Benjamini–Hochberg over the whole table and
 * the flags.
 */
public final class DigitTestsCheck implements JoiningCheck {
    public static final String ID = "digit_tests";
    static final String ROWS = ID + ".rows";
    private static final List<String> LEVELS = List.of("region", "district");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", "official");
        d.put("level", "region");
        d.put("alpha", 0.01);
        d.put("confidence", 0.95);
        d.put("replicates", 1_000);
        d.put("seed", 20231);
        d.put("dip_simulations", 1_000);
        d.put("min_count", 50);
        d.put("min_percent_base", 100);
        d.put("charted_units", 3);
        d.put("max_rows", 200_000);
        return d;
    }

    @Override
    public void validate(CheckParameters p) throws SpecException {
        p.text("source");
        p.choice("level", LEVELS);
        p.number("alpha", 0.0, 0.5);
        p.number("confidence", 0.5, 0.999);
        p.number("replicates", 100, 100_000);
        p.number("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        p.number("dip_simulations", 100, 100_000);
        p.number("min_count", 1, 1_000_000);
        p.number("min_percent_base", 1, 1_000_000);
        p.number("charted_units", 0, 100);
        p.number("max_rows", 1, 10_000_000);
    }

    @Override
    public Map<String, List<Map<String, Object>>> compute(Dataset<Row> protocols, CheckContext context) {
        CheckParameters p = context.parameters();
        DigitPass.Settings settings = new DigitPass.Settings(context.election(), p.validated(q -> q.text("source")),
                p.validated(q -> q.choice("level", LEVELS)),
                whole(p, "replicates"), p.validated(q -> q.number("confidence", 0.5, 0.999)),
                p.validated(q -> q.number("seed", Long.MIN_VALUE, Long.MAX_VALUE)).longValue(),
                whole(p, "max_rows"), whole(p, "min_percent_base"));
        return Map.of(ROWS, DigitPass.run(protocols, context.conventions(), settings));
    }

    @Override
    public CheckOutcome judge(CheckContext context, AggregationResults results) {
        return new DigitJudge(context, results.rows(ROWS)).outcome();
    }

    static int whole(CheckParameters p, String key) {
        return p.validated(q -> q.number(key, 0, Integer.MAX_VALUE)).intValue();
    }
}
