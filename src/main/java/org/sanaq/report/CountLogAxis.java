package org.sanaq.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * An axis of counts on a logarithmic scale, labelled in the counts themselves (1, 10, 100, 1,000), not in their
 * logarithms; grouped as the language writes them ({@link ChartNumbers}). Values along it are {@code log10(count + shift)}: shift 0 for counts that are never zero (voters of a
 * heat map's cell), shift 1 for counts that may be (log1p, so that zeros show, at the axis' start). Ticks go at
 * every power of ten, and also at 2 and 5 times them when the axis spans fewer than {@value #FEW_DECADES} decades.
 */
final class CountLogAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;
    private static final double FEW_DECADES = 3;

    private final double shift;
    private final Locale locale;

    CountLogAxis(String label, double shift, Locale locale) {
        super(label);
        this.shift = shift;
        this.locale = locale;
        setAutoRangeIncludesZero(false);
    }

    /** Where a count sits on the axis. */
    double position(double count) {
        return Math.log10(count + shift);
    }

    /** The counts labelled between the axis' bounds, smallest first. */
    List<Long> tickCounts() {
        double low = Math.max(0, Math.pow(10, getLowerBound()) - shift);
        double high = Math.pow(10, getUpperBound()) - shift;
        List<Long> counts = new ArrayList<>();
        if (shift > 0 && low <= 0) {
            counts.add(0L);
        }
        boolean few = getUpperBound() - getLowerBound() < FEW_DECADES;
        long[] multiples = few ? new long[] {1, 2, 5} : new long[] {1};
        for (long power = 1; power <= high && power > 0; power *= 10) {
            for (long m : multiples) {
                long count = m * power;
                if (count >= low - 1e-9 && count <= high + 1e-9) {
                    counts.add(count);
                }
            }
        }
        return counts;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        NumberFormat format = ChartNumbers.format(locale, 0);
        List<NumberTick> ticks = new ArrayList<>();
        for (long count : tickCounts()) {
            ticks.add(new NumberTick(position(count), format.format(count), anchor, anchor, 0.0));
        }
        return ticks;
    }
}
