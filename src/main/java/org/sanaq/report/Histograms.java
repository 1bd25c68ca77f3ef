package org.sanaq.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.sanaq.results.FigureSpec;

/**
 * Histograms as the field draws them (Kobak, Shpilkin & Pshenichnikov 2016): the observed counts as a line, a step
 * outline when the bins are few, a polyline through the bin centres when they are many (0.1 % bins); the expected
 * counts as a dashed line, drawn and in the legend only when the table has them; light rules at every whole unit on
 * the percentage histograms (bins narrower than one unit over a range of several), where round results pile up; a
 * count axis with whole-number ticks. Kind {@code histogram_excess} also shades, bin by bin, the gap between the
 * observed and the expected counts and labels its sum: Shpilkin's excess; its x axis spans the bins that hold
 * something.
 */
final class Histograms {
    /** Above this many bins the observed line runs through the bin centres: steps would be a comb. */
    static final int MAX_STEPPED_BINS = 120;
    /** A range of at least this many units with fine bins is a percentage histogram: whole units get a rule. */
    private static final double RULED_RANGE = 5;
    private static final int HEIGHT = 290;
    /** Room above the highest bin for the excess' label, as a share of the axis. */
    private static final double LABEL_ROOM = 0.2;
    /** The excess' label ends this share of the x axis short of its right end, so that no letter is cut. */
    private static final double LABEL_INSET = 0.01;
    private static final Color RULE = new Color(0x99, 0x99, 0x99, 110);
    private static final Color EXCESS = new Color(0xD5, 0x5E, 0x00, 90);
    private static final Color DEFICIT = new Color(0x80, 0x80, 0x80, 70);

    private Histograms() {
    }

    /** One bin: [low, high), its observed and expected counts (NaN when the table has none). */
    record Bin(double low, double high, double observed, double expected) {
        double centre() {
            return (low + high) / 2;
        }

        double width() {
            return high - low;
        }
    }

    static Charts.Sized create(FigureSpec figure, FigureRows rows, ReportPlan plan, boolean excess) {
        List<Bin> bins = bins(rows);
        Wording words = plan.words();
        boolean stepped = bins.size() <= MAX_STEPPED_BINS;
        XYSeriesCollection data = new XYSeriesCollection(line(words.get("chart.observed"), bins, Bin::observed,
                stepped));
        XYSeries expected = line(words.get("chart.expected"), bins, Bin::expected, stepped);
        if (expected.getItemCount() > 0) {
            data.addSeries(expected);
        }
        NumberAxis x = new NumberAxis(Charts.label(figure.xLabel(), "bin"));
        x.setAutoRangeIncludesZero(false);
        ChartNumbers.apply(x, words.messages().locale(), false);
        NumberAxis y = new NumberAxis(Charts.label(figure.yLabel(), "count"));
        Charts.countTicks(y, bins.stream().mapToDouble(Bin::observed), words.messages().locale());
        XYPlot plot = new XYPlot(data, x, y, new XYLineAndShapeRenderer(true, false));
        JFreeChart chart = ChartTheme.apply(new JFreeChart(figure.title(), plot), plan.source());
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, ChartTheme.BLUE);
        renderer.setSeriesStroke(0, new BasicStroke(1.2f));
        renderer.setSeriesPaint(1, ChartTheme.VERMILLION);
        renderer.setSeriesStroke(1, ChartTheme.DASHED);
        if (data.getSeriesCount() == 1) {
            chart.removeLegend();
        }
        if (ruled(bins)) {
            ruleWholeUnits(plot, x, bins);
        }
        if (excess) {
            // Shpilkin's bins run from 0 to 100 %, the votes from some 30 % up: the empty tail is left out
            trimToFilled(x, bins);
            y.setUpperMargin(LABEL_ROOM);
            shadeExcess(plot, bins, words);
        }
        return new Charts.Sized(chart, Charts.WIDTH, HEIGHT);
    }

    private static List<Bin> bins(FigureRows rows) {
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Bin bin = new Bin(rows.number(i, "bin_low"), rows.number(i, "bin_high"), rows.number(i, "observed"),
                    rows.number(i, "expected"));
            if (!Double.isNaN(bin.low()) && !Double.isNaN(bin.high())) {
                bins.add(bin);
            }
        }
        bins.sort(Comparator.comparingDouble(Bin::low));
        return closeNarrowGaps(bins);
    }

    /**
     * Bins drawn apart (a digit's bin from d − 0.4 to d + 0.4) are widened to meet halfway, so that the outline
     * steps from one to the next; a gap of a whole bin or more is a missing bin and stays.
     */
    private static List<Bin> closeNarrowGaps(List<Bin> bins) {
        List<Bin> closed = new ArrayList<>(bins);
        for (int i = 1; i < closed.size(); i++) {
            Bin left = closed.get(i - 1);
            Bin right = closed.get(i);
            double gap = right.low() - left.high();
            if (gap > 0 && gap < Math.min(left.width(), right.width())) {
                double middle = (left.high() + right.low()) / 2;
                closed.set(i - 1, new Bin(left.low(), middle, left.observed(), left.expected()));
                closed.set(i, new Bin(middle, right.high(), right.observed(), right.expected()));
            }
        }
        return closed;
    }

    /**
     * The line of one count over the bins: steps along each bin's width, or a point at each bin's centre. Bins
     * missing between two others count zero (tables may list only the bins that have something); a bin without
     * the count breaks the line.
     */
    static XYSeries line(String name, List<Bin> bins, ToDoubleFunction<Bin> count, boolean stepped) {
        XYSeries series = new XYSeries(name, false, true);
        Bin previous = null;
        for (Bin bin : bins) {
            double value = count.applyAsDouble(bin);
            if (Double.isNaN(value)) {
                if (previous != null) {
                    series.add(stepped ? previous.high() : previous.centre(), null);
                }
                previous = null;
                continue;
            }
            if (previous != null && bin.low() > previous.high() + 1e-9 * bin.width()) {
                series.add(stepped ? previous.high() : previous.centre() + previous.width(), 0);
                series.add(stepped ? bin.low() : bin.centre() - bin.width(), 0);
            }
            if (stepped) {
                series.add(bin.low(), value);
                series.add(bin.high(), value);
            } else {
                series.add(bin.centre(), value);
            }
            previous = bin;
        }
        return series;
    }

    private static boolean ruled(List<Bin> bins) {
        return !bins.isEmpty() && bins.stream().allMatch(b -> b.width() < 1)
                && bins.get(bins.size() - 1).high() - bins.get(0).low() >= RULED_RANGE;
    }

    /**
     * A light rule at every whole unit between the first and the last bin that hold something, the axis trimmed to
     * them; the axis' own grid is left out so that the rules stand alone.
     */
    private static void ruleWholeUnits(XYPlot plot, NumberAxis x, List<Bin> bins) {
        trimToFilled(x, bins);
        double low = x.getLowerBound();
        double high = x.getUpperBound();
        plot.setDomainGridlinesVisible(false);
        for (double unit = low; unit <= high; unit++) {
            ValueMarker rule = new ValueMarker(unit, RULE, new BasicStroke(0.6f));
            plot.addDomainMarker(rule, Layer.BACKGROUND);
        }
    }

    /** The x axis from the whole unit below the first bin that holds something to the one above the last. */
    private static void trimToFilled(NumberAxis x, List<Bin> bins) {
        List<Bin> filled = bins.stream().filter(b -> b.observed() > 0).toList();
        List<Bin> span = filled.isEmpty() ? bins : filled;
        x.setRange(Math.floor(span.get(0).low()), Math.ceil(span.get(span.size() - 1).high()));
    }

    /**
     * Shades each bin between its observed and expected counts (where the table has both; orange above, grey
     * below), labels the sum of observed − expected, in counts and as a share of all the observed counts, and marks
     * the first bin with an expectation: the clean peak it is drawn from.
     */
    private static void shadeExcess(XYPlot plot, List<Bin> bins, Wording words) {
        double excess = 0;
        double total = 0;
        double top = 0;
        double right = Double.NEGATIVE_INFINITY;
        double left = Double.POSITIVE_INFINITY;
        Bin peak = null;
        for (Bin bin : bins) {
            if (Double.isNaN(bin.observed())) {
                continue;
            }
            total += bin.observed();
            top = Math.max(top, bin.observed());
            right = Math.max(right, bin.high());
            left = Math.min(left, bin.low());
            if (!Double.isNaN(bin.expected())) {
                peak = peak == null ? bin : peak;
                excess += bin.observed() - bin.expected();
                plot.addAnnotation(new XYBoxAnnotation(bin.low(), Math.min(bin.observed(), bin.expected()),
                        bin.high(), Math.max(bin.observed(), bin.expected()), null, null,
                        bin.observed() >= bin.expected() ? EXCESS : DEFICIT));
            }
        }
        if (total <= 0 || peak == null) {
            return;
        }
        ValueMarker clean = new ValueMarker(peak.centre(), ChartTheme.INK, ChartTheme.THIN_DASHED);
        clean.setLabel(words.get("chart.clean_peak"));
        clean.setLabelFont(ReportFonts.awt(false, 8f));
        // at the foot of the line, left of it: the excess' label holds the top
        clean.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        clean.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        clean.setLabelBackgroundColor(Color.WHITE);
        plot.addDomainMarker(clean);
        Locale locale = words.messages().locale();
        XYTextAnnotation label = new XYTextAnnotation(words.get("chart.excess", ChartNumbers.count(locale, excess),
                ChartNumbers.format(locale, 1).format(100 * excess / total)), right - LABEL_INSET * (right - left),
                top * (1 + LABEL_ROOM));
        label.setTextAnchor(TextAnchor.TOP_RIGHT);
        label.setFont(ReportFonts.awt(true, 9f));
        label.setPaint(ChartTheme.VERMILLION.darker());
        label.setBackgroundPaint(Color.WHITE);
        plot.addAnnotation(label);
    }
}
