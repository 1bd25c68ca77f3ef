package org.sanaq.report;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.DoubleStream;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;

/**
 * Builds the chart a {@link FigureSpec} asks for, by kind, from its detail table; the one place where charts are
 * made. Kinds: {@code histogram_vs_expected} and {@code histogram_excess} ({@link Histograms}),
 * {@code observed_vs_null} ({@link NullBands}), {@code ranked_bars} (horizontal bars sorted by value, largest on
 * top; {@code xLabel} names the bars, {@code yLabel} their values), {@code bars} (vertical bars in the table's
 * order, e.g. reports in time), {@code heatmap} (weights on a grid of equal bins, darker is heavier, with the weights
 * summed along each axis drawn beside it; {@code heatmap_log} the same on a logarithmic colour scale labelled in the
 * weights themselves) and {@code scatter} (points with the diagonal y = x; log1p axes when the counts span decades, the points off the
 * diagonal in colour). Axis labels come from the figure and should carry units.
 */
final class Charts {
    /** A chart with the size it reads well at, in points (PDF) or pixels (PNG). */
    record Sized(JFreeChart chart, int width, int height) {
    }

    static final int WIDTH = 495;
    private static final int HEIGHT = 290;
    private static final int MAX_BARS = 40;

    private Charts() {
    }

    /**
     * The figure's chart, or empty when its kind is not drawn yet.
     *
     * @throws IllegalArgumentException when the table lacks a column the kind needs
     */
    static Optional<Sized> create(FigureSpec figure, DetailTable table, ReportPlan plan) {
        FigureRows rows = new FigureRows(figure, table);
        return Optional.ofNullable(switch (figure.kind()) {
            case "histogram_vs_expected" -> Histograms.create(figure, rows, plan, false);
            case "histogram_excess" -> Histograms.create(figure, rows, plan, true);
            case "ranked_bars" -> bars(figure, rows, plan, true);
            case "bars" -> bars(figure, rows, plan, false);
            case "heatmap" -> heatmap(figure, rows, plan, false);
            case "heatmap_log" -> heatmap(figure, rows, plan, true);
            case "scatter" -> scatter(figure, rows, plan);
            case "observed_vs_null" -> NullBands.create(figure, rows, plan);
            default -> null;
        });
    }

    /** A figure's chart, or the sentence saying why it is not drawn (exactly one of the two is null). */
    record Drawn(Sized chart, String problem) {
    }

    /** The figure drawn from its table in the plan, or the reason it cannot be, in the report's words. */
    static Drawn draw(FigureSpec figure, ReportPlan plan) {
        DetailTable table = plan.tables().get(figure.table());
        Wording words = plan.words();
        if (table == null) {
            return new Drawn(null, words.get("chart.missing", figure.title(), figure.table()));
        }
        if (new FigureRows(figure, table).size() == 0) {
            return new Drawn(null, words.get("chart.empty", figure.title()));
        }
        try {
            return create(figure, table, plan).map(c -> new Drawn(c, null))
                    .orElseGet(() -> new Drawn(null, words.get("chart.unknown_kind", figure.title(), figure.kind())));
        } catch (IllegalArgumentException e) {
            return new Drawn(null, words.get("chart.failed", figure.title(), e.getMessage()));
        }
    }

    /**
     * Bars of {@code value} by {@code label}: ranked (horizontal, largest on top, at most {@link #MAX_BARS}), or in
     * the table's order (vertical, left to right, as a sequence in time reads).
     */
    private static Sized bars(FigureSpec figure, FigureRows rows, ReportPlan plan, boolean ranked) {
        record Bar(String label, double value) {
        }
        List<Bar> all = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double value = rows.number(i, "value");
            if (!Double.isNaN(value)) {
                all.add(new Bar(rows.text(i, "label"), value));
            }
        }
        if (ranked) {
            all.sort(Comparator.comparingDouble(Bar::value).reversed());
        }
        List<Bar> shown = all.subList(0, Math.min(MAX_BARS, all.size()));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Integer> seen = new HashMap<>();
        for (Bar bar : shown) {
            int n = seen.merge(bar.label(), 1, Integer::sum);
            data.addValue(bar.value(), "value", n == 1 ? bar.label() : bar.label() + " (" + n + ")");
        }
        String title = all.size() > shown.size()
                ? plan.words().get("chart.top", figure.title(), shown.size(), all.size()) : figure.title();
        CategoryAxis categories = new CategoryAxis(label(figure.xLabel(), ""));
        // a ranked bar's name shares the width with its bar; a sequence's label ("22:00") has its column to itself
        categories.setMaximumCategoryLabelWidthRatio(ranked ? 0.4f : 1.2f);
        categories.setCategoryMargin(0.15);
        NumberAxis values = new NumberAxis(label(figure.yLabel(), "value"));
        countTicks(values, shown.stream().mapToDouble(Bar::value), plan.words().messages().locale());
        CategoryPlot plot = new CategoryPlot(data, categories, values, new BarRenderer());
        plot.setOrientation(ranked ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setRangeAxisLocation(ranked ? AxisLocation.BOTTOM_OR_RIGHT : AxisLocation.TOP_OR_LEFT);
        JFreeChart chart = ChartTheme.apply(new JFreeChart(title, plot), plan.source());
        chart.removeLegend();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, ChartTheme.BLUE);
        renderer.setMaximumBarWidth(0.08);
        return new Sized(chart, WIDTH, ranked ? Math.max(180, Math.min(640, 90 + 16 * shown.size())) : 300);
    }

    /**
     * Counts against counts: on log1p axes (so that zeros show) when they span decades, the points that differ in
     * colour, those on the diagonal in pale blue.
     */
    private static Sized scatter(FigureSpec figure, FigureRows rows, ReportPlan plan) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] pair = {rows.number(i, "x"), rows.number(i, "y")};
            if (!Double.isNaN(pair[0]) && !Double.isNaN(pair[1])) {
                pairs.add(pair);
            }
        }
        double low = pairs.stream().mapToDouble(p -> Math.min(p[0], p[1])).min().orElse(0);
        double high = pairs.stream().mapToDouble(p -> Math.max(p[0], p[1])).max().orElse(0);
        boolean log = spansDecades(low, high);
        Locale locale = plan.words().messages().locale();
        NumberAxis x = log ? new CountLogAxis(label(figure.xLabel(), "x"), 1, locale)
                : new NumberAxis(label(figure.xLabel(), "x"));
        NumberAxis y = log ? new CountLogAxis(label(figure.yLabel(), "y"), 1, locale)
                : new NumberAxis(label(figure.yLabel(), "y"));
        XYSeries differ = new XYSeries(plan.words().get("chart.differ",
                pairs.stream().filter(p -> p[0] != p[1]).count()), false, true);
        XYSeries same = new XYSeries(plan.words().get("chart.same",
                pairs.stream().filter(p -> p[0] == p[1]).count()), false, true);
        for (double[] p : pairs) {
            (p[0] == p[1] ? same : differ).add(log ? Math.log10(1 + p[0]) : p[0], log ? Math.log10(1 + p[1]) : p[1]);
        }
        // series 0 is drawn last, on top: the points on the diagonal, smaller, so that a point that differs by
        // little still shows around them
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries series : List.of(same, differ)) {
            if (series.getItemCount() > 0) {
                data.addSeries(series);
            }
        }
        for (NumberAxis axis : List.of(x, y)) {
            axis.setAutoRangeIncludesZero(false);
            if (!log) {
                countTicks(axis, pairs.stream().flatMapToDouble(DoubleStream::of), locale);
            }
        }
        XYPlot plot = new XYPlot(data, x, y, new XYLineAndShapeRenderer(false, true));
        JFreeChart chart = ChartTheme.apply(new JFreeChart(figure.title(), plot), plan.source());
        if (low < high) {
            double from = log ? Math.log10(1 + low) : low;
            double to = log ? Math.log10(1 + high) : high;
            plot.addAnnotation(new XYLineAnnotation(from, from, to, to, ChartTheme.THIN_DASHED, Color.GRAY));
        }
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setUseOutlinePaint(true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            boolean differs = data.getSeries(s) == differ;
            double size = differs ? 5 : 3.5;
            renderer.setSeriesShape(s, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
            renderer.setSeriesPaint(s, differs ? ChartTheme.VERMILLION : ChartTheme.SKY_BLUE);
            renderer.setSeriesOutlinePaint(s, differs ? ChartTheme.INK : ChartTheme.BLUE);
        }
        return new Sized(chart, WIDTH, 330);
    }

    /** Non-negative counts whose largest is a hundred times the smallest (or than 1, when that is 0). */
    static boolean spansDecades(double low, double high) {
        return low >= 0 && high >= 100 * Math.max(1, low);
    }

    /**
     * A heat map with its marginal histograms ({@link MarginalChart}); with {@code log} the weights are drawn as
     * log10(weight) on a linear scale, zero cells left out.
     */
    private static Sized heatmap(FigureSpec figure, FigureRows rows, ReportPlan plan, boolean log) {
        Locale locale = plan.words().messages().locale();
        List<double[]> cells = new ArrayList<>();
        SortedMap<Double, Double> byX = new TreeMap<>();
        SortedMap<Double, Double> byY = new TreeMap<>();
        double max = log ? Double.NEGATIVE_INFINITY : 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            double[] c = {rows.number(i, "x_low"), rows.number(i, "y_low"), rows.number(i, "weight")};
            if (!Double.isNaN(c[0]) && !Double.isNaN(c[1]) && !Double.isNaN(c[2]) && !(log && c[2] <= 0)) {
                byX.merge(c[0], c[2], Double::sum);
                byY.merge(c[1], c[2], Double::sum);
                c[2] = log ? Math.log10(c[2]) : c[2];
                cells.add(c);
                max = Math.max(max, c[2]);
                min = Math.min(min, c[2]);
            }
        }
        double[][] series = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            for (int k = 0; k < 3; k++) {
                series[k][i] = cells.get(i)[k];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("weight", series);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(step(series[0]));
        renderer.setBlockHeight(step(series[1]));
        renderer.setBlockAnchor(RectangleAnchor.BOTTOM_LEFT);
        // one cell, or cells all alike: a scale of one decade above them, so that the legend has a range
        double low = cells.isEmpty() ? 0 : min;
        PaintScale scale = log ? new LogShades(low, max > low ? max : low + 1) : new Shades(max > 0 ? max : 1);
        renderer.setPaintScale(scale);
        NumberAxis x = new NumberAxis(label(figure.xLabel(), "x"));
        NumberAxis y = new NumberAxis(label(figure.yLabel(), "y"));
        for (NumberAxis axis : List.of(x, y)) {
            axis.setAutoRangeIncludesZero(false);
            ChartNumbers.apply(axis, locale, false);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = ChartTheme.apply(new MarginalChart(figure.title(), plot, byX, byY,
                renderer.getBlockWidth(), renderer.getBlockHeight()), plan.source());
        chart.removeLegend();
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        NumberAxis weightAxis = log ? new CountLogAxis(weightLabel(figure, plan.words()), 0, locale)
                : new NumberAxis(weightLabel(figure, plan.words()));
        if (!log) {
            ChartNumbers.apply(weightAxis, locale, false);
        }
        weightAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        weightAxis.setTickLabelFont(ReportFonts.awt(false, 8f));
        weightAxis.setLabelFont(ReportFonts.awt(false, 9f));
        PaintScaleLegend legend = new PaintScaleLegend(scale, weightAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(4, 8, 4, 4));
        legend.setStripWidth(10);
        chart.addSubtitle(legend);
        return new Sized(chart, WIDTH, 360 + (int) MarginalChart.STRIP);
    }

    /** The legend's title: the report's words for the weight column ("voters per cell"), else its name. */
    private static String weightLabel(FigureSpec figure, Wording words) {
        String column = figure.columns().getOrDefault("weight", "weight");
        return words.messages().defines("report.chart.weight." + column) ? words.get("chart.weight." + column)
                : column;
    }

    /** The smallest gap between distinct values: the width of one bin of an equal-width grid. */
    private static double step(double[] values) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double v : values) {
            distinct.add(v);
        }
        double step = Double.POSITIVE_INFINITY;
        Double previous = null;
        for (double v : distinct) {
            if (previous != null) {
                step = Math.min(step, v - previous);
            }
            previous = v;
        }
        return Double.isInfinite(step) ? 1 : step;
    }

    static String label(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }

    /**
     * Ticks in the language's marks ({@link ChartNumbers}), whole-number ticks on an axis whose values are all
     * whole: counts.
     */
    static void countTicks(NumberAxis axis, DoubleStream values, Locale locale) {
        ChartNumbers.apply(axis, locale, values.filter(v -> !Double.isNaN(v)).allMatch(v -> v == Math.rint(v)));
    }

    /** White for zero to dark blue for the largest weight, on a square-root scale so that faint cells show. */
    private record Shades(double max) implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            return shade(Math.sqrt(Math.max(0, Math.min(1, value / max))));
        }
    }

    /** White (t = 0) to dark blue (t = 1): the colours of every heat map. */
    static Color shade(double t) {
        return new Color(mix(255, 0x08, t), mix(255, 0x30, t), mix(255, 0x6B, t));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
