package org.softmaxzoo.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Lays charts side by side and writes PNGs. */
public final class Figures {
    /** About what a chart's y axis (tick labels and title) takes of its width, left of the plot. */
    static final int Y_AXIS_WIDTH = 70;

    private Figures() {
    }

    /**
     * Shrinks a chart's title font, if needed, so the title is at most {@code room} pixels wide: XChart
     * centres the title over the plot and cuts whatever passes the image's edge.
     */
    public static void fitTitle(Chart<?, ?> chart, int room) {
        Font font = chart.getStyler().getChartTitleFont();
        double width = font.getStringBounds(chart.getTitle(), new FontRenderContext(null, true, true)).getWidth();
        if (width > room) {
            chart.getStyler().setChartTitleFont(font.deriveFont((float) (font.getSize2D() * room / width)));
        }
    }

    /**
     * The chart's image with its title shrunk, if needed, to fit beside a legend on the right (whose width
     * is estimated at about 7 pixels per character of the longest series name, plus its frame).
     */
    public static BufferedImage imageBesideLegend(Chart<?, ?> chart) {
        int legend = chart.getSeriesMap().keySet().stream().mapToInt(String::length).max().orElse(0) * 7 + 40;
        fitTitle(chart, chart.getWidth() - Y_AXIS_WIDTH - legend);
        return image(chart);
    }

    /** {@link #imageBesideLegend} written as a PNG to {@code file}; returns the image, for {@code display(...)}. */
    public static BufferedImage saveBesideLegend(Chart<?, ?> chart, Path file) {
        BufferedImage img = imageBesideLegend(chart);
        writePng(img, file);
        return img;
    }

    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** The charts' images in one row, on a white background. */
    public static BufferedImage row(List<? extends Chart<?, ?>> charts) {
        return side(charts.stream().map(Figures::image).toList());
    }

    /** Images in one row, top-aligned, on a white background (for panels rendered separately). */
    public static BufferedImage side(List<BufferedImage> images) {
        int width = images.stream().mapToInt(BufferedImage::getWidth).sum();
        int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage img : images) {
            g.drawImage(img, x, 0, null);
            x += img.getWidth();
        }
        g.dispose();
        return out;
    }

    /** The image under a band holding {@code title} in large type (for a row of panels about one subject). */
    public static BufferedImage withTitle(BufferedImage image, String title) {
        int band = 36;
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight() + band, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        int width = g.getFontMetrics().stringWidth(title);
        g.drawString(title, Math.max(8, (out.getWidth() - width) / 2), 25);
        g.drawImage(image, 0, band, null);
        g.dispose();
        return out;
    }

    public static Path writePng(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + file, e);
        }
    }
}
