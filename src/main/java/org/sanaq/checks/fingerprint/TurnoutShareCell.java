package org.sanaq.checks.fingerprint;

import org.sanaq.checks.PrecinctFigures;

/**
 * The cells of the turnout × leader's share map that the fingerprint draws and the fraud-model fit
 * ({@code checks.klimek}) fits: {@link #GRID} × {@link #GRID} cells of 0.5 % each way. A precinct's cell is computed
 * in whole numbers, as ⌊n·a/b⌋, so that a precinct on a cell's edge falls in the same cell on every machine.
 */
public final class TurnoutShareCell {
    /** The cells of a map per side: 0.5 % of turnout and of the leader's share each. */
    public static final int GRID = 200;
    /** The cells of a map. */
    public static final int CELLS = GRID * GRID;

    private TurnoutShareCell() {
    }

    /** ⌊scale·a/b⌋ in whole numbers, capped at {@code max} (turnouts above 100 % land in the top bin). */
    public static int bin(long a, long b, int scale, int max) {
        return (int) Math.min(max, scale * a / b);
    }

    /** A precinct's cell: turnout column x and share row y, as x · {@link #GRID} + y. */
    public static int of(PrecinctFigures.Figures p) {
        return bin(p.g(), p.v(), GRID, GRID - 1) * GRID + bin(p.l(), p.r(), GRID, GRID - 1);
    }
}
