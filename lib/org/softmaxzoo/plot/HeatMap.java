package org.softmaxzoo.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A heat map drawn with Java2D: one square per (row, column) coloured by its value on a given range
 * (viridis-like), its value written in it, an x over marked cells, grey where there is no value; row and
 * column labels, axis titles, a colour bar and a title.
 */
public final class HeatMap {
    private static final Color[] RAMP = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
        new Color(94, 201, 98), new Color(253, 231, 37)};
    public static final Color NO_VALUE = new Color(210, 210, 210);

    private HeatMap() {
    }

    /** The colour of {@code v} on [lo, hi] (clamped). */
    public static Color colour(double v, double lo, double hi) {
        double t = Math.max(0, Math.min(1, (v - lo) / (hi - lo))) * (RAMP.length - 1);
        int i = Math.min((int) t, RAMP.length - 2);
        double f = t - i;
        Color a = RAMP[i];
        Color b = RAMP[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())), (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /**
     * {@code values[row][column]} (NaN: no value), {@code marked[row][column]} crossed; rows drawn bottom to top so
     * that the first row sits at the bottom, as on a y axis.
     */
    public static BufferedImage render(String title, String xTitle, List<String> columns, String yTitle, List<String> rows,
                                       double[][] values, boolean[][] marked, double lo, double hi, String barTitle) {
        int cell = 64;
        int left = 90;
        int top = 60;
        int bar = 110;
        int width = left + columns.size() * cell + bar;
        int height = top + rows.size() * cell + 70;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        g.setFont(titleFont);
        float size = 14;
        while (g.getFontMetrics().stringWidth(title) > width - 16 && size > 8) {
            g.setFont(titleFont.deriveFont(size -= 0.5f));
        }
        g.drawString(title, (width - g.getFontMetrics().stringWidth(title)) / 2, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int r = 0; r < rows.size(); r++) {
            int y = top + (rows.size() - 1 - r) * cell;
            for (int c = 0; c < columns.size(); c++) {
                int x = left + c * cell;
                double v = values[r][c];
                Color fill = Double.isNaN(v) ? NO_VALUE : colour(v, lo, hi);
                g.setColor(fill);
                g.fillRect(x, y, cell, cell);
                g.setColor(Color.WHITE);
                g.drawRect(x, y, cell, cell);
                Color ink = Double.isNaN(v) || (fill.getRed() + fill.getGreen() + fill.getBlue()) > 450 ? Color.BLACK : Color.WHITE;
                if (marked[r][c]) {
                    g.setColor(ink);
                    g.setStroke(new BasicStroke(2.5f));
                    g.drawLine(x + 10, y + 10, x + cell - 10, y + cell - 10);
                    g.drawLine(x + 10, y + cell - 10, x + cell - 10, y + 10);
                    g.setStroke(new BasicStroke(1));
                }
                if (!Double.isNaN(v)) {
                    String text = String.format(Locale.ROOT, "%.3f", v);
                    g.setColor(ink);
                    g.drawString(text, x + (cell - g.getFontMetrics().stringWidth(text)) / 2, y + cell / 2 + 5);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(rows.get(r), left - 8 - g.getFontMetrics().stringWidth(rows.get(r)), y + cell / 2 + 5);
        }
        int bottom = top + rows.size() * cell;
        for (int c = 0; c < columns.size(); c++) {
            g.drawString(columns.get(c), left + c * cell + (cell - g.getFontMetrics().stringWidth(columns.get(c))) / 2, bottom + 18);
        }
        g.drawString(xTitle, left + (columns.size() * cell - g.getFontMetrics().stringWidth(xTitle)) / 2, bottom + 42);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yTitle, -(top + rows.size() * cell / 2 + g.getFontMetrics().stringWidth(yTitle) / 2), 22);
        g.setTransform(saved);
        // Colour bar: hi at the top, lo at the bottom.
        int bx = left + columns.size() * cell + 25;
        int bh = rows.size() * cell;
        for (int i = 0; i < bh; i++) {
            g.setColor(colour(hi - (hi - lo) * i / (bh - 1.0), lo, hi));
            g.fillRect(bx, top + i, 18, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(bx, top, 18, bh);
        for (BigDecimal tick : ticks(lo, hi)) {
            int y = top + bh - (int) Math.round(bh * (tick.doubleValue() - lo) / (hi - lo));
            g.drawLine(bx + 18, y, bx + 22, y);
            g.drawString(tick.toPlainString(), bx + 25, y + 4);
        }
        // Upright beside the tick labels, so that a long title is not cut at the image's right edge.
        g.rotate(-Math.PI / 2);
        g.drawString(barTitle, -(top + bh / 2 + g.getFontMetrics().stringWidth(barTitle) / 2), bx + 78);
        g.setTransform(saved);
        g.dispose();
        return img;
    }

    /** Round steps for the colour bar: 1, 2, 2.5 or 5 times a power of ten. */
    private static final double[] STEP_MANTISSAS = {1, 2, 2.5, 5};

    /**
     * The colour bar's ticks on [lo, hi]: every multiple of the smallest round step that leaves at most five intervals,
     * written with as many decimals as the step needs (0.65, 0.70, 0.75, 0.80 rather than quarters of the range).
     */
    static List<BigDecimal> ticks(double lo, double hi) {
        BigDecimal step = null;
        for (int exponent = -4; step == null && exponent <= 4; exponent++) {
            for (double mantissa : STEP_MANTISSAS) {
                BigDecimal candidate = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent);
                if ((hi - lo) / candidate.doubleValue() <= 5 + 1e-9) {
                    step = candidate.stripTrailingZeros();
                    break;
                }
            }
        }
        if (step == null) {
            throw new IllegalArgumentException("colour range [" + lo + ", " + hi + "] too wide for a heat map's bar");
        }
        int scale = Math.max(step.scale(), 0);
        List<BigDecimal> ticks = new ArrayList<>();
        double first = Math.ceil(lo / step.doubleValue() - 1e-9);
        for (double k = first; k * step.doubleValue() <= hi + 1e-9 * step.doubleValue(); k++) {
            ticks.add(step.multiply(BigDecimal.valueOf((long) k)).setScale(scale, RoundingMode.HALF_UP));
        }
        return ticks;
    }
}
