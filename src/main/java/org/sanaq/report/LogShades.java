package org.sanaq.report;

import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/**
 * The colour scale of {@code heatmap_log}, over log10 of the weights: from pale (the smallest positive weight) to
 * dark blue (the largest), so that cells a thousand times lighter than the heaviest still show, as the
 * fingerprint's comet tails need. Linear in its own values, so that the legend's bands are drawn evenly.
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
        double span = max - min;
        double t = span > 0 ? (Math.min(max, Math.max(min, value)) - min) / span : 1;
        // the lightest cells get 15 % of the darkest colour, to stand apart from empty ones
        return Charts.shade(0.15 + 0.85 * t);
    }
}
