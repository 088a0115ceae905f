package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SpherePlotTest {

    @Test
    void obliqueViewIsARotation() {
        // Axis 3 (up) at elevation 25 deg: screen (0, cos 25 deg), leaning toward the viewer by sin 25 deg.
        double e = Math.toRadians(25);
        assertArrayEquals(new double[] {0, Math.cos(e), Math.sin(e)}, SpherePlot.obliqueView(new double[] {0, 0, 1}), 1e-12);
        // The direction the camera looks from (azimuth 40 deg in the plane of axes 1-2, raised 25 deg) faces it: depth 1.
        double a = Math.toRadians(40);
        double[] eye = {Math.sin(a) * Math.cos(e), Math.cos(a) * Math.cos(e), Math.sin(e)};
        assertArrayEquals(new double[] {0, 0, 1}, SpherePlot.obliqueView(eye), 1e-12);
        // Lengths are kept.
        double[] v = SpherePlot.obliqueView(new double[] {0.6, -0.8, 0});
        assertEquals(1, Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]), 1e-12);
    }

    @Test
    void drawsFourPanelsWithTheWeightRays() {
        float[] f = {1, 0, 0, 2, 0.1f, 0, 0, 1, 0, 0, 3, 0.2f, 0, 0, 1, 0.1f, 0, 2};
        int[] y = {0, 0, 1, 1, 2, 2};
        float[] w = {1, 0, 0, 0, 1, 0, 0, 0, 1}; // W_j = axis j
        BufferedImage img = SpherePlot.render(f, y, w, 3, "test run");
        assertEquals(4 * 520 + 130, img.getWidth());
        int ray = Palette.classColor(2).darker().getRGB() & 0xffffff;
        int count = 0;
        for (int x = 520; x < img.getWidth(); x++) {
            for (int yy = 0; yy < img.getHeight(); yy++) {
                count += (img.getRGB(x, yy) & 0xffffff) == ray ? 1 : 0;
            }
        }
        assertTrue(count > 50, "ray W_2 drawn in the projections");
    }

    @Test
    void refusesFeaturesThatAreNotThreeDimensional() {
        assertThrows(IllegalArgumentException.class, () -> SpherePlot.render(new float[4], new int[2], new float[9], 3, "x"));
    }
}
