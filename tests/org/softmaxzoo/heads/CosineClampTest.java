package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 22, finding 8: a feature exactly on its class weight (theta = 0) or opposite it (theta = pi)
 * gives ArcFace and combined-margin target logits within 1e-3 s of the float64 closed form, with
 * finite gradients.
 */
class CosineClampTest {
    private static final float S = 10;
    private static final float[][] W = {{1, 0}, {0, 1}};            // class 0 along x, class 1 along y
    private static final float[][] X = {{2, 0}, {-3, 0}};           // theta_0 = 0 and theta_0 = pi
    private static final int[] Y = {0, 0};

    @Test
    void arcFaceTargetLogitAtZeroAndPiMatchesFloat64() {
        double m = 0.5;
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate(Heads.create("arcface(s=10,m=0.5)"), X, W, Y, null, true);
        // theta = 0: s cos(0 + m); theta = pi: past pi - m the fallback s (cos pi - m sin m).
        assertEquals(S * Math.cos(m), e.lossLogits()[0][0], 1e-3 * S);
        assertEquals(S * (-1 - m * Math.sin(m)), e.lossLogits()[1][0], 1e-3 * S);
        assertFinite(e);
    }

    @Test
    void withoutFallbackThetaPiGivesCosOfPiPlusM() {
        double m = 1.2;
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate(Heads.create("arcface(s=10,m=1.2,fallback=false)"), X, W, Y, null, true);
        assertEquals(S * Math.cos(m), e.lossLogits()[0][0], 1e-3 * S);
        assertEquals(S * Math.cos(Math.PI + m), e.lossLogits()[1][0], 1e-3 * S);
        assertFinite(e);
    }

    @Test
    void combinedMarginThroughAcosAtZeroAndPi() {
        // m1 = 2 goes through acos: s (cos(2 theta + m2) - m3).
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate(Heads.create("combined(s=10,m1=2,m2=0.3,m3=0.1)"), X, W, Y, null, true);
        assertEquals(S * (Math.cos(0.3) - 0.1), e.lossLogits()[0][0], 1e-3 * S);
        assertEquals(S * (Math.cos(2 * Math.PI + 0.3) - 0.1), e.lossLogits()[1][0], 1e-3 * S);
        assertFinite(e);
    }

    private static void assertFinite(HeadEvaluator.Evaluation e) {
        for (float g : e.featureGradient()) {
            assertTrue(Float.isFinite(g), "feature gradient " + g);
        }
        for (float g : e.weightGradient()) {
            assertTrue(Float.isFinite(g), "weight gradient " + g);
        }
    }
}
