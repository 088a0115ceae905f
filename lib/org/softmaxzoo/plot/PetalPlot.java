package org.softmaxzoo.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The "petal" figure: 2-d features coloured by class with each class weight W_j drawn as a ray from
 * the origin (scaled by a stated factor so it is visible next to the features), and beside it the
 * same features and weights after L2 normalization (points on the unit circle, unit rays).
 */
public final class PetalPlot {
    private static final int SIZE = 640;
    private static final int LEGEND_WIDTH = 150;
    /** The legend entry of the rays (one entry for all: each ray has its class's colour, darker). */
    static final String RAYS_LEGEND = "rays: W_j (class colour)";

    private PetalPlot() {
    }

    /**
     * @param features n x 2, row-major
     * @param weights  2 x C, row-major (one column per class)
     * @param title    what the figure shows, including the run (data set, head, epochs)
     */
    public static BufferedImage render(float[] features, int[] labels, float[] weights, int numClasses, String title) {
        return Figures.row(charts(features, labels, weights, numClasses, title));
    }

    /** The two panels, raw and L2-normalized; the second carries the legend (classes and the rays). */
    static List<XYChart> charts(float[] features, int[] labels, float[] weights, int numClasses, String title) {
        if (features.length != labels.length * 2 || weights.length == 0 || weights.length % (2 * numClasses) != 0) {
            throw new IllegalArgumentException("petal plot needs 2-d features and a 2 x C weight matrix (2 x KC for K sub-centres per class)");
        }
        double rayScale = rayScale(features, labels.length, weights);
        XYChart raw = chart(SIZE, title + " — raw features", String.format(Locale.ROOT,
                "feature 1   (rays: W_j x %.3g)", rayScale));
        XYChart unit = chart(SIZE + LEGEND_WIDTH, title + " — L2-normalized", "feature 1 / ||x||   (rays: W_j / ||W_j||)");
        raw.getStyler().setLegendVisible(false);
        unit.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        addPoints(raw, features, labels, numClasses, false);
        addPoints(unit, features, labels, numClasses, true);
        addRays(raw, weights, numClasses, rayScale, false);
        addRays(unit, weights, numClasses, 1, true);
        return List.of(raw, unit);
    }

    /**
     * The factor that draws the longest weight ray to 90% of the farthest 2-d feature (1 with no weights);
     * every column of the 2 x C (or 2 x KC, K sub-centres per class) weight matrix counts.
     */
    static double rayScale(float[] features, int n, float[] weights) {
        double maxFeature = 0;
        for (int i = 0; i < n; i++) {
            maxFeature = Math.max(maxFeature, Math.hypot(features[2 * i], features[2 * i + 1]));
        }
        double maxWeight = 0;
        int columns = weights.length / 2;
        for (int j = 0; j < columns; j++) {
            maxWeight = Math.max(maxWeight, Math.hypot(weights[j], weights[columns + j]));
        }
        return maxWeight > 0 ? 0.9 * maxFeature / maxWeight : 1;
    }

    static XYChart chart(int width, String title, String xTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(SIZE).title(title).xAxisTitle(xTitle)
                .yAxisTitle(xTitle.startsWith("feature 1 /") ? "feature 2 / ||x||" : "feature 2").build();
        Styler s = chart.getStyler();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        // Long titles (long head specs) shrink rather than get cut at the panel's edge; the title is centred
        // over the plot, which starts right of the y axis, so it has the panel less twice the axis.
        Figures.fitTitle(chart, SIZE - 2 * Figures.Y_AXIS_WIDTH);
        s.setLegendFont(s.getLegendFont().deriveFont(12f));
        return chart;
    }

    static void addPoints(XYChart chart, float[] f, int[] labels, int numClasses, boolean normalize) {
        for (int c = 0; c < numClasses; c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != c) {
                    continue;
                }
                double x = f[2 * i];
                double y = f[2 * i + 1];
                double norm = normalize ? Math.max(Math.hypot(x, y), 1e-12) : 1;
                xs.add(x / norm);
                ys.add(y / norm);
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries("class " + c, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Palette.translucent(Palette.classColor(c), 90));
        }
    }

    /** One ray per column of W; column j belongs to class j mod C (sub-centre heads keep K columns per class). */
    private static void addRays(XYChart chart, float[] w, int numClasses, double scale, boolean normalize) {
        int columns = w.length / 2;
        for (int j = 0; j < columns; j++) {
            double x = w[j];
            double y = w[columns + j];
            double norm = normalize ? Math.max(Math.hypot(x, y), 1e-12) : 1;
            XYSeries s = chart.addSeries(j == 0 ? RAYS_LEGEND : "W_" + j, new double[] {0, scale * x / norm}, new double[] {0, scale * y / norm});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Palette.classColor(j % numClasses).darker());
            s.setLineStyle(new BasicStroke(2.5f));
            s.setShowInLegend(j == 0);
        }
    }
}
