package org.sanaq.checks.peaks;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.Plan;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.checks.ProtocolFold;
import org.sanaq.checks.SpecialStations;

/**
 * The integer-peak check's fold: the included precincts of METHODS.md §5 tallied into one {@link PeakTally}, handed
 * to the judge with the leader and the special stations that the run's first pass found.
 *
 * @param figures the election's precincts, the leader's votes as L
 * @param inclusion which of them are included
 * @param replicates the Monte Carlo replicates to draw (0: none)
 * @param special the precincts marked special, left out or included
 */
record PeakFold(PrecinctFigures figures, Inclusion inclusion, int replicates, long seed, SpecialStations.Count special)
        implements ProtocolFold<Plan.Whole, PeakTally, PeakResults> {

    /**
     * Which precincts are included: R &gt; 0, V ≥ {@code minRegistered}, and G/V and L/R at most the given percentages,
     * compared in whole numbers so that the bounds are exact.
     */
    record Inclusion(long minRegistered, long maxTurnoutPct, long maxResultPct) implements java.io.Serializable {
        boolean includes(PrecinctFigures.Figures p) {
            return p.r() > 0 && p.v() >= minRegistered && p.g() >= 0 && p.l() >= 0
                    && p.g() * 100 <= p.v() * maxTurnoutPct && p.l() * 100 <= p.r() * maxResultPct;
        }
    }

    @Override
    public List<Column> inputs() {
        return figures.inputs();
    }

    @Override
    public PeakTally zero(Plan.Whole key) {
        return new PeakTally(replicates, seed);
    }

    @Override
    public void add(Summaries<Plan.Whole, PeakTally> summaries, FoldRow row) {
        PrecinctFigures.Figures p = PrecinctFigures.read(row);
        if (p != null && inclusion.includes(p)) {
            PeakTally tally = summaries.of(Plan.Whole.ALL);
            tally.add(p.key(), p.v(), p.g(), p.r(), p.l());
            // the other candidates' shares are the tally's placebo
            for (Map.Entry<String, Long> vote : PrecinctFigures.votes(row).entrySet()) {
                if (vote.getValue() != null && !vote.getKey().equals(figures.leader())) {
                    tally.addOther(vote.getKey(), vote.getValue(), p.r());
                }
            }
        }
    }

    @Override
    public PeakTally merge(PeakTally left, PeakTally right) {
        return left.merge(right);
    }

    @Override
    public PeakResults finish(Plan.Whole key, PeakTally tally) {
        return new PeakResults(figures.leader(), special, tally);
    }
}
