package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Epoch axes get round ticks: an invisible point breaks XChart's equal-spacing rule, and only where needed. */
class LineChartTest {
    private static final double[] EPOCHS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[] ACCURACY = {0.5, 0.7, 0.8, 0.85, 0.87, 0.9, 0.9, 0.91, 0.92, 0.93};

    @Test
    void equallySpacedEpochsGetOneInvisibleSpacerBetweenTheFirstTwo() {
        LineChart chart = new LineChart("t", "epoch", "accuracy").line("softmax", EPOCHS, ACCURACY);
        chart.image();
        chart.image(); // rendering twice adds it once
        var spacer = chart.series(LineChart.TICK_SPACER);
        assertArrayEquals(new double[] {1.5}, spacer.getXData(), 0);
        assertArrayEquals(new double[] {0.5}, spacer.getYData(), 0);
        assertFalse(spacer.isShowInLegend(), "the spacer has no legend entry");
    }

    @Test
    void logarithmicAxesKeepTheirTicks() {
        LineChart chart = new LineChart("t", "s", "accuracy").line("cosface", new double[] {1, 10, 100}, new double[] {0.5, 0.9, 0.8}).logX();
        chart.image();
        assertFalse(chart.has(LineChart.TICK_SPACER));
    }
}
