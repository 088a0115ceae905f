package org.softmaxzoo.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Reference against ours: one point per row (x the reference's accuracy, y ours), the line y = x, and
 * where a row has run with several seeds a vertical bar over our seeds' range (min to max). Points on
 * the line reproduce the reference; the axes span the points, not [0, 1], so differences of a point show.
 */
public final class ReferenceScatter {
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP};
    /** The legend entry of the seeds' bars. */
    static final String SEEDS_LEGEND = "our seeds' range (min-max)";

    /** One row: its reference and our accuracy, and our seeds' range (NaN without two seeds or more). */
    public record Point(String label, double reference, double ours, double low, double high) {
        boolean hasRange() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    /** Points of one kind (for example the rows that ran all 40 epochs), drawn with one marker. */
    public record Series(String name, List<Point> points) {
    }

    private ReferenceScatter() {
    }

    public static BufferedImage render(String title, List<Series> series) {
        return Figures.image(chart(title, series));
    }

    static XYChart chart(String title, List<Series> series) {
        XYChart chart = new XYChartBuilder().width(760).height(700).title(title)
                .xAxisTitle("reference best test accuracy").yAxisTitle("our best test accuracy").build();
        // Below the plot: inside it, the legend hid a collapsed row's point (MNIST NormFace s = 50 at 10 epochs).
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        double lo = 1;
        double hi = 0;
        for (Series s : series) {
            for (Point p : s.points()) {
                lo = Math.min(lo, Math.min(p.reference(), p.hasRange() ? p.low() : p.ours()));
                hi = Math.max(hi, Math.max(p.reference(), p.hasRange() ? p.high() : p.ours()));
            }
        }
        if (lo > hi) { // no points yet
            lo = 0;
            hi = 1;
        }
        double pad = Math.max(0.005, 0.05 * (hi - lo));
        double min = Math.max(0, lo - pad);
        double max = Math.min(1, hi + pad);
        chart.getStyler().setXAxisMin(min).setXAxisMax(max).setYAxisMin(min).setYAxisMax(max);
        XYSeries diagonal = chart.addSeries("y = x (reproduced)", new double[] {min, max}, new double[] {min, max});
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Color.GRAY);
        int bars = 0;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Color colour = Palette.classColor(k);
            for (Point p : s.points()) {
                if (p.hasRange()) {
                    XYSeries bar = chart.addSeries(bars == 0 ? SEEDS_LEGEND : "seeds " + s.name() + " " + p.label(),
                            new double[] {p.reference(), p.reference()}, new double[] {p.low(), p.high()});
                    bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    bar.setMarker(SeriesMarkers.NONE);
                    bar.setLineColor(colour.darker());
                    bar.setLineStyle(new BasicStroke(2f));
                    bar.setShowInLegend(bars == 0);
                    bars++;
                }
            }
            if (s.points().isEmpty()) {
                continue;
            }
            XYSeries points = chart.addSeries(s.name() + " (" + s.points().size() + " rows)",
                    s.points().stream().mapToDouble(Point::reference).toArray(), s.points().stream().mapToDouble(Point::ours).toArray());
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(MARKERS[k % MARKERS.length]);
            points.setMarkerColor(colour);
        }
        chart.getStyler().setMarkerSize(9);
        Figures.fitTitle(chart, 760 - 2 * Figures.Y_AXIS_WIDTH);
        return chart;
    }
}
