package org.softmaxzoo.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softmaxzoo.eval.ClassGeometry;
import org.softmaxzoo.eval.EmbeddingGeometry;
import org.softmaxzoo.eval.PairAngles;

/**
 * A run's geometry in three panels side by side: the angle histograms of positive and negative pairs,
 * each class's angular spread and the angle from its weight to the nearest other weight, and the
 * distribution of feature norms; one series per named set of embeddings (e.g. seen and unseen classes).
 */
public final class GeometryFigure {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int NORM_BINS = 40;
    /** Different-class pairs of the first, second, ... set: cyan next to the first set's blue, red next to orange. */
    private static final Color[] DIFFERENT_CLASS_COLOURS = {Palette.classColor(9), Palette.classColor(3), Palette.classColor(7)};

    private GeometryFigure() {
    }

    /**
     * @param title names the run, above the three panels
     * @param sets  embeddings by the name their legend entries carry, in legend order
     */
    public static BufferedImage render(String title, Map<String, EmbeddingGeometry> sets) {
        return Figures.withTitle(Figures.row(List.of(pairAngles(sets), perClass(sets), featureNorms(sets))), title);
    }

    static XYChart pairAngles(Map<String, EmbeddingGeometry> sets) {
        XYChart chart = chart("Angles between pairs of features", "angle between the two features (degrees)",
                "fraction of the pairs per degree");
        double[] degrees = new double[PairAngles.BINS];
        for (int b = 0; b < degrees.length; b++) {
            degrees[b] = b + 0.5;
        }
        int[] set = {0};
        sets.forEach((name, g) -> {
            // Over 180 short segments a dash pattern looks solid: different classes get a colour of their own.
            Color colour = Palette.classColor(set[0]);
            Color other = DIFFERENT_CLASS_COLOURS[set[0]++ % DIFFERENT_CLASS_COLOURS.length];
            line(chart, String.format(Locale.ROOT, "%s, same class (mean %.1f deg)", name, g.pairs().meanPositiveDegrees()), degrees,
                    fractions(g.pairs().positiveCounts()), colour);
            line(chart, String.format(Locale.ROOT, "%s, different classes (mean %.1f deg)", name, g.pairs().meanNegativeDegrees()),
                    degrees, fractions(g.pairs().negativeCounts()), other);
        });
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(180.0);
        return chart;
    }

    static XYChart perClass(Map<String, EmbeddingGeometry> sets) {
        XYChart chart = chart("Per class: spread to the class's mean direction (circles), W_j to the nearest other W (diamonds)",
                "class", "degrees");
        int[] set = {0};
        sets.forEach((name, g) -> {
            ClassGeometry c = g.classes();
            Color colour = Palette.classColor(set[0]++);
            points(chart, String.format(Locale.ROOT, "%s: spread (mean %.1f deg)", name,
                    c.meanSpreadDegrees()), c.spreadDegrees(), SeriesMarkers.CIRCLE, colour);
            points(chart, String.format(Locale.ROOT, "%s: nearest W (min %.1f deg)", name,
                    c.minWeightAngleDegrees()), c.nearestWeightAngleDegrees(), SeriesMarkers.DIAMOND, colour);
        });
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    static XYChart featureNorms(Map<String, EmbeddingGeometry> sets) {
        XYChart chart = chart("Feature norms", "||x||", "fraction of the features per bin");
        double max = sets.values().stream().flatMapToDouble(g -> java.util.Arrays.stream(g.featureNorms())).max().orElse(1);
        double width = max > 0 ? max / NORM_BINS : 1;
        double[] centres = new double[NORM_BINS];
        for (int b = 0; b < NORM_BINS; b++) {
            centres[b] = (b + 0.5) * width;
        }
        int[] set = {0};
        sets.forEach((name, g) -> {
            long[] counts = new long[NORM_BINS];
            for (double norm : g.featureNorms()) {
                counts[Math.min(NORM_BINS - 1, (int) (norm / width))]++;
            }
            line(chart, String.format(Locale.ROOT, "%s (mean %.3g)", name, g.meanNorm()), centres, fractions(counts),
                    Palette.classColor(set[0]++));
        });
        chart.getStyler().setXAxisMin(0.0);
        return chart;
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        Figures.fitTitle(chart, WIDTH - Figures.Y_AXIS_WIDTH - 20);
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color colour) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }

    /** One marker per class with a value (classes without images or weights are left out). */
    private static void points(XYChart chart, String name, double[] perClass, Marker marker, Color colour) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            if (!Double.isNaN(perClass[c])) {
                x.add((double) c);
                y.add(perClass[c]);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(colour);
    }

    private static double[] fractions(long[] counts) {
        double total = java.util.Arrays.stream(counts).sum();
        return java.util.Arrays.stream(counts).mapToDouble(c -> total == 0 ? 0 : c / total).toArray();
    }
}
