package org.softmaxzoo.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** A small bar chart for the notebooks: named series of values over the same categories (e.g. classes). */
public final class BarChart {
    private final CategoryChart chart;
    private String[] categories;

    public BarChart(String title, String xTitle, String yTitle) {
        chart = new CategoryChartBuilder().width(720).height(480).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    }

    /** One bar per category; every series must name the same categories. */
    public BarChart bars(String name, String[] categories, double[] values) {
        if (categories.length != values.length) {
            throw new IllegalArgumentException("bars '" + name + "': " + categories.length + " categories but " + values.length + " values");
        }
        if (this.categories != null && !Arrays.equals(this.categories, categories)) {
            throw new IllegalArgumentException("bars '" + name + "' name other categories than the chart's first series");
        }
        this.categories = categories.clone();
        chart.addSeries(name, Arrays.asList(categories), Arrays.stream(values).boxed().toList());
        return this;
    }

    public BufferedImage image() {
        return Figures.imageBesideLegend(chart);
    }

    /** Writes the chart as a PNG and returns its image, for {@code display(...)} in a notebook. */
    public BufferedImage save(Path file) {
        return Figures.saveBesideLegend(chart, file);
    }
}
