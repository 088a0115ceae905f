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

    @Test
    void meanOfValuesOverRightAndWrongPredictions() {
        // items 0 and 2 right (values 10 and 30: mean 20), items 1 and 3 wrong (2 and 4: mean 3)
        assertArrayEquals(new double[] {20, 3},
                Predictions.meanByOutcome(new double[] {10, 2, 30, 4}, new int[] {1, 0, 2, 2}, new int[] {1, 1, 2, 0}), 1e-12);
        // nothing wrong: the wrong group's mean is NaN, not 0
        assertArrayEquals(new double[] {5, Double.NaN}, Predictions.meanByOutcome(new double[] {5}, new int[] {3}, new int[] {3}), 1e-12);
    }

    @Test
    void confusionCountsLabelsAgainstPredictions() {
        // labels 2, 2, 2, 0 (three label classes) predicted 1, 1, 0, 0 (two predicted classes)
        int[][] counts = Predictions.confusion(new int[] {1, 1, 0, 0}, new int[] {2, 2, 2, 0}, 3, 2);
        assertArrayEquals(new int[] {1, 0}, counts[0]);
        assertArrayEquals(new int[] {0, 0}, counts[1]);
        assertArrayEquals(new int[] {1, 2}, counts[2]);
    }
}
