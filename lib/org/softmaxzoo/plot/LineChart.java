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
    /** The invisible series {@link #readableXTicks} adds. */
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

    /** The series of this name (for tests). */
    XYSeries series(String name) {
        return chart.getSeriesMap().get(name);
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
        readableXTicks();
        return Figures.imageBesideLegend(chart);
    }

    /** Writes the chart as a PNG and returns its image, for {@code display(...)} in a notebook. */
    public BufferedImage save(Path file) {
        readableXTicks();
        return Figures.saveBesideLegend(chart, file);
    }

    /**
     * XChart 3.8 puts ticks only at the data's x values when they are equally spaced (epochs 1, 2, ..., 40), as densely
     * as the narrowest label allows, so "11131517..." runs together beside an outside legend. One invisible point
     * between the first two x values makes them unequal, and the axis gets round, evenly spread ticks (0, 10, 20, ...).
     */
    private void readableXTicks() {
        if (has(TICK_SPACER) || chart.getStyler().isXAxisLogarithmic() || chart.getSeriesMap().isEmpty()) {
            return;
        }
        XYSeries first = chart.getSeriesMap().values().iterator().next();
        double[] x = first.getXData();
        if (x.length < 2) {
            return;
        }
        XYSeries spacer = chart.addSeries(TICK_SPACER, new double[] {(x[0] + x[1]) / 2}, new double[] {first.getYData()[0]});
        spacer.setMarker(SeriesMarkers.NONE);
        spacer.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        spacer.setShowInLegend(false);
    }
}
