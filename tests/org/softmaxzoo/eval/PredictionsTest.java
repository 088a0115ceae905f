package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PredictionsTest {

    @Test
    void cosinesOfEveryFeatureToEveryColumnByHand() {
        // x_0 = (3, 4), x_1 = (0, 0); W (2 x 3) columns (1, 0), (0, 2), (-1, 0): cosines 3/5, 4/5, -3/5, and 0 for the zero feature
        float[] w = {1, 0, -1, 0, 2, 0};
        assertArrayEquals(new float[] {0.6f, 0.8f, -0.6f, 0, 0, 0}, Predictions.cosines(new float[] {3, 4, 0, 0}, w, 3), 1e-6f);
    }

    @Test
    void aLongWeightOrABiasWinsWhereTheAngleSaysOtherwise() {
        // W_0 = (1, 0) short, W_1 = (0, 4) long. x = (1, 0.5): angle says class 0 (26.6 vs 63.4 degrees),
        // logits say 1 vs 2 -> class 1. x = (2, 0.1): both say class 0 (2 vs 0.4), unless b_1 = 2 (2 vs 2.4).
        float[] w = {1, 0, 0, 4};
        float[] x = {1, 0.5f, 2, 0.1f};
        assertArrayEquals(new int[] {0, 0}, Predictions.byAngle(x, w, 2));
        assertArrayEquals(new int[] {1, 0}, Predictions.byLogits(x, w, null, 2));
        assertArrayEquals(new int[] {1, 1}, Predictions.byLogits(x, w, new float[] {0, 2}, 2));
        assertEquals(0.5, Predictions.accuracy(new int[] {1, 0}, new int[] {1, 1}), 1e-12);
        // class 0: 1 of 2 right; class 1: 1 of 1; class 2: no images
        assertArrayEquals(new double[] {0.5, 1, Double.NaN},
                Predictions.recallPerClass(new int[] {0, 1, 1}, new int[] {0, 0, 1}, 3), 1e-12);
    }
}
