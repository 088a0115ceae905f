package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.softmaxzoo.heads.catalog.DynamicMargin;

/** Dynamic-margin ArcFace against values worked by hand (a = 0.45, b = 0.05, lambda = 1/4, s = 10). */
class DynamicMarginTest {
    /** Class weights W_0 = (1, 0), W_1 = (0, 1), W_2 = (-1, 0). */
    private static final float[][] W = {{1, 0, -1}, {0, 1, 0}};
    /** Labels 0, 0, 0, 1, 2: class counts 3, 1, 1. */
    private static final float[][] X = {{3, 4}, {-1, 0}, {0, -2}, {-0.95f, 0.31224990f}, {-1, 1}};
    private static final int[] Y = {0, 0, 0, 1, 2};

    @Test
    void rarerClassesGetLargerMarginsFromTheBatchsCounts() {
        // u = n^(-1/4) = 0.759836, 1, 1 -> normalized 0, 1, 1 -> margins 0.05, 0.5, 0.5.
        // Row 1 (y = 0, cos 0.6): 10 cos(acos 0.6 + 0.05) = 5.59267. Row 2 (y = 0, theta = pi): fallback 10 (-1 - 0.05 sin 0.05) = -10.02499.
        // Row 3 (y = 0, theta = pi/2): 10 cos(pi/2 + 0.05) = -0.49979. Row 4 (y = 1, cos 0.31225): 10 cos(acos 0.31225 + 0.5) = -1.81429.
        // Row 5 (y = 2, theta = pi/4): 10 cos(pi/4 + 0.5) = 2.81540.
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("dynamicmargin(s=10)", X, W, Y, null);
        assertRows(new double[][] {{5.59267, 8, -6}, {-10.02499, 0, 10}, {-0.49979, -10, 0}, {-9.5, -1.81429, 9.5}, {-7.07107, 7.07107, 2.8154}}, e);
        assertEquals(7.815327, e.loss(), 1e-4);
    }

    @Test
    void withoutNormalizationThePapersFormula() {
        // m_c = 0.45 n^(-1/4) + 0.05: 0.391926 for class 0, 0.5 for classes 1 and 2.
        // Row 1: 10 cos(acos 0.6 + 0.391926) = 2.48930; row 2: 10 (-1 - 0.391926 sin 0.391926) = -11.49704; row 3: -10 sin 0.391926 = -3.81969.
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("dynamicmargin(s=10,normalize=false)", X, W, Y, null);
        assertRows(new double[][] {{2.4893, 8, -6}, {-11.49704, 0, 10}, {-3.81969, -10, 0}, {-9.5, -1.81429, 9.5}, {-7.07107, 7.07107, 2.8154}}, e);
        assertEquals(9.287463, e.loss(), 1e-4);
    }

    @Test
    void equalCountsGiveEveryClassTheSmallestMargin() {
        // counts 1, 1, 1: the normalized u is 0 for all, every margin b = 0.05; theta_y = 0 for each row.
        float[][] x = {{2, 0}, {0, 3}, {-1, 0}};
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("dynamicmargin(s=10)", x, W, new int[] {0, 1, 2}, null);
        for (int i = 0; i < 3; i++) {
            assertEquals(10 * Math.cos(0.05), e.lossLogits()[i][i], 2e-4, "row " + i); // the 2^-24 clamp: 1.7e-5 here
        }
        DynamicMargin head = (DynamicMargin) Heads.create("dynamicmargin");
        assertArrayEquals(new double[] {0.05, 0.05}, head.margins(new double[] {7, 7}), 1e-7);
        assertArrayEquals(new double[] {0.05, 0.5, 0.05 + 0.45 * (Math.pow(100, -0.25) - 0.1) / (1 - 0.1)},
                head.margins(new double[] {10000, 1, 100}), 1e-7);
    }

    @Test
    void countsAccumulateOverStepsAndTheMarginsDoNotChangeWithTheirScale() {
        try (HeadSteps steps = new HeadSteps("dynamicmargin(s=10)", X, Y, W)) {
            assertFalse(steps.trainable(DynamicMargin.COUNTS));
            for (int k = 1; k <= 3; k++) {
                steps.step();
                assertArrayEquals(new float[] {3 * k, k, k}, steps.value(DynamicMargin.COUNTS), 0f, "counts after step " + k);
            }
        }
        // counts 3k, k, k give the same normalized margins for every k: (3k)^(-1/4) / k^(-1/4) does not depend on k
        DynamicMargin head = (DynamicMargin) Heads.create("dynamicmargin");
        assertArrayEquals(head.margins(new double[] {3, 1, 1}), head.margins(new double[] {300, 100, 100}), 1e-12);
        assertEquals("dynamicmargin(s=80,a=0.45,b=0.05,lambda=0.25)", Heads.create("dynamicarcface").spec());
    }

    private static void assertRows(double[][] expected, HeadEvaluator.Evaluation e) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], e.lossLogits()[i][j], 2e-4, "row " + i + " column " + j);
            }
        }
    }
}
