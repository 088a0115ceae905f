package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.softmaxzoo.eval.OpenSetBenchmark;

/** The unseen-AUC chart: one bar per head and setting at the seeds' mean, the standard deviation as its whisker. */
class OpenSetSpreadChartTest {
    @Test
    void barsAreTheSeedsMeansWithTheirSpread() {
        List<OpenSetBenchmark.Result> all = new ArrayList<>(OpenSetCellsTest.results());
        // d = 64: softmax AUC 0.95, 0.96, 0.97; normface 0.90, 0.91, 0.92 (cosface and arcface not trained at d = 64).
        for (int s = 1; s <= 3; s++) {
            all.add(OpenSetCellsTest.run("softmax", 64, s, 0.94 + 0.01 * s, 0.1));
            all.add(OpenSetCellsTest.run("normface(s=10)", 64, s, 0.89 + 0.01 * s, 0.1));
        }
        CategoryChart chart = OpenSetSpreadChart.chart(OpenSetReport.cells(all), "leaderboard");
        assertTrue(chart.getTitle().endsWith("10 epochs, seeds 1,2,3"), chart.getTitle());
        CategorySeries d2 = chart.getSeriesMap().get("mnist, d = 2, 10 epochs");
        CategorySeries d64 = chart.getSeriesMap().get("mnist, d = 64, 10 epochs");
        assertEquals(List.of("normface(s=10)", "cosface(s=10,m=0.2)", "softmax", "arcface(s=10,m=30deg)"), List.copyOf(d2.getXData()));
        // Means and sample standard deviations by hand (OpenSetCellsTest's fixture): cosface 0.905 and 0.925 give s = 0.01414.
        double[] means = {0.92, 0.915, 0.81, 0.70};
        double[] stds = {0.02, 0.01 * Math.sqrt(2), 0.01, 0};
        for (int i = 0; i < 4; i++) {
            assertEquals(means[i], d2.getYData().toArray(new Number[0])[i].doubleValue(), 1e-9, "mean " + i);
            assertEquals(stds[i], d2.getExtraValues().toArray(new Number[0])[i].doubleValue(), 1e-9, "std " + i);
        }
        // d = 64 has no cosface or arcface run: a bar of height 0 at the axis' foot (chance, 0.5), error 0, so that the
        // whiskers after it stay on their own bars (XChart skips a value below the axis without taking its error).
        Number[] d64Means = d64.getYData().toArray(new Number[0]);
        Number[] d64Stds = d64.getExtraValues().toArray(new Number[0]);
        assertEquals(0.5, chart.getStyler().getYAxisMin(), 0);
        assertEquals(0.91, d64Means[0].doubleValue(), 1e-9);
        assertEquals(0.5, d64Means[1].doubleValue(), 0);
        assertEquals(0.0, d64Stds[1].doubleValue(), 0);
        assertEquals(0.96, d64Means[2].doubleValue(), 1e-9);
        assertEquals(0.01, d64Stds[2].doubleValue(), 1e-9);
        assertEquals(0.5, d64Means[3].doubleValue(), 0);
    }

    @Test
    void theAxisGoesBelowChanceWhenAHeadDoes() {
        // One head at AUC 0.40 and 0.44 (mean 0.42, s 0.0283): the axis starts at the 0.05 step below 0.42 - 0.0283.
        List<OpenSetBenchmark.Result> all = List.of(OpenSetCellsTest.run("softmax", 2, 1, 0.40, 0.5), OpenSetCellsTest.run("softmax", 2, 2, 0.44, 0.5));
        CategoryChart chart = OpenSetSpreadChart.chart(OpenSetReport.cells(all), "openset");
        assertEquals(0.35, chart.getStyler().getYAxisMin(), 1e-12);
        assertTrue(chart.getTitle().endsWith("seeds 1,2"), chart.getTitle());
    }
}
