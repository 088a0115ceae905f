package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatMapTest {
    private static List<String> texts(List<BigDecimal> ticks) {
        return ticks.stream().map(BigDecimal::toPlainString).toList();
    }

    @Test
    void colourBarTicksSitOnRoundStepsWithAtMostFiveIntervals() {
        // 0.15 wide: 0.025 would give six intervals, 0.05 gives three
        assertEquals(List.of("0.65", "0.70", "0.75", "0.80"), texts(HeatMap.ticks(0.65, 0.80)));
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), texts(HeatMap.ticks(0, 1)));
        // 0.10 wide: 0.02 gives exactly five intervals
        assertEquals(List.of("0.90", "0.92", "0.94", "0.96", "0.98", "1.00"), texts(HeatMap.ticks(0.90, 1.00)));
        // ends off the step (0.4 wide: 0.1): only the multiples inside the range, with the step's one decimal
        assertEquals(List.of("0.6", "0.7", "0.8", "0.9"), texts(HeatMap.ticks(0.55, 0.95)));
    }

    @Test
    void aLongColourBarTitleStaysInsideTheImage() {
        double[][] values = {{0.7, 0.8}};
        BufferedImage img = HeatMap.render("t", "x", List.of("1", "2"), "y", List.of("0"), values, new boolean[1][2], 0.65, 0.80,
                "mean best test accuracy over seeds");
        int white = Color.WHITE.getRGB();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = img.getWidth() - 3; x < img.getWidth(); x++) {
                assertEquals(white, img.getRGB(x, y), "ink at the right edge, (" + x + ", " + y + ")");
            }
        }
        // and it is drawn: some ink right of the tick labels (bar at 90 + 2 * 64 + 25, labels up to about 30 px past it)
        boolean ink = false;
        for (int y = 0; y < img.getHeight() && !ink; y++) {
            for (int x = 90 + 2 * 64 + 25 + 60; x < img.getWidth() - 3; x++) {
                ink |= img.getRGB(x, y) != white;
            }
        }
        assertTrue(ink, "no bar title beside the colour bar");
    }
}
