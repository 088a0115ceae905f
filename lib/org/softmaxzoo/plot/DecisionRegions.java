package org.softmaxzoo.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softmaxzoo.heads.MarginCurves;
import org.softmaxzoo.heads.margins.TargetTransform;

/**
 * Two-class decision regions in the plane of 2-d features: which points class 1 claims, which class 2
 * claims, and (for margin heads) the points neither claims with its margin. Class weights are drawn as
 * rays. Margin heads are drawn through their own target transform f, evaluated by the training graph:
 * class 1 claims x when f(cos theta_1) > cos theta_2 (the feature norm multiplies both sides alike).
 */
public final class DecisionRegions {
    private static final int GRID = 121;
    private static final double EXTENT = 1.5;
    private static final Color MARGIN = new Color(200, 200, 200);
    /** The plane's grid points, row by row. */
    private static final double[] XS = new double[GRID * GRID];
    private static final double[] YS = new double[GRID * GRID];

    static {
        for (int i = 0; i < XS.length; i++) {
            XS[i] = -EXTENT + 2 * EXTENT * (i % GRID) / (GRID - 1);
            YS[i] = -EXTENT + 2 * EXTENT * (i / GRID) / (GRID - 1);
        }
    }

    private DecisionRegions() {
    }

    /** Plain softmax with bias: class 1 where W_1 . x + b_1 > W_2 . x + b_2 (a line, not through the origin when b_1 != b_2). */
    public static XYChart linear(String title, double[] w1, double[] w2, double b1, double b2) {
        int[] region = new int[XS.length];
        for (int i = 0; i < region.length; i++) {
            region[i] = w1[0] * XS[i] + w1[1] * YS[i] + b1 > w2[0] * XS[i] + w2[1] * YS[i] + b2 ? 1 : 2;
        }
        return render(title, region, w1, w2);
    }

    /** A normalized-weight head with target transform f; weights at angles 0 and {@code theta12} (radians), unit length. */
    public static XYChart angular(String title, TargetTransform f, double theta12) {
        return render(title, angularRegions(f, theta12), new double[] {1, 0}, new double[] {Math.cos(theta12), Math.sin(theta12)});
    }

    /** Each grid point's region (1, 2, or 0 for the margin) for unit weights at angles 0 and theta12. */
    static int[] angularRegions(TargetTransform f, double theta12) {
        double[] w1 = {1, 0};
        double[] w2 = {Math.cos(theta12), Math.sin(theta12)};
        int n = XS.length;
        double[] angles = new double[2 * n];
        for (int i = 0; i < n; i++) {
            angles[i] = angle(XS[i], YS[i], w1);
            angles[n + i] = angle(XS[i], YS[i], w2);
        }
        // f at every point's angle to W_1 (first half) and to W_2 (second half), in one graph run.
        double[] target = MarginCurves.values(f, angles, 0);
        int[] region = new int[n];
        for (int i = 0; i < n; i++) {
            region[i] = target[i] > Math.cos(angles[n + i]) ? 1 : target[n + i] > Math.cos(angles[i]) ? 2 : 0;
        }
        return region;
    }

    private static XYChart render(String title, int[] region, double[] w1, double[] w2) {
        XYChart chart = new XYChartBuilder().width(420).height(460).title(title).xAxisTitle("feature 1").yAxisTitle("feature 2").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(12f));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        String[] names = {"margin: neither class", "class 1", "class 2"};
        Color[] colors = {MARGIN, Palette.translucent(Palette.classColor(0), 120), Palette.translucent(Palette.classColor(1), 120)};
        for (int r = 0; r < 3; r++) {
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int i = 0; i < region.length; i++) {
                if (region[i] == r) {
                    px.add(XS[i]);
                    py.add(YS[i]);
                }
            }
            if (!px.isEmpty()) {
                XYSeries s = chart.addSeries(names[r], px, py);
                s.setMarker(SeriesMarkers.SQUARE);
                s.setMarkerColor(colors[r]);
            }
        }
        double[][] ws = {w1, w2};
        for (int k = 0; k < 2; k++) {
            double scale = 1.3 / Math.max(Math.hypot(w1[0], w1[1]), Math.hypot(w2[0], w2[1]));
            XYSeries s = chart.addSeries("W_" + (k + 1), new double[] {0, scale * ws[k][0]}, new double[] {0, scale * ws[k][1]});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Palette.classColor(k).darker());
            s.setLineStyle(new BasicStroke(3f));
        }
        return chart;
    }

    /** The grid point nearest to (x, y). */
    static int nearestPoint(double x, double y) {
        int col = (int) Math.round((x + EXTENT) / (2 * EXTENT) * (GRID - 1));
        int row = (int) Math.round((y + EXTENT) / (2 * EXTENT) * (GRID - 1));
        return row * GRID + col;
    }

    private static double angle(double x, double y, double[] w) {
        double n = Math.hypot(x, y) * Math.hypot(w[0], w[1]);
        return n == 0 ? 0 : Math.acos(Math.max(-1, Math.min(1, (x * w[0] + y * w[1]) / n)));
    }
}
