package org.softmaxzoo.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Closed set against open set, for 2-d features of a network trained on some classes only. Left: the
 * test images of the training classes with their class weights (what classification needs: each
 * image nearest its own weight). Right: the directions (features / ||x||) of the test images of classes
 * never trained on, drawn on rings outside the unit circle that holds the training classes' directions
 * in grey (what verification of new identities needs: images of one unseen class close together and
 * away from the others, with no weight of their own).
 */
public final class OpenSetPlot {
    private static final int SIZE = 620;
    private static final int LEGEND_WIDTH = 150;

    private OpenSetPlot() {
    }

    /**
     * @param seenFeatures   n x 2 features of test images of the training classes
     * @param weights        2 x C weights of the C training classes (labels 0..C-1)
     * @param unseenFeatures m x 2 features of test images of other classes (labels C and up)
     */
    public static BufferedImage render(float[] seenFeatures, int[] seenLabels, float[] weights, int seenClasses,
                                       float[] unseenFeatures, int[] unseenLabels, String title) {
        if (seenFeatures.length != 2 * seenLabels.length || unseenFeatures.length != 2 * unseenLabels.length
                || weights.length != 2 * seenClasses) {
            throw new IllegalArgumentException("open-set plot needs 2-d features and a 2 x C weight matrix");
        }
        XYChart closed = chart(SIZE + LEGEND_WIDTH, "closed set: test images of the " + seenClasses + " training classes",
                "feature 1", "feature 2");
        double rayScale = PetalPlot.rayScale(seenFeatures, seenLabels.length, weights);
        closed.setXAxisTitle(String.format(java.util.Locale.ROOT, "feature 1   (rays: W_j x %.3g)", rayScale));
        for (int c = 0; c < seenClasses; c++) {
            scatter(closed, "class " + c, seenFeatures, seenLabels, c, 1, false, Palette.translucent(Palette.classColor(c), 90));
        }
        for (int c = 0; c < seenClasses; c++) {
            ray(closed, c == 0 ? "class weights W_j (rays)" : "W_" + c, rayScale * weights[c], rayScale * weights[seenClasses + c], Palette.classColor(c).darker(), c == 0);
        }
        closed.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);

        XYChart open = chart(SIZE + LEGEND_WIDTH, "open set: directions of classes never trained on",
                "feature 1 / ||x||  (unseen classes on outer rings)", "feature 2 / ||x||");
        int[] all = new int[seenLabels.length];
        scatter(open, "training classes (r = 1)", seenFeatures, all, 0, 1, true, new Color(150, 150, 150, 60));
        int[] unseenClasses = java.util.Arrays.stream(unseenLabels).distinct().sorted().toArray();
        for (int k = 0; k < unseenClasses.length; k++) {
            int c = unseenClasses[k];
            double radius = 1.15 + 0.15 * k;
            scatter(open, String.format(java.util.Locale.ROOT, "unseen class %d (r = %.2f)", c, radius), unseenFeatures,
                    unseenLabels, c, radius, true, Palette.translucent(Palette.classColor(c), 110));
        }
        for (int c = 0; c < seenClasses; c++) {
            double n = Math.max(Math.hypot(weights[c], weights[seenClasses + c]), 1e-12);
            ray(open, "training weights W_j / ||W_j||", weights[c] / n, weights[seenClasses + c] / n, Color.DARK_GRAY, c == 0);
        }
        open.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        // Equal ranges on both axes, so the rings stay circles.
        double reach = 1.15 + 0.15 * unseenClasses.length;
        open.getStyler().setXAxisMin(-reach);
        open.getStyler().setXAxisMax(reach);
        open.getStyler().setYAxisMin(-reach);
        open.getStyler().setYAxisMax(reach);
        return Figures.withTitle(Figures.row(List.of(closed, open)), title);
    }

    private static XYChart chart(int width, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(SIZE).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendFont(chart.getStyler().getLegendFont().deriveFont(12f));
        Figures.fitTitle(chart, SIZE - 2 * Figures.Y_AXIS_WIDTH);
        return chart;
    }

    /** The points of one class, at their own place or, with {@code normalize}, their direction at {@code radius}. */
    private static void scatter(XYChart chart, String name, float[] f, int[] labels, int c, double radius, boolean normalize, Color colour) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != c) {
                continue;
            }
            double n = normalize ? Math.max(Math.hypot(f[2 * i], f[2 * i + 1]), 1e-12) / radius : 1;
            xs.add(f[2 * i] / n);
            ys.add(f[2 * i + 1] / n);
        }
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries(name, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colour);
        }
    }

    private static void ray(XYChart chart, String name, double x, double y, Color colour, boolean inLegend) {
        // Series names must be unique: the rays after the first get an invisible suffix of spaces.
        String unique = name;
        while (chart.getSeriesMap().containsKey(unique)) {
            unique += " ";
        }
        XYSeries s = chart.addSeries(unique, new double[] {0, x}, new double[] {0, y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(2.5f));
        s.setShowInLegend(inLegend);
    }
}
