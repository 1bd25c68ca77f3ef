package org.sanaq.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.sanaq.results.FigureSpec;

/**
 * Kind {@code observed_vs_null}: counts against what a null model expects, one column per row of the table (its
 * {@code label}): the observed count as a bar, the null's expected count as a dashed line across a grey band from
 * {@code band_low} to {@code band_high}, and above each the excess (observed − expected) with its z. How the field
 * shows the whole-number excess (Kobak, Shpilkin &amp; Pshenichnikov 2016): the band is what chance allows, the bar
 * what the protocols give.
 */
final class NullBands {
    private static final double HALF_WIDTH = 0.32;
    private static final Color BAND = new Color(0x80, 0x80, 0x80, 90);
    private static final int HEIGHT = 260;
    /** Room above the highest bar for the excess' labels, as a share of the axis. */
    private static final double LABEL_ROOM = 0.15;

    private NullBands() {
    }

    /** One column: its label, observed and expected counts, the band and z. */
    private record Column(String label, double observed, double expected, double low, double high, double z) {
    }

    static Charts.Sized create(FigureSpec figure, FigureRows rows, ReportPlan plan) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Column c = new Column(rows.text(i, "label"), rows.number(i, "observed"), rows.number(i, "expected"),
                    rows.number(i, "band_low"), rows.number(i, "band_high"), rows.number(i, "z"));
            if (!Double.isNaN(c.observed()) && !Double.isNaN(c.expected())) {
                columns.add(c);
            }
        }
        Wording words = plan.words();
        Locale locale = words.messages().locale();
        XYSeries observed = new XYSeries(words.get("chart.observed"));
        for (int i = 0; i < columns.size(); i++) {
            observed.add(i, columns.get(i).observed());
        }
        XYSeriesCollection data = new XYSeriesCollection(observed);
        data.setIntervalWidth(2 * HALF_WIDTH);
        SymbolAxis x = new SymbolAxis(Charts.label(figure.xLabel(), ""),
                columns.stream().map(Column::label).toArray(String[]::new));
        x.setGridBandsVisible(false);
        x.setRange(-0.6, columns.size() - 0.4);
        NumberAxis y = new NumberAxis(Charts.label(figure.yLabel(), "count"));
        Charts.countTicks(y, columns.stream().mapToDouble(Column::observed), locale);
        y.setUpperMargin(LABEL_ROOM);
        XYBarRenderer bars = new XYBarRenderer();
        XYPlot plot = new XYPlot(data, x, y, bars);
        JFreeChart chart = ChartTheme.apply(new JFreeChart(figure.title(), plot), plan.source());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartTheme.SKY_BLUE);
        bars.setDrawBarOutline(true);
        bars.setSeriesOutlinePaint(0, ChartTheme.BLUE);
        plot.setDomainGridlinesVisible(false);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (!Double.isNaN(c.low()) && !Double.isNaN(c.high())) {
                plot.addAnnotation(new XYBoxAnnotation(i - HALF_WIDTH, c.low(), i + HALF_WIDTH, c.high(), null, null,
                        BAND));
            }
            plot.addAnnotation(new XYLineAnnotation(i - HALF_WIDTH, c.expected(), i + HALF_WIDTH, c.expected(),
                    ChartTheme.DASHED, ChartTheme.VERMILLION));
            XYTextAnnotation label = new XYTextAnnotation(excess(c, locale), i,
                    Math.max(c.observed(), Double.isNaN(c.high()) ? c.expected() : c.high()));
            label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            label.setFont(ReportFonts.awt(true, 9f));
            label.setPaint(ChartTheme.VERMILLION.darker());
            plot.addAnnotation(label);
        }
        plot.setFixedLegendItems(legend(words));
        return new Charts.Sized(chart, Charts.WIDTH, HEIGHT);
    }

    /** "+1 513 (z = 12,9)": the excess signed, in the language's marks, with its z when the table gives one. */
    static String excess(Column c, Locale locale) {
        double excess = c.observed() - c.expected();
        String signed = (excess >= 0 ? "+" : "−") + ChartNumbers.count(locale, Math.abs(excess));
        return Double.isNaN(c.z()) ? signed : signed + " (z = " + ChartNumbers.format(locale, 1).format(c.z()) + ")";
    }

    /** The bars, and the expected count as a dashed line over its grey band. */
    private static LegendItemCollection legend(Wording words) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(words.get("chart.observed"), null, null, null, new Rectangle2D.Double(-5, -5, 10, 10),
                ChartTheme.SKY_BLUE, new BasicStroke(1f), ChartTheme.BLUE));
        items.add(new LegendItem(words.get("chart.expected"), null, null, null, true,
                new Rectangle2D.Double(-7, -4, 14, 8), true, BAND, false, BAND, new BasicStroke(1f), true,
                new Line2D.Double(-7, 0, 7, 0), ChartTheme.DASHED, ChartTheme.VERMILLION));
        return items;
    }
}
