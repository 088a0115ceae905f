package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import static org.junit.jupiter.api.Assertions.assertFalse;
import org.junit.jupiter.api.io.TempDir;

class PetalPlotTest {
    @TempDir
    Path dir;

    @Test
    void drawsTwoPanelsAndWritesAPng() throws Exception {
        float[] f = {1, 0, 2, 0.1f, 0, 3, -0.1f, 2};
        int[] y = {0, 0, 1, 1};
        float[] w = {1, 0, 0, 1}; // W_0 = (1, 0), W_1 = (0, 1)
        BufferedImage img = PetalPlot.render(f, y, w, 2, "test run");
        assertEquals(2 * 640 + 150, img.getWidth());
        Path file = Figures.writePng(img, dir.resolve("sub/petal.png"));
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(img.getHeight(), back.getHeight());
        assertTrue(Files.size(file) > 10_000);
        // Class colours appear in both panels.
        assertTrue(countColour(back, 0, 640, Palette.classColor(0).darker().getRGB()) > 0, "ray W_0 in the left panel");
        assertTrue(countColour(back, 640, 1430, Palette.classColor(1).darker().getRGB()) > 0, "ray W_1 in the right panel");
    }

    @Test
    void theRaysHaveOneLegendEntryBesideTheClasses() {
        float[] f = {1, 0, 2, 0.1f, 0, 3, -0.1f, 2};
        List<XYChart> panels = PetalPlot.charts(f, new int[] {0, 0, 1, 1}, new float[] {1, 0, 0, 1}, 2, "test run");
        assertFalse(panels.get(0).getStyler().isLegendVisible());
        assertTrue(panels.get(1).getStyler().isLegendVisible());
        List<String> shown = panels.get(1).getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
        assertEquals(List.of("class 0", "class 1", PetalPlot.RAYS_LEGEND), shown);
    }

    @Test
    void refusesFeaturesThatAreNotTwoDimensional() {
        assertThrows(IllegalArgumentException.class, () -> PetalPlot.render(new float[6], new int[2], new float[4], 2, "x"));
    }

    private static int countColour(BufferedImage img, int fromX, int toX, int rgb) {
        int n = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }
}
