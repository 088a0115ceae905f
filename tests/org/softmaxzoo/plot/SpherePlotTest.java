package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The three hemisphere views of 3-d features: projections worked out by hand. */
class SpherePlotTest {
    private static final double H = Math.sqrt(0.5);

    @Test
    void eachViewShowsItsHemisphereOnly() {
        SpherePlot.View top = SpherePlot.VIEWS.get(0);
        SpherePlot.View bottom = SpherePlot.VIEWS.get(1);
        SpherePlot.View side = SpherePlot.VIEWS.get(2);
        double[] v = SpherePlot.unit(2, 2, 0); // (1, 1, 0) / sqrt 2: on the equator of the z views
        assertArrayEquals(new double[] {H, H}, top.project(v), 1e-12);
        assertArrayEquals(new double[] {-H, H}, bottom.project(v), 1e-12); // turned over: x mirrored
        assertArrayEquals(new double[] {H, 0}, side.project(v), 1e-12);
        double[] south = SpherePlot.unit(0, 0, -3);
        assertNull(top.project(south));
        assertArrayEquals(new double[] {0, 0}, bottom.project(south), 1e-12);
        assertArrayEquals(new double[] {0, -1}, side.project(south), 1e-12);
        assertNull(side.project(SpherePlot.unit(0, -1, 0.1)));
    }

    @Test
    void pointsAndRaysGoToTheirViews() {
        // class 0 at the north pole, class 1 at the south pole; W_0 = +z, W_1 = -z (3 x 2 weights, row-major)
        float[] f = {0, 0, 5, 0.1f, 0, 4, 0, 0, -2};
        int[] y = {0, 0, 1};
        float[] w = {0, 0, 0, 0, 1, -1};
        List<XYChart> views = SpherePlot.charts(f, y, w, 2);
        assertEquals(2, views.get(0).getSeriesMap().get("class 0").getXData().length);
        assertEquals(10, views.get(0).getSeriesMap().get("class 1").getXData()[0]); // outside the axes, in the legend only
        assertEquals(1, views.get(1).getSeriesMap().get("class 1").getXData().length);
        XYSeries ray = views.get(1).getSeriesMap().get("W_1");
        assertEquals(0, ray.getYData()[1], 1e-12); // W_1 points at the viewer: a ray of length 0 there
        assertNull(views.get(1).getSeriesMap().get("W_0")); // W_0 points away from the -z view
        assertTrue(views.get(2).getStyler().isLegendVisible()); // only the last view (+y) shows the legend
        // Both weights pointing to -y: no ray in the +y view, and the rays' legend entry is there all the same.
        List<XYChart> away = SpherePlot.charts(f, y, new float[] {0, 0, -1, -1, 0, 0}, 2);
        assertTrue(away.get(2).getSeriesMap().keySet().stream().noneMatch(k -> k.startsWith("W_")), away.get(2).getSeriesMap().keySet()::toString);
        XYSeries entry = away.get(2).getSeriesMap().get(PetalPlot.RAYS_LEGEND);
        assertTrue(entry.isShowInLegend());
        assertTrue(entry.getXData()[0] > 1.05, "the legend's sample line lies outside the axes");
        BufferedImage img = SpherePlot.render(f, y, w, 2, "test");
        assertEquals(3 * 560 + 150, img.getWidth());
    }

    @Test
    void refusesFeaturesThatAreNotThreeDimensional() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpherePlot.render(new float[4], new int[2], new float[6], 2, "x"))
                .getMessage().contains("3-d features"));
    }
}
