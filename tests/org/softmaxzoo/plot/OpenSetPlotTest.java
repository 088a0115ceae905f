package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class OpenSetPlotTest {

    @Test
    void drawsUnseenClassesOnTheirRing() {
        float[] seen = {2, 0, 0, 2};
        int[] seenLabels = {0, 1};
        float[] w = {1, 0, 0, 1};
        float[] unseen = {-3, 0, -4, 0.1f};
        int[] unseenLabels = {2, 2};
        BufferedImage img = OpenSetPlot.render(seen, seenLabels, w, 2, unseen, unseenLabels, "test");
        assertEquals(2 * (620 + 150), img.getWidth());
        // Unseen class 2 is drawn in its class colour in the right panel only.
        int colour = overWhite(Palette.translucent(Palette.classColor(2), 110));
        int left = 0;
        int right = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (near(rgb, colour)) {
                    if (x < 620 + 150) {
                        left++;
                    } else {
                        right++;
                    }
                }
            }
        }
        assertTrue(right > 0, "unseen class drawn on the right");
        assertEquals(0, left, "no unseen class on the closed-set panel");
    }

    @Test
    void refusesAWeightMatrixOfTheWrongShape() {
        assertThrows(IllegalArgumentException.class,
                () -> OpenSetPlot.render(new float[4], new int[2], new float[6], 2, new float[2], new int[1], "x"));
    }

    /** A translucent colour as drawn once on white. */
    private static int overWhite(java.awt.Color c) {
        double a = c.getAlpha() / 255.0;
        int r = (int) Math.round(c.getRed() * a + 255 * (1 - a));
        int g = (int) Math.round(c.getGreen() * a + 255 * (1 - a));
        int b = (int) Math.round(c.getBlue() * a + 255 * (1 - a));
        return (r << 16) | (g << 8) | b;
    }

    /** Anti-aliased edges differ a little: compare loosely. */
    private static boolean near(int rgb, int target) {
        int dr = Math.abs(((rgb >> 16) & 255) - ((target >> 16) & 255));
        int dg = Math.abs(((rgb >> 8) & 255) - ((target >> 8) & 255));
        int db = Math.abs((rgb & 255) - (target & 255));
        return dr + dg + db < 12;
    }
}
