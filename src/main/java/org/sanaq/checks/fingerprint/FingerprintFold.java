package org.sanaq.checks.fingerprint;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Column;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.checks.ProtocolFold;

/**
 * The fingerprint's one fold over the election's precincts with V &gt; 0 and R &gt; 0 ({@link PrecinctFigures}):
 * for each region its Shpilkin turnout bins ({@link RegionTally}), with its 200 × 200 map when it is one of the
 * regions shown; for the nation its map, the turnout and share histograms and the Shpilkin bins of the estimate's
 * variants ({@link NationMaps}, {@link ShpilkinVariants}). Summaries are
 * keyed by region, so that the regions' merges spread over the cluster. Every bin is computed in whole numbers,
 * as ⌊n·a/b⌋ (see {@link TurnoutShareCell}), so that a precinct on a bin's edge falls in the same bin on every machine.
 */
final class FingerprintFold implements ProtocolFold<FingerprintFold.Scope, FingerprintFold.Part, FingerprintFold.Part> {
    private static final long serialVersionUID = 1L;

    private final PrecinctFigures figures;
    private final Set<String> shown;
    /** Where the columns of {@link ShpilkinVariants} start among the inputs. */
    private final int variantsAt;

    /**
     * @param shown the regions whose own maps are kept
     */
    FingerprintFold(PrecinctFigures figures, List<String> shown) {
        this.figures = figures;
        this.shown = new HashSet<>(shown);
        this.variantsAt = figures.inputs().size();
    }

    /** A summary's key: one region, or the nation ({@link #NATION}). */
    record Scope(String region) implements Serializable {
        static final Scope NATION = new Scope(null);
    }

    /** What the fold keeps of the precincts of one scope. */
    interface Part extends Serializable {
        /** Adds a precinct with V &gt; 0 and R &gt; 0. */
        void add(PrecinctFigures.Figures precinct);

        /** This part with {@code other}'s, of the same scope, added in. */
        Part merge(Part other);
    }

    @Override
    public List<Column> inputs() {
        List<Column> inputs = new ArrayList<>(figures.inputs());
        inputs.addAll(ShpilkinVariants.inputs(figures));
        return inputs;
    }

    @Override
    public Part zero(Scope scope) {
        return scope.equals(Scope.NATION) ? new NationMaps() : new RegionTally(shown.contains(scope.region()));
    }

    @Override
    public void add(Summaries<Scope, Part> summaries, FoldRow row) {
        if (row.isTrue(variantsAt)) {
            ((NationMaps) summaries.of(Scope.NATION)).variants().add(row, variantsAt);
        }
        PrecinctFigures.Figures precinct = PrecinctFigures.read(row);
        if (precinct == null || precinct.v() <= 0 || precinct.r() <= 0) {
            return;
        }
        NationMaps nation = (NationMaps) summaries.of(Scope.NATION);
        nation.add(precinct);
        nation.addCandidates(RegionTally.shpilkinBin(precinct.g(), precinct.v()), PrecinctFigures.votes(row));
        summaries.of(new Scope(precinct.region())).add(precinct);
    }

    @Override
    public Part merge(Part left, Part right) {
        return left.merge(right);
    }

    @Override
    public Part finish(Scope scope, Part part) {
        return part;
    }
}
