package org.sanaq.checks.klimek;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Column;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.PrecinctFigures;
import org.sanaq.checks.ProtocolFold;
import org.sanaq.checks.fingerprint.TurnoutShareCell;

/**
 * The fraud-model fit's fold in the run's shared pass: the precincts the fingerprint maps ({@link PrecinctFigures}
 * with V &gt; 0 and R &gt; 0, in the fingerprint's cells, {@link TurnoutShareCell}), added to the {@link CellSizes} of
 * the nation and of their region when it is one of the regions shown.
 */
final class KlimekFold implements ProtocolFold<KlimekFold.Scope, CellSizes, CellSizes> {
    private static final long serialVersionUID = 1L;

    private final PrecinctFigures figures;
    private final Set<String> shown;

    KlimekFold(PrecinctFigures figures, List<String> shown) {
        this.figures = figures;
        this.shown = new HashSet<>(shown);
    }

    /** A summary's key: one region shown, or the nation ({@link #NATION}). */
    record Scope(String region) implements Serializable {
        static final Scope NATION = new Scope(null);
    }

    @Override
    public List<Column> inputs() {
        return figures.inputs();
    }

    @Override
    public CellSizes zero(Scope scope) {
        return new CellSizes();
    }

    @Override
    public void add(Summaries<Scope, CellSizes> summaries, FoldRow row) {
        PrecinctFigures.Figures p = PrecinctFigures.read(row);
        if (p == null || p.v() <= 0 || p.r() <= 0) {
            return;
        }
        int cell = TurnoutShareCell.of(p);
        summaries.of(Scope.NATION).add(cell, p.v(), p.l());
        if (shown.contains(p.region())) {
            summaries.of(new Scope(p.region())).add(cell, p.v(), p.l());
        }
    }

    @Override
    public CellSizes merge(CellSizes left, CellSizes right) {
        return left.merge(right);
    }

    @Override
    public CellSizes finish(Scope scope, CellSizes summary) {
        return summary;
    }
}
