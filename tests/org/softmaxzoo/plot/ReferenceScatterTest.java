package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** The scatter's axes, diagonal, points and seeds' bars. */
class ReferenceScatterTest {
    @Test
    void pointsDiagonalAndSeedBars() {
        List<ReferenceScatter.Series> series = List.of(
                new ReferenceScatter.Series("all 40 epochs", List.of(
                        new ReferenceScatter.Point("a", 0.97, 0.98, Double.NaN, Double.NaN),
                        new ReferenceScatter.Point("b", 0.90, 0.88, 0.86, 0.89))),
                new ReferenceScatter.Series("first 10 epochs", List.of()));
        XYChart chart = ReferenceScatter.chart("t", series);
        // axes: the points and bars span [0.86, 0.98]; padded by max(0.005, 5% of 0.12) = 0.006
        assertEquals(0.854, chart.getStyler().getXAxisMin(), 1e-12);
        assertEquals(0.986, chart.getStyler().getYAxisMax(), 1e-12);
        XYSeries diagonal = chart.getSeriesMap().get("y = x (reproduced)");
        assertArrayEquals(diagonal.getXData(), diagonal.getYData(), 0);
        XYSeries points = chart.getSeriesMap().get("all 40 epochs (2 rows)");
        assertArrayEquals(new double[] {0.97, 0.90}, points.getXData(), 0);
        assertArrayEquals(new double[] {0.98, 0.88}, points.getYData(), 0);
        XYSeries bar = chart.getSeriesMap().get(ReferenceScatter.SEEDS_LEGEND);
        assertArrayEquals(new double[] {0.90, 0.90}, bar.getXData(), 0);
        assertArrayEquals(new double[] {0.86, 0.89}, bar.getYData(), 0);
        assertTrue(bar.isShowInLegend());
        assertFalse(chart.getSeriesMap().keySet().stream().anyMatch(k -> k.startsWith("first 10 epochs")), "an empty series is left out");
        assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition(), "no point can hide under the legend");
        assertTrue(ReferenceScatter.render("t", series).getWidth() > 0);
    }
}
