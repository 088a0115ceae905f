package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Epoch axes get round ticks: XChart's equal-spacing rule is detected as XChart applies it, and the spacer leaves no trace. */
class LineChartTest {
    private static final double[] EPOCHS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[] ACCURACY = {0.5, 0.7, 0.8, 0.85, 0.87, 0.9, 0.9, 0.91, 0.92, 0.93};

    @Test
    void epochsAreEquallySpacedAndRenderingLeavesNoSpacer() {
        LineChart chart = new LineChart("t", "epoch", "accuracy").line("softmax", EPOCHS, ACCURACY).line("arcface", EPOCHS, ACCURACY);
        assertTrue(chart.xValuesEquallySpaced());
        assertTrue(chart.image().getWidth() > 0);
        assertFalse(chart.has(LineChart.TICK_SPACER), "the spacer is only there while the chart renders");
    }

    @Test
    void unequalOrUnorderedXValuesAreNotEquallySpaced() {
        // 1, 2, 4: steps 1 and 2. Two series 1..10 and 12: the distinct values in the order added end with a step of 2.
        assertFalse(new LineChart("t", "x", "y").line("a", new double[] {1, 2, 4}, new double[] {1, 2, 3}).xValuesEquallySpaced());
        assertFalse(new LineChart("t", "x", "y").line("a", EPOCHS, ACCURACY).line("b", new double[] {12}, new double[] {0.9})
                .xValuesEquallySpaced());
        // Two series over the same epochs add no new x value: still equally spaced, as XChart sees it.
        assertTrue(new LineChart("t", "x", "y").line("a", EPOCHS, ACCURACY).line("b", new double[] {10, 1}, new double[] {0.9, 0.5})
                .xValuesEquallySpaced());
        assertFalse(new LineChart("t", "x", "y").line("a", new double[] {3}, new double[] {1}).xValuesEquallySpaced(), "one x value");
    }
}
