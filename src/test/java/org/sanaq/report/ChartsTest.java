package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Manifest;
import org.sanaq.results.RunFolder;

/** Charts built from small hand-made tables, asserted on the chart objects (never on pixels). */
class ChartsTest {
    private static final List<String> BINS = List.of("bin_low", "bin_high", "observed", "expected");

    static JFreeChart chart(String kind, DetailTable table) {
        FigureSpec figure = new FigureSpec("c", "f", kind, "F", table.name(), Map.of(), null, "x", "y", null);
        ReportPlan plan = ReportPlan.of(new RunFolder.Contents(null, List.of(), List.of(), List.of(figure),
                Map.of(table.name(), table)), id -> null);
        Charts.Drawn drawn = Charts.draw(figure, plan);
        assertNull(drawn.problem());
        JFreeChart chart = drawn.chart().chart();
        chart.createBufferedImage(Charts.WIDTH, 300); // lays the axes out, as the report does
        return chart;
    }

    private static String decimal(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    @Test
    void fineBinsAreOnePolylineWithWholePercentsRuledAndNoExpectedInTheLegend() {
        List<List<String>> rows = new ArrayList<>();
        for (int b = 0; b < 150; b++) {
            double low = 10 + b / 10.0 - 0.05;
            rows.add(List.of(decimal(low), decimal(low + 0.1), Integer.toString(1 + b % 3), ""));
        }
        JFreeChart chart = chart("histogram_vs_expected", new DetailTable("t", "T", BINS, rows));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = assertInstanceOf(XYLineAndShapeRenderer.class, plot.getRenderer());
        assertTrue(renderer.getDefaultLinesVisible());
        assertFalse(renderer.getDefaultShapesVisible());
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        assertEquals(1, data.getSeriesCount(), "no expected counts, no expected line");
        assertEquals(150, data.getSeries(0).getItemCount(), "one point per bin centre");
        assertNull(chart.getLegend(), "no legend entry without its line");
        // observed from 9.95 to 24.95: a rule at every whole percent from 9 to 25
        assertEquals(17, plot.getDomainMarkers(Layer.BACKGROUND).size());
        assertEquals(9.0, plot.getDomainAxis().getLowerBound());
        assertEquals(25.0, plot.getDomainAxis().getUpperBound());
        assertEquals(1.0, ((NumberAxis) plot.getRangeAxis()).getTickUnit().getSize(), "counts 1 to 3: whole ticks");
    }

    @Test
    void digitsAreStepsThatMeetHalfwayWithTheExpectedStepsDrawn() {
        List<List<String>> rows = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            rows.add(List.of(decimal(d - 0.4), decimal(d + 0.4), Integer.toString(100 + d), "104.5"));
        }
        JFreeChart chart = chart("histogram_vs_expected", new DetailTable("t", "T", BINS, rows));
        XYPlot plot = chart.getXYPlot();
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals("Expected", data.getSeries(1).getKey());
        assertEquals(20, data.getSeries(0).getItemCount(), "two points per bin");
        assertEquals(-0.4, data.getSeries(0).getX(0).doubleValue(), 1e-9);
        assertEquals(0.5, data.getSeries(0).getX(1).doubleValue(), 1e-9, "digit 0 ends where digit 1 begins");
        assertEquals(ChartTheme.DASHED, ((XYLineAndShapeRenderer) plot.getRenderer()).getSeriesStroke(1));
        assertNotNull(chart.getLegend());
        assertNull(plot.getDomainMarkers(Layer.BACKGROUND), "digits are not percentages: no rules");
    }

    @Test
    void aMissingBinCountsZeroAndABinWithoutExpectedBreaksItsLine() {
        List<List<String>> rows = List.of(List.of("0", "1", "5", ""), List.of("1", "2", "6", "4"),
                List.of("3", "4", "7", "4"));
        XYPlot plot = chart("histogram_vs_expected", new DetailTable("t", "T", BINS, rows)).getXYPlot();
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        // steps 0–1 at 5, 1–2 at 6, down to 0 over the missing bin 2–3, 3–4 at 7
        assertEquals(List.of(5.0, 5.0, 6.0, 6.0, 0.0, 0.0, 7.0, 7.0), values(data, 0));
        assertEquals(List.of(4.0, 4.0, 0.0, 0.0, 4.0, 4.0), values(data, 1));
    }

    private static List<Double> values(XYSeriesCollection data, int series) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < data.getItemCount(series); i++) {
            out.add(data.getYValue(series, i));
        }
        return out;
    }

    @Test
    void oneViolationIsCountedInWholeTicks() {
        DetailTable table = new DetailTable("t", "T", List.of("label", "value"), List.of(List.of("Astana", "1")));
        CategoryPlot plot = chart("ranked_bars", table).getCategoryPlot();
        assertEquals(1.0, ((NumberAxis) plot.getRangeAxis()).getTickUnit().getSize());
    }

    @Test
    void sharesKeepTheirDecimalTicks() {
        DetailTable table = new DetailTable("t", "T", List.of("label", "value"),
                List.of(List.of("a", "0.4"), List.of("b", "0.25")));
        CategoryPlot plot = chart("ranked_bars", table).getCategoryPlot();
        assertTrue(((NumberAxis) plot.getRangeAxis()).getTickUnit().getSize() < 1);
    }

    @Test
    void shpilkinsExcessIsShadedBinByBinAndLabelledWithItsSum() {
        List<List<String>> rows = List.of(List.of("60", "61", "1000", ""), List.of("61", "62", "5000", "5000"),
                List.of("62", "63", "4000", "3000"), List.of("63", "64", "3000", "3500"),
                List.of("64", "65", "2000", "1000"));
        XYPlot plot = chart("histogram_excess", new DetailTable("t", "T", BINS, rows)).getXYPlot();
        List<XYAnnotation> annotations = plot.getAnnotations();
        List<XYBoxAnnotation> boxes = annotations.stream().filter(XYBoxAnnotation.class::isInstance)
                .map(XYBoxAnnotation.class::cast).toList();
        assertEquals(4, boxes.size(), "one box per bin with an expectation");
        XYBoxAnnotation deficit = boxes.get(2);
        assertEquals(3000.0, deficit.getY0());
        assertEquals(3500.0, deficit.getY1());
        // 0 + 1,000 − 500 + 1,000 = 1,500 votes, of 15,000 observed
        List<String> labels = annotations.stream().filter(XYTextAnnotation.class::isInstance)
                .map(a -> ((XYTextAnnotation) a).getText()).toList();
        assertEquals(List.of("Excess votes: 1,500 (10.0 %)"), labels);
        List<?> peak = new ArrayList<>(plot.getDomainMarkers(Layer.FOREGROUND));
        assertEquals(1, peak.size());
        assertEquals(61.5, ((ValueMarker) peak.get(0)).getValue(), "the clean peak: the first bin expected");
        assertEquals("clean peak", ((ValueMarker) peak.get(0)).getLabel());
    }

    /** A fingerprint map of three cells: voters 1 and 10 at share 70 %, 1,000 at 70.5 %. */
    private static JFreeChart threeCellMap() throws Exception {
        List<List<String>> rows = List.of(List.of("50", "70", "1"), List.of("50.5", "70", "10"),
                List.of("51", "70.5", "1000"));
        DetailTable table = new DetailTable("t", "T", List.of("x_low", "y_low", "voters"), rows);
        FigureSpec figure = new FigureSpec("c", "f", "heatmap_log", "F", "t", Map.of("weight", "voters"), null,
                "x", "y", null);
        return chart("en", figure, table);
    }

    @Test
    void theHeatMapsColourScaleIsLabelledInVoters() throws Exception {
        JFreeChart chart = threeCellMap();
        PaintScaleLegend legend = (PaintScaleLegend) chart.getSubtitles().stream()
                .filter(PaintScaleLegend.class::isInstance).findFirst().orElseThrow();
        CountLogAxis axis = assertInstanceOf(CountLogAxis.class, legend.getAxis());
        assertEquals("voters per cell", axis.getLabel());
        assertEquals(List.of("1", "10", "100", "1,000"), labels(axis));
    }

    /** A chart drawn in a report whose language is {@code language}. */
    private static JFreeChart chart(String language, FigureSpec figure, DetailTable table) throws Exception {
        Manifest manifest = RunFolder.readJson("{\"job\":\"t\",\"inputs\":[],\"language\":\"" + language + "\"}",
                new com.fasterxml.jackson.core.type.TypeReference<>() {
                });
        ReportPlan plan = ReportPlan.of(new RunFolder.Contents(manifest, List.of(), List.of(), List.of(figure),
                Map.of(table.name(), table)), id -> null);
        JFreeChart chart = Charts.draw(figure, plan).chart().chart();
        chart.createBufferedImage(Charts.WIDTH, 400);
        return chart;
    }

    @Test
    void russianTicksAndAnnotationsWriteADecimalCommaAndGroupByThinSpaces() throws Exception {
        List<List<String>> rows = List.of(List.of("10", "11", "0", ""), List.of("60", "61", "1000", ""),
                List.of("61", "62", "50000", "50000"),
                List.of("62", "63", "40000", "30000"), List.of("63", "64", "30000", "35000"),
                List.of("64", "65", "20000", "10000"));
        FigureSpec figure = new FigureSpec("c", "f", "histogram_excess", "F", "t", Map.of(), null, "x", "y", null);
        XYPlot plot = chart("ru", figure, new DetailTable("t", "T", BINS, rows)).getXYPlot();
        assertEquals(new org.jfree.data.Range(60, 65), plot.getDomainAxis().getRange(), "the empty bins left out");
        List<String> counts = labels((NumberAxis) plot.getRangeAxis());
        assertTrue(counts.contains("10\u202f000"), counts.toString());
        assertTrue(counts.stream().noneMatch(t -> t.contains(".") || t.contains(",")), counts.toString());
        // 0 + 10,000 − 5,000 + 10,000 = 15,000 votes of 141,000 observed: 10.6 %
        assertEquals(List.of("Избыток голосов: 15\u202f000 (10,6 %)"), plot.getAnnotations().stream()
                .filter(XYTextAnnotation.class::isInstance).map(a -> ((XYTextAnnotation) a).getText()).toList());
        assertEquals("\u22120,5", ChartNumbers.format(java.util.Locale.forLanguageTag("ru"), 1).format(-0.5),
                "a true minus, as on the deviation charts' ticks");
        List<List<String>> shares = List.of(List.of("0.1", "0.2", "0.4", ""), List.of("0.2", "0.3", "0.25", ""));
        XYPlot decimals = chart("ru", figure, new DetailTable("t", "T", BINS, shares)).getXYPlot();
        for (NumberAxis axis : List.of((NumberAxis) decimals.getDomainAxis(), (NumberAxis) decimals.getRangeAxis())) {
            List<String> ticks = labels(axis);
            assertTrue(ticks.stream().anyMatch(t -> t.matches("0,\\d+")), ticks.toString());
            assertTrue(ticks.stream().noneMatch(t -> t.contains(".")), ticks.toString());
        }
    }

    @Test
    void theWholeNumberExcessIsABarOverItsNullsExpectationAndBand() throws Exception {
        DetailTable table = new DetailTable("n", "N", List.of("figure", "observed", "expected", "at_least", "at_most",
                "exact_z"), List.of(List.of("result or turnout", "9000", "7487", "7100", "7874", "12.9"),
                        List.of("turnout", "5000", "5100", "4800", "5400", "-1.03")));
        FigureSpec figure = new FigureSpec("c", "f", "observed_vs_null", "F", "n", Map.of("label", "figure",
                "band_low", "at_least", "band_high", "at_most", "z", "exact_z"), Map.of(), "", "precincts", null);
        JFreeChart chart = chart("en", figure, table);
        XYPlot plot = chart.getXYPlot();
        assertEquals(List.of("result or turnout", "turnout"),
                List.of(((org.jfree.chart.axis.SymbolAxis) plot.getDomainAxis()).getSymbols()));
        assertEquals(9000.0, plot.getDataset().getYValue(0, 0));
        assertEquals(5000.0, plot.getDataset().getYValue(0, 1));
        List<XYAnnotation> annotations = plot.getAnnotations();
        XYBoxAnnotation band = annotations.stream().filter(XYBoxAnnotation.class::isInstance)
                .map(XYBoxAnnotation.class::cast).findFirst().orElseThrow();
        assertEquals(7100.0, band.getY0());
        assertEquals(7874.0, band.getY1());
        XYLineAnnotation expected = annotations.stream().filter(XYLineAnnotation.class::isInstance)
                .map(XYLineAnnotation.class::cast).findFirst().orElseThrow();
        assertEquals(7487.0, expected.getY1());
        assertEquals(List.of("+1,513 (z = 12.9)", "−100 (z = −1.0)"), annotations.stream()
                .filter(XYTextAnnotation.class::isInstance).map(a -> ((XYTextAnnotation) a).getText()).toList());
        assertEquals(2, plot.getLegendItems().getItemCount(), "observed, and expected with its band");
        assertEquals(ChartTheme.SKY_BLUE, plot.getRenderer().getSeriesPaint(0), "light bars under the dark line");
        assertEquals(1.0, ((NumberAxis) plot.getRangeAxis()).getTickUnit().getSize() % 1.0 + 1.0,
                "precincts are counted in whole ticks");
    }

    @Test
    void theFingerprintMapHasItsMarginalHistogramsOnItsOwnScales() throws Exception {
        MarginalChart chart = assertInstanceOf(MarginalChart.class, threeCellMap());
        // above: voters per turnout column (1, 10, 1,000), in steps; right: per share row (1 + 10, 1,000)
        assertEquals(List.of(1.0, 1.0, 10.0, 10.0, 1000.0, 1000.0),
                values((XYSeriesCollection) chart.top().getDataset(), 0));
        assertEquals(List.of(11.0, 11.0, 1000.0, 1000.0), values((XYSeriesCollection) chart.right().getDataset(), 0));
        assertEquals(org.jfree.chart.plot.PlotOrientation.HORIZONTAL, chart.right().getOrientation());
        assertEquals(MarginalChart.STRIP, chart.getXYPlot().getInsets().getTop(), "room above the map");
        assertEquals(chart.getXYPlot().getDomainAxis().getRange(), chart.top().getDomainAxis().getRange());
        assertEquals(chart.getXYPlot().getRangeAxis().getRange(), chart.right().getDomainAxis().getRange());
    }

    @Test
    void anAxisLabelTooLongForItsAxisIsSetSmallerToFitWhole() throws Exception {
        String long_ = "deviation from the nearest round value (share of the gap between neighbouring round values)";
        FigureSpec figure = new FigureSpec("c", "f", "histogram_vs_expected", "F", "t", Map.of(), null, long_, "y",
                null);
        XYPlot plot = chart("en", figure, new DetailTable("t", "T", BINS, List.of(List.of("0", "1", "5", ""))))
                .getXYPlot();
        java.awt.Font font = plot.getDomainAxis().getLabelFont();
        double width = font.getStringBounds(long_, new java.awt.font.FontRenderContext(null, true, true)).getWidth();
        assertTrue(font.getSize2D() < plot.getRangeAxis().getLabelFont().getSize2D(), font.toString());
        assertTrue(width <= ChartTheme.WIDE_ROOM + 1e-6 || font.getSize2D() == 6.5f, width + " " + font);
        assertEquals(11f, plot.getRangeAxis().getLabelFont().getSize2D(), "a short label keeps the theme's size");
    }

    @Test
    void aLogCountAxisOfFewDecadesAlsoMarksTwoAndFiveAndItsLog1pVersionShowsZero() {
        CountLogAxis narrow = new CountLogAxis("n", 0, Locale.ENGLISH);
        narrow.setRange(narrow.position(3), narrow.position(40));
        assertEquals(List.of("5", "10", "20"), labels(narrow));
        CountLogAxis log1p = new CountLogAxis("n", 1, Locale.forLanguageTag("ru"));
        log1p.setRange(0, log1p.position(20_000));
        assertEquals(List.of("0", "1", "10", "100", "1\u202f000", "10\u202f000"), labels(log1p));
    }

    private static List<String> labels(NumberAxis axis) {
        Graphics2D g2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        List<String> labels = new ArrayList<>();
        for (Object tick : axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 20, 300),
                RectangleEdge.RIGHT)) {
            labels.add(((NumberTick) tick).getText());
        }
        return labels;
    }

    @Test
    void observerCountsSpanningDecadesAreOnLog1pAxesWithThePointsThatDifferInColour() {
        DetailTable table = new DetailTable("t", "T", List.of("candidate", "x", "y"), List.of(
                List.of("A", "0", "781"), List.of("B", "781", "781"), List.of("C", "5", "5"),
                List.of("D", "10", "12")));
        XYPlot plot = chart("scatter", table).getXYPlot();
        assertInstanceOf(CountLogAxis.class, plot.getDomainAxis());
        assertInstanceOf(CountLogAxis.class, plot.getRangeAxis());
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        assertEquals(List.of("Same in both (2)", "Differ (2)"), List.of(data.getSeriesKey(0), data.getSeriesKey(1)));
        assertEquals(0.0, data.getXValue(1, 0), "a zero sits at the axis' start");
        assertEquals(Math.log10(782), data.getYValue(1, 0), 1e-12);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        assertEquals(ChartTheme.VERMILLION, renderer.getSeriesPaint(1));
        assertEquals(ChartTheme.SKY_BLUE, renderer.getSeriesPaint(0));
        XYLineAnnotation diagonal = (XYLineAnnotation) plot.getAnnotations().get(0);
        assertEquals(Math.log10(782), diagonal.getX2(), 1e-12);
        assertEquals(List.of("0", "1", "10", "100"), labels((CountLogAxis) plot.getDomainAxis()).subList(0, 4));
    }

    @Test
    void observerCountsWithinOneDecadeStayLinearWithWholeTicksAndOneSeriesWhenAllAgree() {
        DetailTable table = new DetailTable("t", "T", List.of("x", "y"),
                List.of(List.of("3", "3"), List.of("5", "5")));
        XYPlot plot = chart("scatter", table).getXYPlot();
        assertFalse(plot.getDomainAxis() instanceof CountLogAxis);
        assertEquals(1.0, ((NumberAxis) plot.getRangeAxis()).getTickUnit().getSize());
        assertEquals(1, plot.getDataset().getSeriesCount());
        assertEquals("Same in both (2)", plot.getDataset().getSeriesKey(0));
    }
}
