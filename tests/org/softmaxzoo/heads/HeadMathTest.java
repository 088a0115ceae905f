package org.softmaxzoo.heads;

import org.softmaxzoo.heads.catalog.*;
import org.softmaxzoo.heads.core.*;
import org.softmaxzoo.heads.margins.*;
import org.softmaxzoo.heads.spec.*;
import org.softmaxzoo.heads.terms.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each head's loss and logits against hand-computed values and the independent {@link ReferenceMath}. */
class HeadMathTest {
    private static final float[][] X = {{3, 4}, {-1, 0.5f}, {0.2f, -2}, {1, 1}};
    private static final float[][] W = {{2, 0, -1}, {0, 0.5f, 1}};
    private static final int[] Y = {0, 2, 1, 2};
    private static final float[] B = {0.1f, -0.2f, 0.3f};

    private static void assertMatches(double[][] expectedLogits, double expectedLoss, HeadEvaluator.Evaluation e) {
        for (int i = 0; i < expectedLogits.length; i++) {
            for (int j = 0; j < expectedLogits[i].length; j++) {
                assertEquals(expectedLogits[i][j], e.lossLogits()[i][j], 1e-5 * Math.max(1, Math.abs(expectedLogits[i][j])),
                        "logit " + i + "," + j);
            }
        }
        assertEquals(expectedLoss, e.loss(), 1e-5 * Math.max(1, expectedLoss));
    }

    @Test
    void softmaxByHand() {
        // One feature x = (1, 2), W = [[1, 0], [0, 1]], bias (0.5, 0): logits (1.5, 2), label 0.
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("softmax", new float[][] {{1, 2}},
                new float[][] {{1, 0}, {0, 1}}, new int[] {0}, new float[] {0.5f, 0});
        assertEquals(1.5f, e.lossLogits()[0][0], 1e-6);
        assertEquals(2f, e.lossLogits()[0][1], 1e-6);
        assertEquals(Math.log(1 + Math.exp(0.5)), e.loss(), 1e-6); // -log(e^1.5 / (e^1.5 + e^2))
    }

    @Test
    void normFaceByHand() {
        // x = (3, 4) at 53.13 degrees; unit-norm weights along the axes; s = 10: logits (6, 8).
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("normface(s=10)", new float[][] {{3, 4}},
                new float[][] {{5, 0}, {0, 0.1f}}, new int[] {1}, null);
        assertEquals(6f, e.lossLogits()[0][0], 1e-5);
        assertEquals(8f, e.lossLogits()[0][1], 1e-5);
        assertEquals(Math.log(1 + Math.exp(-2)), e.loss(), 1e-6);
    }

    @Test
    void softmaxWithAndWithoutBias() {
        double[][] x = ReferenceMath.toDouble(X);
        double[][] w = ReferenceMath.toDouble(W);
        double[] b = {0.1, -0.2, 0.3};
        double[][] z = ReferenceMath.logits(x, w, b, false, false, 1);
        assertMatches(z, ReferenceMath.meanCrossEntropy(z, Y), HeadEvaluator.evaluate("softmax", X, W, Y, B));
        double[][] z0 = ReferenceMath.logits(x, w, null, false, false, 1);
        assertMatches(z0, ReferenceMath.meanCrossEntropy(z0, Y), HeadEvaluator.evaluate("softmax(bias=false)", X, W, Y, B));
    }

    @Test
    void normalizedHeads() {
        double[][] x = ReferenceMath.toDouble(X);
        double[][] w = ReferenceMath.toDouble(W);
        double[][] nw = ReferenceMath.logits(x, w, null, false, true, 1);
        assertMatches(nw, ReferenceMath.meanCrossEntropy(nw, Y), HeadEvaluator.evaluate("normweight", X, W, Y, null));
        double[][] nf = ReferenceMath.logits(x, w, null, true, false, 5);
        assertMatches(nf, ReferenceMath.meanCrossEntropy(nf, Y), HeadEvaluator.evaluate("normfeature(s=5)", X, W, Y, null));
        double[][] face = ReferenceMath.logits(x, w, null, true, true, 20);
        assertMatches(face, ReferenceMath.meanCrossEntropy(face, Y), HeadEvaluator.evaluate("normface(s=20)", X, W, Y, null));
        // A learnable scale evaluates at its starting value.
        double[][] learn = ReferenceMath.logits(x, w, null, true, true, 3);
        assertMatches(learn, ReferenceMath.meanCrossEntropy(learn, Y),
                HeadEvaluator.evaluate("normface(s=learn,s_init=3)", X, W, Y, null));
    }

    @Test
    void randomCasesAgreeWithTheReference() {
        Random r = new Random(42);
        for (int trial = 0; trial < 5; trial++) {
            int n = 3 + r.nextInt(5);
            int d = 2 + r.nextInt(6);
            int c = 2 + r.nextInt(9);
            float[][] x = new float[n][d];
            float[][] w = new float[d][c];
            int[] y = r.ints(n, 0, c).toArray();
            for (float[] row : x) {
                for (int k = 0; k < d; k++) {
                    row[k] = (float) (r.nextGaussian() * 3);
                }
            }
            for (float[] row : w) {
                for (int k = 0; k < c; k++) {
                    row[k] = (float) r.nextGaussian();
                }
            }
            double[][] z = ReferenceMath.logits(ReferenceMath.toDouble(x), ReferenceMath.toDouble(w), null, true, true, 16);
            assertMatches(z, ReferenceMath.meanCrossEntropy(z, y), HeadEvaluator.evaluate("normface(s=16)", x, w, y, null));
        }
    }

    @Test
    void largeScaleLossIsFiniteAndExact() {
        // s = 64: logits of +-64 and a wrong-class feature; log(softmax) would underflow, log-sum-exp does not.
        float[][] x = {{1, 0}};
        float[][] w = {{1, -1}, {0, 0}};
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("normface(s=64)", x, w, new int[] {1}, null);
        assertEquals(128 + Math.log(1 + Math.exp(-128)), e.loss(), 1e-4);
        HeadEvaluator.Evaluation big = HeadEvaluator.evaluate("softmax(bias=false)", new float[][] {{500, 0}}, w, new int[] {1}, null);
        assertEquals(1000, big.loss(), 1e-3);
    }

    @Test
    void zeroNormFeatureAndWeightStayFinite() {
        float[][] x = {{0, 0}, {1, 2}};
        float[][] w = {{0, 1}, {0, 1}};
        for (String spec : new String[] {"normweight", "normfeature(s=10)", "normface(s=10)"}) {
            HeadEvaluator.Evaluation e = HeadEvaluator.evaluate(Heads.create(spec), x, w, new int[] {0, 1}, null, true);
            assertTrue(Double.isFinite(e.loss()), spec);
            for (float g : e.featureGradient()) {
                assertTrue(Float.isFinite(g), spec + " feature gradient");
            }
            for (float g : e.weightGradient()) {
                assertTrue(Float.isFinite(g), spec + " weight gradient");
            }
        }
    }
}
