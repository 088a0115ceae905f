package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.softmaxzoo.report.TrainingFit;

/** The points in points (percent), and the line through them. */
class TrainingFitPlotTest {
    @Test
    void pointsInPercentAndTheLeastSquaresLine() {
        // Training gaps 0, 1, 2, 3 points, test gaps 0, 1, 1, 3: the line is y = 0.9 x - 0.1 (TrainingFitTest, by hand).
        List<TrainingFit.Point> points = List.of(new TrainingFit.Point("a", 0.9, 0.9, 0.8, 0.8), new TrainingFit.Point("b", 0.9, 0.91, 0.8, 0.81),
                new TrainingFit.Point("c", 0.9, 0.92, 0.8, 0.81), new TrainingFit.Point("d", 0.9, 0.93, 0.8, 0.83));
        TrainingFit.Point failed = new TrainingFit.Point("e", 0.59, 0.85, 0.64, 0.84);
        XYChart chart = TrainingFitPlot.chart(new TrainingFit.Report("mnist", TrainingFit.fit(points), List.of(failed), List.of()), "seed 1");
        XYSeries rows = chart.getSeriesMap().get("rows (4)");
        assertArrayEquals(new double[] {0, 1, 2, 3}, rows.getXData(), 1e-9);
        assertArrayEquals(new double[] {0, 1, 1, 3}, rows.getYData(), 1e-9);
        XYSeries line = chart.getSeriesMap().get("least squares: test gap = 0.90 x training gap - 0.10 points (r = 0.92)");
        assertArrayEquals(new double[] {0, 3}, line.getXData(), 1e-9);
        assertArrayEquals(new double[] {-0.1, 2.6}, line.getYData(), 1e-9);
        assertTrue(chart.getTitle().contains("did not train, left out: 1"), chart.getTitle());
    }
}
