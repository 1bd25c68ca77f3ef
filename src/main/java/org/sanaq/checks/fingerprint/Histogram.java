package org.sanaq.checks.fingerprint;

import org.sanaq.checks.PrecinctFigures;

/**
 * The nation's histograms of voters: turnout G/V and leader's share L/R in 1 / perPoint % bins [k, k + 1), with
 * 100 % (and above) in a bin of its own. Declared in the order of the report's table: by variable, then width.
 */
enum Histogram {
    SHARE_1("share", 1),
    SHARE_10("share", 10),
    TURNOUT_1("turnout", 1),
    TURNOUT_10("turnout", 10);

    final String variable;
    final int perPoint;

    Histogram(String variable, int perPoint) {
        this.variable = variable;
        this.perPoint = perPoint;
    }

    /** Bins 0 to 100 · perPoint. */
    int bins() {
        return 100 * perPoint + 1;
    }

    int bin(PrecinctFigures.Figures p) {
        int top = 100 * perPoint;
        return variable.equals("turnout") ? TurnoutShareCell.bin(p.g(), p.v(), top, top)
                : TurnoutShareCell.bin(p.l(), p.r(), top, top);
    }
}
