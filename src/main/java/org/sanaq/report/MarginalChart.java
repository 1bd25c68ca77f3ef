package org.sanaq.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A heat map with its marginal histograms, as the field draws the election fingerprint (Kobak, Shpilkin &amp;
 * Pshenichnikov 2016): the weights summed over each column of cells drawn in a strip above the map (the turnout
 * histogram), summed over each row in a strip to its right (the share histogram), each on the map's own scale so
 * that a peak lines up with the cells it comes from. The strips have no axes of their own: their heights are read
 * against each other, the counts are in the tables. The map's plot leaves room for them ({@link #STRIP}); they are
 * drawn once the map is laid out, over the room left.
 */
final class MarginalChart extends JFreeChart {
    private static final long serialVersionUID = 1L;
    /** The strips' depth, in points, and the gap between a strip and the map. */
    static final double STRIP = 54;
    private static final double GAP = 4;
    private static final Color FILL = new Color(0x08, 0x30, 0x6B, 150);

    private final XYPlot top;
    private final XYPlot right;

    /**
     * @param byX the weights summed per column of cells, by the column's low edge
     * @param byY the same per row
     * @param stepX a column's width
     * @param stepY a row's height
     */
    MarginalChart(String title, XYPlot map, SortedMap<Double, Double> byX, SortedMap<Double, Double> byY,
            double stepX, double stepY) {
        super(title, map);
        map.setInsets(new RectangleInsets(STRIP, 4, 4, STRIP));
        this.top = strip(byX, stepX, PlotOrientation.VERTICAL);
        this.right = strip(byY, stepY, PlotOrientation.HORIZONTAL);
    }

    /** The strip above the map: the weights per column. */
    XYPlot top() {
        return top;
    }

    /** The strip right of the map: the weights per row. */
    XYPlot right() {
        return right;
    }

    private static XYPlot strip(SortedMap<Double, Double> sums, double step, PlotOrientation orientation) {
        List<Histograms.Bin> bins = new ArrayList<>();
        for (Map.Entry<Double, Double> e : sums.entrySet()) {
            bins.add(new Histograms.Bin(e.getKey(), e.getKey() + step, e.getValue(), Double.NaN));
        }
        XYSeriesCollection data = new XYSeriesCollection(Histograms.line("", bins, Histograms.Bin::observed, true));
        NumberAxis along = new NumberAxis();
        NumberAxis height = new NumberAxis();
        for (NumberAxis axis : List.of(along, height)) {
            axis.setVisible(false);
        }
        height.setAutoRangeIncludesZero(true);
        height.setUpperMargin(0.05);
        XYAreaRenderer renderer = new XYAreaRenderer(XYAreaRenderer.AREA);
        renderer.setSeriesPaint(0, FILL);
        renderer.setSeriesStroke(0, new BasicStroke(0.5f));
        XYPlot plot = new XYPlot(data, along, height, renderer);
        plot.setOrientation(orientation);
        plot.setInsets(RectangleInsets.ZERO_INSETS);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(null);
        return plot;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, ChartRenderingInfo info) {
        ChartRenderingInfo layout = info != null ? info : new ChartRenderingInfo();
        super.draw(g2, area, anchor, layout);
        XYPlot map = getXYPlot();
        Rectangle2D data = layout.getPlotInfo().getDataArea();
        top.getDomainAxis().setRange(map.getDomainAxis().getRange());
        right.getDomainAxis().setRange(map.getRangeAxis().getRange());
        top.draw(g2, new Rectangle2D.Double(data.getX(), data.getY() - STRIP, data.getWidth(), STRIP - GAP), null,
                null, null);
        right.draw(g2, new Rectangle2D.Double(data.getMaxX() + GAP, data.getY(), STRIP - GAP, data.getHeight()),
                null, null, null);
    }
}
