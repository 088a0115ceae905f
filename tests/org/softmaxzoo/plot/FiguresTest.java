package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class FiguresTest {
    /** The title's width as drawn on an image (measured through a Graphics2D, not the code's own route). */
    private static int drawnWidth(XYChart chart) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setFont(chart.getStyler().getChartTitleFont());
        int width = g.getFontMetrics().stringWidth(chart.getTitle());
        g.dispose();
        return width;
    }

    @Test
    void sideByPlacesImagesLeftToRightOnWhite() {
        BufferedImage red = new BufferedImage(10, 5, BufferedImage.TYPE_INT_RGB);
        BufferedImage blue = new BufferedImage(20, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 10; x++) for (int y = 0; y < 5; y++) red.setRGB(x, y, 0xff0000);
        for (int x = 0; x < 20; x++) for (int y = 0; y < 8; y++) blue.setRGB(x, y, 0x0000ff);
        BufferedImage both = Figures.side(java.util.List.of(red, blue));
        assertEquals(30, both.getWidth());
        assertEquals(8, both.getHeight());
        assertEquals(0xff0000, both.getRGB(9, 4) & 0xffffff);
        assertEquals(0xffffff, both.getRGB(9, 5) & 0xffffff); // below the shorter image: background
        assertEquals(0x0000ff, both.getRGB(10, 7) & 0xffffff);
    }

    @Test
    void aLongTitleShrinksToItsRoomAndAShortOneIsLeftAlone() {
        XYChart short_ = new XYChartBuilder().width(400).height(300).title("short").build();
        float before = short_.getStyler().getChartTitleFont().getSize2D();
        Figures.fitTitle(short_, 300);
        assertEquals(before, short_.getStyler().getChartTitleFont().getSize2D());

        XYChart long_ = new XYChartBuilder().width(400).height(300)
                .title("fashion_mnist, head arcface(s=10,m=20deg,fallback=false), epoch 10, test acc 0.8591, raw features").build();
        assertTrue(drawnWidth(long_) > 300, "the example must start too wide");
        Figures.fitTitle(long_, 300);
        int width = drawnWidth(long_);
        assertTrue(width <= 300 && width >= 240, "title drawn " + width + " px wide for a room of 300");
    }
}
