package org.softmaxzoo.plot;

import java.awt.Color;

/** Ten distinguishable class colours (the "tab10" palette). */
public final class Palette {
    private static final Color[] CLASS_COLORS = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    private Palette() {
    }

    public static Color classColor(int c) {
        return CLASS_COLORS[c % CLASS_COLORS.length];
    }

    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
