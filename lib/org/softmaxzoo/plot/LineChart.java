package org.softmaxzoo.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A small line chart for the notebooks: named series of (x, y), rendered to an image and optionally saved. */
public final class LineChart {
    /** The invisible series {@link #withReadableXTicks} adds while it renders. */
    static final String TICK_SPACER = "x tick spacer (not drawn)";
    private final XYChart chart;

    public LineChart(String title, String xTitle, String yTitle) {
        chart = new XYChartBuilder().width(720).height(480).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    }

    public LineChart line(String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return this;
    }

    public LineChart points(String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        return this;
    }

    /** A logarithmic x axis (every x must be > 0). */
    public LineChart logX() {
        chart.getStyler().setXAxisLogarithmic(true);
        return this;
    }

    /** Whether a series of this name is already drawn. */
    public boolean has(String name) {
        return chart.getSeriesMap().containsKey(name);
    }

    /** Markers only, not joined: for a few separate points ({@link #points} joins them with a line). */
    public LineChart scatter(String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return this;
    }

    public LineChart logY() {
        chart.getStyler().setYAxisLogarithmic(true);
        return this;
    }

    public BufferedImage image() {
        return withReadableXTicks(() -> Figures.imageBesideLegend(chart));
    }

    /** Writes the chart as a PNG and returns its image, for {@code display(...)} in a notebook. */
    public BufferedImage save(Path file) {
        return withReadableXTicks(() -> Figures.saveBesideLegend(chart, file));
    }

    /**
     * Renders with round x ticks. XChart 3.8 collects the series' x values (distinct, in the order added) and, when
     * they are equally spaced, as epochs 1, 2, ..., 40 are, puts ticks only at those values, as densely as the
     * narrowest label allows, so "11131517..." ran together beside an outside legend. For the rendering, one more x
     * value, drawn as nothing and not in the legend, breaks the equal spacing and the axis gets round, evenly spread
     * ticks (0, 10, 20, ...); it is removed afterwards, so later series keep their colours.
     */
    private BufferedImage withReadableXTicks(java.util.function.Supplier<BufferedImage> render) {
        double[] x = distinctXValues();
        if (!equallySpaced(x) || chart.getStyler().isXAxisLogarithmic()) {
            return render.get();
        }
        double y = chart.getSeriesMap().values().iterator().next().getYData()[0];
        XYSeries spacer = chart.addSeries(TICK_SPACER, new double[] {(x[0] + x[1]) / 2}, new double[] {y});
        spacer.setMarker(SeriesMarkers.NONE);
        spacer.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        spacer.setShowInLegend(false);
        try {
            return render.get();
        } finally {
            chart.removeSeries(TICK_SPACER);
        }
    }

    /** Whether XChart would see the x values as equally spaced (its rule: distinct values in the order added). */
    boolean xValuesEquallySpaced() {
        return equallySpaced(distinctXValues());
    }

    private static boolean equallySpaced(double[] x) {
        if (x.length < 2) {
            return false;
        }
        double step = x[1] - x[0];
        for (int i = 2; i < x.length; i++) {
            if (Math.abs(x[i] - x[i - 1] - step) >= 1e-4) {
                return false;
            }
        }
        return true;
    }

    private double[] distinctXValues() {
        java.util.Set<Double> distinct = new java.util.LinkedHashSet<>();
        chart.getSeriesMap().values().forEach(series -> java.util.Arrays.stream(series.getXData()).forEach(distinct::add));
        return distinct.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
