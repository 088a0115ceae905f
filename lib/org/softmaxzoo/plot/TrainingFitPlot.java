package org.softmaxzoo.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softmaxzoo.report.TrainingFit;

/**
 * A {@link TrainingFit} as a picture: one point per row, x our training accuracy in the last epoch minus the
 * reference's, y our best test accuracy minus the reference's (both in points), and the least-squares line. Points
 * near the line are gaps the training fit accounts for; the rows left out because a run did not train are counted in
 * the title.
 */
public final class TrainingFitPlot {
    private static final int WIDTH = 760;

    private TrainingFitPlot() {
    }

    public static BufferedImage render(TrainingFit.Report report, String run) {
        return Figures.image(chart(report, run));
    }

    static XYChart chart(TrainingFit.Report report, String run) {
        TrainingFit.Fit fit = report.fit();
        String leftOut = report.didNotTrain().isEmpty() ? "" : "; did not train, left out: " + report.didNotTrain().size();
        String noRows = fit.points().isEmpty() ? "; no rows yet" : "";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(560)
                .title(report.dataset() + ": gaps to the reference, test vs training (" + run + leftOut + noRows + ")")
                .xAxisTitle("training accuracy in the last epoch, ours minus the reference's (points)")
                .yAxisTitle("best test accuracy, ours minus the reference's (points)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(9);
        double[] x = fit.points().stream().mapToDouble(p -> 100 * p.trainGap()).toArray();
        double[] y = fit.points().stream().mapToDouble(p -> 100 * p.testGap()).toArray();
        boolean empty = x.length == 0;
        if (empty) { // XChart refuses an empty series: one point that is neither drawn nor in the legend
            x = new double[] {0};
            y = new double[] {0};
        }
        XYSeries rows = chart.addSeries("rows (" + fit.points().size() + ")", x, y);
        rows.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        rows.setMarker(empty ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        rows.setMarkerColor(Palette.classColor(0));
        rows.setShowInLegend(!empty);
        if (!Double.isNaN(fit.slope())) {
            double lo = java.util.Arrays.stream(x).min().orElseThrow();
            double hi = java.util.Arrays.stream(x).max().orElseThrow();
            // x is in points, the fit in accuracy differences
            XYSeries line = chart.addSeries("least squares: " + fit.equation(), new double[] {lo, hi},
                    new double[] {100 * fit.predictedTestGap(lo / 100), 100 * fit.predictedTestGap(hi / 100)});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Color.GRAY);
        }
        Figures.fitTitle(chart, WIDTH - 2 * Figures.Y_AXIS_WIDTH);
        return chart;
    }
}
