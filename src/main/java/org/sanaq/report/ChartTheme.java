package org.sanaq.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.Paint;
import java.awt.Stroke;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;

/**
 * The one look of every chart: white background, grey grid, DejaVu text, the Okabe–Ito colour-blind-safe palette,
 * a source line under the plot, and axis labels set small enough to fit along their axes. Series that must stay
 * apart in black and white differ by more than colour (filled bars against a dashed line, outlined markers).
 */
final class ChartTheme {
    static final Color ORANGE = new Color(0xE69F00);
    static final Color SKY_BLUE = new Color(0x56B4E9);
    static final Color GREEN = new Color(0x009E73);
    static final Color BLUE = new Color(0x0072B2);
    static final Color VERMILLION = new Color(0xD55E00);
    static final Color PURPLE = new Color(0xCC79A7);
    static final Color INK = new Color(0x222222);
    static final Color GRID = new Color(0xBBBBBB);
    static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 3f}, 0f);
    static final Stroke THIN_DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f, 3f}, 0f);
    /** Room for an axis label along a chart's width, and along a plot's height, in points. */
    static final double WIDE_ROOM = 450;
    static final double TALL_ROOM = 190;
    private static final float SMALLEST_LABEL = 6.5f;
    private static final Paint[] PALETTE = {BLUE, VERMILLION, GREEN, ORANGE, SKY_BLUE, PURPLE, INK};

    private ChartTheme() {
    }

    /** Applies the theme and adds the source line; call before setting series colours. */
    static JFreeChart apply(JFreeChart chart, String source) {
        StandardChartTheme theme = new StandardChartTheme("sanaq", false);
        theme.setExtraLargeFont(ReportFonts.awt(true, 13f));
        theme.setLargeFont(ReportFonts.awt(true, 11f));
        theme.setRegularFont(ReportFonts.awt(false, 10f));
        theme.setSmallFont(ReportFonts.awt(false, 9f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setTitlePaint(INK);
        theme.setLegendItemPaint(INK);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE, PALETTE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        TextTitle sourceLine = new TextTitle(source, ReportFonts.awt(false, 8f), Color.DARK_GRAY,
                RectangleEdge.BOTTOM, HorizontalAlignment.LEFT, VerticalAlignment.BOTTOM,
                new RectangleInsets(6, 0, 0, 0));
        chart.addSubtitle(0, sourceLine);
        fitAxisLabels(chart.getPlot());
        return chart;
    }

    /**
     * Sets an axis label that would not fit along its axis smaller (down to {@value #SMALLEST_LABEL} points), so that
     * a long label reads whole instead of being cut at the chart's edges.
     */
    private static void fitAxisLabels(Plot plot) {
        if (plot instanceof XYPlot xy) {
            boolean upright = xy.getOrientation() == PlotOrientation.VERTICAL;
            fitLabel(xy.getDomainAxis(), upright ? WIDE_ROOM : TALL_ROOM);
            fitLabel(xy.getRangeAxis(), upright ? TALL_ROOM : WIDE_ROOM);
        } else if (plot instanceof CategoryPlot category) {
            boolean upright = category.getOrientation() == PlotOrientation.VERTICAL;
            fitLabel(category.getDomainAxis(), upright ? WIDE_ROOM : TALL_ROOM);
            fitLabel(category.getRangeAxis(), upright ? TALL_ROOM : WIDE_ROOM);
        }
    }

    static void fitLabel(Axis axis, double room) {
        String label = axis == null ? null : axis.getLabel();
        if (label == null || label.isEmpty()) {
            return;
        }
        Font font = axis.getLabelFont();
        double width = font.getStringBounds(label, new FontRenderContext(null, true, true)).getWidth();
        if (width > room) {
            axis.setLabelFont(font.deriveFont((float) Math.max(SMALLEST_LABEL, font.getSize2D() * room / width)));
        }
    }
}
