package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.softmaxzoo.heads.catalog.AdaFace;

/** AdaFace against values worked by hand (m = 0.4, s = 10; the moving averages start at 20 and 100). */
class AdaFaceTest {
    /** Class weights W_0 = (1, 0), W_1 = (0, 1), W_2 = (-1, 0). */
    private static final float[][] W = {{1, 0, -1}, {0, 1, 0}};
    /** Norms 5, 20, 0.5: batch mean 8.5, unbiased std sqrt((3.5^2 + 11.5^2 + 8^2) / 2) = 10.210289. */
    private static final float[][] X = {{3, 4}, {-20, 0}, {0, -0.5f}};
    private static final int[] Y = {0, 2, 1};

    @Test
    void marginFollowsTheNormRelativeToTheUpdatedMovingAverages() {
        // mu = 0.01 x 8.5 + 0.99 x 20 = 19.885, sigma = 0.01 x 10.210289 + 0.99 x 100 = 99.102103.
        // z = clip(0.333 (a - mu) / (sigma + 0.001), -1, 1): -0.0500156, 0.0003864, -0.0651363.
        // Row 1: 10 (cos(acos 0.6 - 0.4 z) - 0.4 z - 0.4) = 2.03882.
        // Row 2 (theta_y = 0): angle clipped up to 0.001: 10 (cos 0.001 - 0.4 (1 + z)) = 5.99845.
        // Row 3 (theta_y = pi): pi + 0.026 clipped to pi - 0.001: 10 (cos(pi - 0.001) - 0.4 (1 + z)) = -13.73945.
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("adaface(s=10)", X, W, Y, null);
        assertRows(new double[][] {{2.03882, 8, -6}, {-10, 0, 5.99845}, {0, -13.73945, 0}}, e);
        assertEquals(6.79961, e.loss(), 1e-4);
    }

    @Test
    void largeHClipsZToPlusOrMinusOne() {
        // h = 20: z = -1 for rows 1 and 3 (ArcFace's cos(theta + 0.4), no additive part), row 2 z = 20 x 0.0011604 = 0.0232082.
        // Row 1: 10 cos(acos 0.6 + 0.4) = 2.41102; row 2: 10 (cos 0.001 - 0.4 x 1.0232082) = 5.90716; row 3: 10 cos(pi - 0.001) = -10.
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("adaface(s=10,h=20)", X, W, Y, null);
        assertRows(new double[][] {{2.41102, 8, -6}, {-10, 0, 5.90716}, {0, -10, 0}}, e);
        assertEquals(5.42953, e.loss(), 1e-4);
    }

    @Test
    void movingAveragesAreStateThatEveryTrainingStepMoves() {
        // Learning rate 0: the norms stay, so after k steps mu_k = 8.5 + (20 - 8.5) 0.99^k, sigma_k = 10.210289 + (100 - 10.210289) 0.99^k.
        try (HeadSteps steps = new HeadSteps("adaface(s=10)", X, Y, W)) {
            assertFalse(steps.trainable(AdaFace.MEAN));
            assertFalse(steps.trainable(AdaFace.STD));
            for (int k = 1; k <= 3; k++) {
                steps.step();
                assertEquals(8.5 + 11.5 * Math.pow(0.99, k), steps.value(AdaFace.MEAN)[0], 1e-4, "mu after step " + k);
                assertEquals(10.210289 + 89.789711 * Math.pow(0.99, k), steps.value(AdaFace.STD)[0], 1e-4, "sigma after step " + k);
            }
        }
    }

    @Test
    void curvesAtGivenQuality() {
        double[] thetas = {0.3, 1.2};
        // z = -1: ArcFace cos(theta + m); z = 0: CosFace cos theta - m; z = 1: cos(theta - m) - 2m, the angle kept >= 0.001.
        double[] low = MarginCurves.values(AdaFace.marginAt(0.4, -1), thetas, 0);
        double[] mid = MarginCurves.values(MarginCurves.of("adaface(s=10)"), thetas, 0);
        double[] high = MarginCurves.values(AdaFace.marginAt(0.4, 1), thetas, 0);
        assertEquals(Math.cos(0.7), low[0], 1e-5);
        assertEquals(Math.cos(1.2) - 0.4, mid[1], 1e-5);
        assertEquals(Math.cos(0.001) - 0.8, high[0], 1e-5);
        assertEquals(Math.cos(0.8) - 0.8, high[1], 1e-5);
        assertEquals("adaface(s=64,m=0.4,h=0.333)", Heads.create("adaface").spec());
    }

    private static void assertRows(double[][] expected, HeadEvaluator.Evaluation e) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], e.lossLogits()[i][j], 1e-4, "row " + i + " column " + j);
            }
        }
    }
}
