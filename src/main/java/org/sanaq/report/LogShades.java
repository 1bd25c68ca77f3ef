package org.sanaq.report;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/**
 * The colour scale of {@code heatmap_log}: white for zero, then from pale (the smallest positive weight) to dark
 * blue (the largest) in proportion to the logarithm, so that cells a thousand times lighter than the heaviest still
 * show, as the fingerprint's comet tails need.
 */
record LogShades(double min, double max) implements PaintScale {

    @Override
    public double getLowerBound() {
        return min;
    }

    @Override
    public double getUpperBound() {
        return max;
    }

    @Override
    public Paint getPaint(double value) {
        if (!(value > 0)) {
            return Color.WHITE;
        }
        double span = Math.log(max) - Math.log(min);
        double t = span > 0 ? (Math.log(Math.min(max, Math.max(min, value))) - Math.log(min)) / span : 1;
        // the lightest cells get 15 % of the darkest colour, to stand apart from empty ones
        return Charts.shade(0.15 + 0.85 * t);
    }
}
