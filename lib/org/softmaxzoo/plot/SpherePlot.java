package org.softmaxzoo.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The petal figure of 3-d features: the features L2-normalized onto the unit sphere, seen in three
 * orthographic views, each showing only the hemisphere that faces the viewer (so the far side does not
 * overlap the near one): from +z (x right, y up), from -z (the sphere turned over about the y axis: -x
 * right, y up) and from +y (x right, z up). Class weights W_j / ||W_j|| are rays from the centre, drawn in
 * a view when they point into its hemisphere; the unit circle is the sphere's outline.
 */
public final class SpherePlot {
    private static final int SIZE = 560;
    private static final int LEGEND_WIDTH = 150;
    private static final int CIRCLE_POINTS = 181;
    /** Beyond the axes' range (+-1.05): drawn nowhere, listed in the legend. */
    private static final double OUTSIDE = 10;

    /** A view: the unit vector towards the viewer, and the plot's right and up axes. */
    record View(String name, double[] toward, double[] right, double[] up) {
        /** (right, up) coordinates of unit vector v, or null when it points away from the viewer. */
        double[] project(double[] v) {
            double depth = dot(v, toward);
            return depth < 0 ? null : new double[] {dot(v, right), dot(v, up)};
        }
    }

    static final List<View> VIEWS = List.of(
            new View("seen from +z (z >= 0)", new double[] {0, 0, 1}, new double[] {1, 0, 0}, new double[] {0, 1, 0}),
            new View("seen from -z (z <= 0)", new double[] {0, 0, -1}, new double[] {-1, 0, 0}, new double[] {0, 1, 0}),
            new View("seen from +y (y >= 0)", new double[] {0, 1, 0}, new double[] {1, 0, 0}, new double[] {0, 0, 1}));

    private SpherePlot() {
    }

    /**
     * @param features n x 3, row-major
     * @param weights  3 x C, row-major (one column per class)
     * @param title    what the figure shows, including the run
     */
    public static BufferedImage render(float[] features, int[] labels, float[] weights, int numClasses, String title) {
        return Figures.withTitle(Figures.row(charts(features, labels, weights, numClasses)), title + " — features on the unit sphere");
    }

    static List<XYChart> charts(float[] features, int[] labels, float[] weights, int numClasses) {
        if (features.length != labels.length * 3 || weights.length != 3 * numClasses) {
            throw new IllegalArgumentException("sphere plot needs 3-d features (n x 3) and a 3 x C weight matrix, got "
                    + features.length + " feature values for " + labels.length + " labels and " + weights.length + " weights");
        }
        List<XYChart> charts = new ArrayList<>();
        for (int v = 0; v < VIEWS.size(); v++) {
            View view = VIEWS.get(v);
            boolean last = v == VIEWS.size() - 1;
            XYChart chart = PetalPlot.chart(SIZE + (last ? LEGEND_WIDTH : 0), view.name(), view.name().startsWith("seen from +y")
                    ? "x / ||x||" : (view.right()[0] < 0 ? "-x / ||x||" : "x / ||x||"));
            chart.setYAxisTitle(view.up()[2] > 0 ? "z / ||x||" : "y / ||x||");
            chart.getStyler().setXAxisMin(-1.05).setXAxisMax(1.05).setYAxisMin(-1.05).setYAxisMax(1.05);
            chart.getStyler().setLegendVisible(last);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            outline(chart);
            points(chart, view, features, labels, numClasses);
            rays(chart, view, weights, numClasses, last);
            charts.add(chart);
        }
        return charts;
    }

    private static void outline(XYChart chart) {
        double[] x = new double[CIRCLE_POINTS];
        double[] y = new double[CIRCLE_POINTS];
        for (int i = 0; i < CIRCLE_POINTS; i++) {
            x[i] = Math.cos(2 * Math.PI * i / (CIRCLE_POINTS - 1));
            y[i] = Math.sin(2 * Math.PI * i / (CIRCLE_POINTS - 1));
        }
        XYSeries s = chart.addSeries("sphere outline", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.LIGHT_GRAY);
        s.setShowInLegend(false);
    }

    private static void points(XYChart chart, View view, float[] f, int[] labels, int numClasses) {
        for (int c = 0; c < numClasses; c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                double[] p = labels[i] == c ? view.project(unit(f[3 * i], f[3 * i + 1], f[3 * i + 2])) : null;
                if (p != null) {
                    xs.add(p[0]);
                    ys.add(p[1]);
                }
            }
            if (xs.isEmpty()) {
                // a class with no feature in this hemisphere keeps its legend entry: one point outside the axes
                xs.add(OUTSIDE);
                ys.add(OUTSIDE);
            }
            XYSeries s = chart.addSeries("class " + c, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Palette.translucent(Palette.classColor(c), 90));
        }
    }

    private static void rays(XYChart chart, View view, float[] w, int numClasses, boolean legendView) {
        for (int c = 0; c < numClasses; c++) {
            double[] p = view.project(unit(w[c], w[numClasses + c], w[2 * numClasses + c]));
            if (p == null) {
                continue;
            }
            XYSeries s = chart.addSeries("W_" + c, new double[] {0, p[0]}, new double[] {0, p[1]});
            rayStyle(s, Palette.classColor(c).darker());
            s.setShowInLegend(false);
        }
        if (legendView) {
            // The legend's entry for the rays, drawn outside the axes: the legend's view may have no ray in its hemisphere.
            rayStyle(chart.addSeries(PetalPlot.RAYS_LEGEND, new double[] {OUTSIDE, OUTSIDE + 1}, new double[] {OUTSIDE, OUTSIDE}),
                    Color.DARK_GRAY);
        }
    }

    private static void rayStyle(XYSeries s, Color colour) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(2.5f));
    }

    static double[] unit(double x, double y, double z) {
        double n = Math.max(Math.sqrt(x * x + y * y + z * z), 1e-12);
        return new double[] {x / n, y / n, z / n};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
