package org.softmaxzoo.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softmaxzoo.teaching.HeatedUpToy;

/**
 * The heated-up softmax's toy figures: (a)-(d), the samples' paths along the unit circle under gradient
 * descent at four scales; and each sample's angular gradient against the scale (log axis).
 */
public final class HeatedUpFigures {
    private static final int SIZE = 420;
    private static final Map<String, Color> KIND = new LinkedHashMap<>();

    static {
        KIND.put("easy", new Color(0x1b9e77));
        KIND.put("boundary", new Color(0xd95f02));
        KIND.put("hard", new Color(0x7570b3));
    }

    private HeatedUpFigures() {
    }

    /**
     * Four panels, one per scale: the class weights (rays), each sample's start (open circle), its path
     * and where it ends (filled) after {@code steps} steps of gradient descent at {@code rate}.
     */
    public static BufferedImage paths(HeatedUpToy toy, List<HeatedUpToy.Sample> samples, double[] alphas, double rate, int steps) {
        List<XYChart> panels = new ArrayList<>();
        for (int a = 0; a < alphas.length; a++) {
            String title = String.format(Locale.ROOT, "(%c) alpha = %s", (char) ('a' + a), trim(alphas[a]));
            XYChart chart = new XYChartBuilder().width(SIZE + (a == alphas.length - 1 ? 110 : 0)).height(SIZE).title(title)
                    .xAxisTitle("x").yAxisTitle("y").build();
            chart.getStyler().setXAxisMin(-1.15).setXAxisMax(1.15).setYAxisMin(-1.15).setYAxisMax(1.15);
            chart.getStyler().setLegendVisible(a == alphas.length - 1);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            circle(chart);
            double[] w = toy.weightAngles();
            for (int k = 0; k < w.length; k++) {
                XYSeries s = chart.addSeries(k == 0 ? "W_0 (samples' class)" : "W_" + k,
                        new double[] {0, Math.cos(w[k])}, new double[] {0, Math.sin(w[k])});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(k == 0 ? Color.BLACK : Color.GRAY);
                s.setLineStyle(new BasicStroke(k == 0 ? 2.5f : 1.5f));
                s.setShowInLegend(k <= 1);
                if (k == 1) {
                    s.setLabel("other classes' W");
                }
            }
            for (int i = 0; i < samples.size(); i++) {
                HeatedUpToy.Sample sample = samples.get(i);
                double[] path = toy.descend(alphas[a], sample, rate, steps);
                Color colour = KIND.getOrDefault(sample.kind(), Color.DARK_GRAY);
                XYSeries line = chart.addSeries(sample.kind() + " " + i, cos(path), sin(path));
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(colour);
                line.setLineStyle(new BasicStroke(3f));
                line.setShowInLegend(false);
                XYSeries start = chart.addSeries("start " + i, new double[] {Math.cos(path[0])}, new double[] {Math.sin(path[0])});
                start.setMarker(SeriesMarkers.CIRCLE);
                start.setMarkerColor(Color.WHITE);
                start.setLineColor(colour);
                start.setShowInLegend(false);
                boolean firstOfKind = samples.subList(0, i).stream().noneMatch(o -> o.kind().equals(sample.kind()));
                double end = path[path.length - 1];
                XYSeries last = chart.addSeries(firstOfKind ? sample.kind() + " (end)" : "end " + i,
                        new double[] {Math.cos(end)}, new double[] {Math.sin(end)});
                last.setMarker(SeriesMarkers.CIRCLE);
                last.setMarkerColor(colour);
                last.setShowInLegend(firstOfKind);
            }
            for (XYSeries s : chart.getSeriesMap().values()) {
                if (s.getMarker() == SeriesMarkers.CIRCLE) {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                }
            }
            chart.getStyler().setMarkerSize(10);
            panels.add(chart);
        }
        return Figures.withTitle(Figures.row(panels), String.format(Locale.ROOT,
                "Heated-up toy: %d steps of gradient descent on the angle (rate %s), weights fixed; open circle = start",
                steps, trim(rate)));
    }

    /** Floor under the gradients on the log axis (an easy sample's gradient underflows to 0 at large alpha). */
    private static final double FLOOR = 1e-8;

    /** |dL/dtheta| of each sample against the scale alpha, both axes logarithmic (gradients floored at 1e-8). */
    public static BufferedImage gradientAgainstScale(HeatedUpToy toy, List<HeatedUpToy.Sample> samples, double[] alphas) {
        LineChart chart = new LineChart("Angular gradient |dL/dtheta| of each sample against the scale alpha",
                "scale alpha (log axis)", "|dL/dtheta| (log axis; below 1e-8 drawn at 1e-8)");
        for (HeatedUpToy.Sample sample : samples) {
            String name = String.format(Locale.ROOT, "%s, %.0f deg from W_%d", sample.kind(),
                    Math.toDegrees(Math.abs(sample.angle() - toy.weightAngles()[sample.label()])), sample.label());
            double[] g = new double[alphas.length];
            for (int i = 0; i < alphas.length; i++) {
                g[i] = Math.max(FLOOR, Math.abs(toy.angularGradient(alphas[i], sample.label(), sample.angle())));
            }
            if (!chart.has(name)) {
                chart.line(name, alphas, g);
            }
        }
        return chart.logX().logY().image();
    }

    private static void circle(XYChart chart) {
        double[] t = new double[181];
        for (int i = 0; i < t.length; i++) {
            t[i] = 2 * Math.PI * i / (t.length - 1);
        }
        XYSeries s = chart.addSeries("unit circle", cos(t), sin(t));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.LIGHT_GRAY);
        s.setShowInLegend(false);
    }

    private static double[] cos(double[] t) {
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = Math.cos(t[i]);
        }
        return v;
    }

    private static double[] sin(double[] t) {
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = Math.sin(t[i]);
        }
        return v;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
