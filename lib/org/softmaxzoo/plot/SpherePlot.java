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
 * 3-d features on the unit sphere (the 3-d counterpart of {@link PetalPlot}): every feature is
 * L2-normalized and drawn in four panels: an oblique view of the sphere (points on the far side faded),
 * and the orthographic projections onto the planes of feature axes 1-2, 1-3 and 2-3. Each class weight
 * is drawn as a unit ray from the centre, in its class's colour (darker).
 */
public final class SpherePlot {
    private static final int SIZE = 520;
    private static final int LEGEND_WIDTH = 130;
    /** The oblique view's camera: turned 40 degrees about axis 3, raised 25 degrees. */
    static final double AZIMUTH_DEG = 40;
    static final double ELEVATION_DEG = 25;

    private SpherePlot() {
    }

    /**
     * @param features n x 3, row-major
     * @param weights  3 x C, row-major (one column per class), or null to draw no rays
     * @param title    what the figure shows, including the run (data set, head, epochs)
     */
    public static BufferedImage render(float[] features, int[] labels, float[] weights, int numClasses, String title) {
        if (features.length != labels.length * 3 || (weights != null && weights.length != 3 * numClasses)) {
            throw new IllegalArgumentException("sphere plot needs 3-d features (n x 3) and a 3 x C weight matrix, got "
                    + features.length + " feature values for " + labels.length + " labels");
        }
        double[][] unit = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            unit[i] = normalized(features[3 * i], features[3 * i + 1], features[3 * i + 2]);
        }
        double[][] rays = new double[weights == null ? 0 : numClasses][];
        for (int c = 0; c < rays.length; c++) {
            rays[c] = normalized(weights[c], weights[numClasses + c], weights[2 * numClasses + c]);
        }
        List<XYChart> panels = new ArrayList<>();
        panels.add(oblique(unit, labels, rays, numClasses));
        int[][] planes = {{0, 1}, {0, 2}, {1, 2}};
        for (int p = 0; p < planes.length; p++) {
            panels.add(projection(unit, labels, rays, numClasses, planes[p][0], planes[p][1], p == planes.length - 1));
        }
        return Figures.withTitle(Figures.row(panels), title + " — features / ||x|| on the unit sphere");
    }

    /**
     * Screen coordinates of a unit vector in the oblique view: {x, y, depth}, depth > 0 on the side
     * facing the viewer. The camera turns the sphere by the azimuth about axis 3, then tilts it by the elevation.
     */
    static double[] obliqueView(double[] u) {
        double a = Math.toRadians(AZIMUTH_DEG);
        double e = Math.toRadians(ELEVATION_DEG);
        double x = u[0] * Math.cos(a) - u[1] * Math.sin(a);
        double toward = u[0] * Math.sin(a) + u[1] * Math.cos(a);
        double up = u[2];
        // Tilt: the viewer looks from above the equator, so the top of the sphere leans toward them.
        double y = up * Math.cos(e) - toward * Math.sin(e);
        double depth = up * Math.sin(e) + toward * Math.cos(e);
        return new double[] {x, y, depth};
    }

    private static XYChart oblique(double[][] unit, int[] labels, double[][] rays, int numClasses) {
        XYChart chart = chart(SIZE, String.format("oblique view (turned %.0f deg, raised %.0f deg)", AZIMUTH_DEG, ELEVATION_DEG),
                "screen x", "screen y");
        drawOutline(chart);
        // Circles of the sphere (equator and two meridians), as a frame for the eye.
        for (int circle = 0; circle < 3; circle++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k <= 120; k++) {
                double t = 2 * Math.PI * k / 120;
                double[] u = circle == 0 ? new double[] {Math.cos(t), Math.sin(t), 0}
                        : circle == 1 ? new double[] {Math.cos(t), 0, Math.sin(t)} : new double[] {0, Math.cos(t), Math.sin(t)};
                double[] v = obliqueView(u);
                xs.add(v[0]);
                ys.add(v[1]);
            }
            line(chart, "circle " + circle, xs, ys, new Color(215, 215, 215), 1f, false);
        }
        boolean anyBack = false;
        for (int c = 0; c < numClasses; c++) {
            for (boolean front : new boolean[] {false, true}) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int i = 0; i < labels.length; i++) {
                    double[] v = obliqueView(unit[i]);
                    if (labels[i] == c && (v[2] >= 0) == front) {
                        xs.add(v[0]);
                        ys.add(v[1]);
                    }
                }
                if (!xs.isEmpty()) {
                    XYSeries s = chart.addSeries((front ? "class " : "far side, class ") + c, xs, ys);
                    s.setMarker(SeriesMarkers.CIRCLE);
                    s.setMarkerColor(Palette.translucent(Palette.classColor(c), front ? 110 : 25));
                    s.setShowInLegend(false);
                    anyBack |= !front;
                }
            }
        }
        if (anyBack) {
            // One legend entry explains the faded points.
            XYSeries key = chart.addSeries("far side (faded)", new double[] {9}, new double[] {9});
            key.setMarker(SeriesMarkers.CIRCLE);
            key.setMarkerColor(Palette.translucent(Color.GRAY, 40));
        }
        for (int c = 0; c < rays.length; c++) {
            double[] v = obliqueView(rays[c]);
            line(chart, "W_" + c, List.of(0.0, v[0]), List.of(0.0, v[1]), Palette.classColor(c).darker(), 2.5f, false);
        }
        chart.getStyler().setLegendVisible(anyBack);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        return chart;
    }

    private static XYChart projection(double[][] unit, int[] labels, double[][] rays, int numClasses, int a, int b, boolean legend) {
        XYChart chart = chart(SIZE + (legend ? LEGEND_WIDTH : 0), "projection onto axes " + (a + 1) + " and " + (b + 1),
                "feature " + (a + 1) + " / ||x||", "feature " + (b + 1) + " / ||x||");
        drawOutline(chart);
        for (int c = 0; c < numClasses; c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    xs.add(unit[i][a]);
                    ys.add(unit[i][b]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries("class " + c, xs, ys);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(Palette.translucent(Palette.classColor(c), 90));
            }
        }
        for (int c = 0; c < rays.length; c++) {
            line(chart, "W_" + c + " / ||W_" + c + "||", List.of(0.0, rays[c][a]), List.of(0.0, rays[c][b]),
                    Palette.classColor(c).darker(), 2.5f, true);
        }
        chart.getStyler().setLegendVisible(legend);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    private static XYChart chart(int width, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(SIZE).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Styler s = chart.getStyler();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setXAxisMin(-1.1);
        chart.getStyler().setXAxisMax(1.1);
        chart.getStyler().setYAxisMin(-1.1);
        chart.getStyler().setYAxisMax(1.1);
        s.setLegendFont(s.getLegendFont().deriveFont(12f));
        Figures.fitTitle(chart, SIZE - 2 * Figures.Y_AXIS_WIDTH);
        return chart;
    }

    /** The sphere's silhouette: the unit circle, in every view. */
    private static void drawOutline(XYChart chart) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k <= 180; k++) {
            xs.add(Math.cos(2 * Math.PI * k / 180));
            ys.add(Math.sin(2 * Math.PI * k / 180));
        }
        line(chart, "unit sphere", xs, ys, Color.GRAY, 1f, false);
    }

    private static void line(XYChart chart, String name, List<Double> xs, List<Double> ys, Color colour, float width, boolean inLegend) {
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(width));
        s.setShowInLegend(inLegend);
    }

    private static double[] normalized(double x, double y, double z) {
        double n = Math.max(Math.sqrt(x * x + y * y + z * z), 1e-12);
        return new double[] {x / n, y / n, z / n};
    }
}
