package org.sanaq.checks.roundpct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sanaq.checks.Check;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.GroupLimit;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.Plan;
import org.sanaq.checks.PublishedRounding;
import org.sanaq.results.CheckOutcome;

/**
 * The round-percentage ("repeating decimals") check of METHODS.md §6, after Kireev's observation on the 2023
 * Kazakh results: in every table above the precinct, how many figures are the integer nearest to base × a round
 * percentage, against the number honest counting gives (an exact Poisson-binomial tail), at 0, 1 and 2 decimals
 * of a percent. Whether each published percentage matches its own counts is marked per cell; the finding is
 * the protocol_integrity check's. Only published tables are tested: totals the job summed itself ({@code aggregate})
 * are counted and named as not tested, and a total that merely sums round figures of the level below is labelled
 * so ({@link RoundSums}), not "not round".
 */
public final class RoundPercentageCheck implements Check<Map<Unit, UnitFigures>> {
    public static final String ID = "round_percentages";
    /** Tables above the precinct hold at most this many units; more means precinct data was mislabelled. */
    private static final int MAX_UNITS = 200_000;
    /** Units × candidates that may reach the driver: a district table of a large country with many parties. */
    private static final int MAX_CELLS = 2_000_000;

    @Override
    public String id() {
        return ID;
    }

    static final Parameter<List<Integer>> PRECISIONS = Parameter.integers("precisions", List.of(0, 1, 2), 0, 2);
    static final Parameter<Double> MAX_CELL_PROBABILITY = Parameter.number("max_cell_probability", 0.2, 0, 1);
    static final Parameter<Double> ALPHA = Parameter.number("alpha", 0.01, 0, 0.5);
    static final Parameter<String> SOURCE = Parameter.text("source", "official");

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PRECISIONS, MAX_CELL_PROBABILITY, ALPHA, SOURCE, PublishedRounding.PARAMETER);
    }

    @Override
    public Plan<Map<Unit, UnitFigures>> plan(CheckContext context, ElectionFacts facts) {
        return new Plan.Folded<>(new UnitFold(context.election(), context.parameters().get(SOURCE),
                context.conventions()), RoundPercentageCheck::bounded);
    }

    /** The units, refused when more than a table above the precinct can hold (units, and units × candidates). */
    private static Map<Unit, UnitFigures> bounded(Map<Unit, UnitFigures> units) {
        GroupLimit.require(units.size(), MAX_UNITS, ID + ": units (level, region, district)");
        GroupLimit.require(units.values().stream().mapToLong(u -> u.candidates().size()).sum(), MAX_CELLS,
                ID + ": units × candidates");
        return units;
    }

    @Override
    public CheckOutcome judge(CheckContext context, Map<Unit, UnitFigures> units) {
        List<String> skipped = new ArrayList<>();
        List<Unit> derived = new ArrayList<>();
        List<Cell> cells = CellReader.cells(units, skipped, derived);
        return new RoundPercentageJudge(context.parameters(), context.messages(), cells, skipped, derived).outcome();
    }
}
