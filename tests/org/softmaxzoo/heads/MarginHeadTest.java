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

/** Margin heads against hand-computed values and closed forms written here from the papers' formulas. */
class MarginHeadTest {
    /** x = (3, 4): cos to W_0 = (1, 0) is 0.6, to W_1 = (0, 1) is 0.8. */
    private static final float[][] X = {{3, 4}};
    private static final float[][] AXES = {{1, 0}, {0, 1}};

    private static double ce(double target, double... others) {
        double max = target;
        for (double o : others) {
            max = Math.max(max, o);
        }
        double sum = Math.exp(target - max);
        for (double o : others) {
            sum += Math.exp(o - max);
        }
        return max + Math.log(sum) - target;
    }

    /** psi(theta) = (-1)^k cos(m theta) - 2k, k = floor(m theta / pi), straight from the SphereFace paper. */
    static double psi(int m, double theta) {
        int k = Math.min(m - 1, (int) Math.floor(m * theta / Math.PI));
        return (k % 2 == 0 ? 1 : -1) * Math.cos(m * theta) - 2 * k;
    }

    private static HeadEvaluator.Evaluation eval(String spec, float[][] x, float[][] w, int... y) {
        return HeadEvaluator.evaluate(spec, x, w, y, null);
    }

    @Test
    void cosFaceSubtractsTheMarginFromTheTargetCosine() {
        HeadEvaluator.Evaluation e = eval("cosface(s=10,m=0.35)", X, AXES, 1);
        assertEquals(6, e.lossLogits()[0][0], 1e-5);
        assertEquals(4.5, e.lossLogits()[0][1], 1e-5);
        assertEquals(ce(4.5, 6), e.loss(), 1e-5);
        assertEquals(e.loss(), eval("amsoftmax(s=10,m=0.35)", X, AXES, 1).loss(), 0.0);
    }

    @Test
    void arcFaceAddsTheMarginToTheAngle() {
        double theta = Math.acos(0.8);
        HeadEvaluator.Evaluation e = eval("arcface(s=10,m=0.5)", X, AXES, 1);
        assertEquals(10 * Math.cos(theta + 0.5), e.lossLogits()[0][1], 1e-5);
        assertEquals(6, e.lossLogits()[0][0], 1e-5);
        assertEquals(ce(10 * Math.cos(theta + 0.5), 6), e.loss(), 1e-5);
        // Degrees: 30deg is pi/6.
        assertEquals(10 * Math.cos(theta + Math.PI / 6), eval("arcface(s=10,m=30deg)", X, AXES, 1).lossLogits()[0][1], 1e-5);
    }

    @Test
    void arcFaceFallsBackPastPiAndEasyMarginSkipsObtuseAngles() {
        // cos(theta_0) = -0.95 < cos(pi - 0.5) = -0.8776: theta + m would pass pi.
        float[][] x = {{-0.95f, (float) Math.sqrt(1 - 0.95 * 0.95)}};
        assertEquals(10 * (-0.95 - 0.5 * Math.sin(0.5)), eval("arcface(s=10,m=0.5)", x, AXES, 0).lossLogits()[0][0], 1e-4);
        // Just inside the threshold the true cos(theta + m) is used.
        float[][] inside = {{-0.8f, 0.6f}};
        assertEquals(10 * Math.cos(Math.acos(-0.8) + 0.5), eval("arcface(s=10,m=0.5)", inside, AXES, 0).lossLogits()[0][0], 1e-4);
        assertEquals(-8, eval("arcface(s=10,m=0.5,easy_margin=true)", inside, AXES, 0).lossLogits()[0][0], 1e-4);
        assertEquals(10 * Math.cos(Math.acos(0.6) + 0.5),
                eval("arcface(s=10,m=0.5,easy_margin=true)", X, AXES, 0).lossLogits()[0][0], 1e-4);
    }

    @Test
    void arcFaceWithoutFallbackKeepsTheTurningCurvePastPi() {
        // theta_0 = acos(-0.95) = 161.8 deg; with m = 0.5 rad (28.6 deg) theta + m = 190.5 deg, and
        // cos(190.5 deg) = -0.9833 is above the fallback's -0.95 - 0.5 sin(0.5) = -1.1897.
        float[][] x = {{-0.95f, (float) Math.sqrt(1 - 0.95 * 0.95)}};
        double theta = Math.acos(-0.95);
        assertEquals(10 * Math.cos(theta + 0.5), eval("arcface(s=10,m=0.5,fallback=false)", x, AXES, 0).lossLogits()[0][0], 1e-4);
        // Past pi - m a larger angle gives a LARGER target logit: cos(170 deg + 20 deg) > cos(160 deg + 20 deg).
        float[][] wider = {{(float) Math.cos(Math.toRadians(170)), (float) Math.sin(Math.toRadians(170))}};
        float[][] narrower = {{(float) Math.cos(Math.toRadians(160)), (float) Math.sin(Math.toRadians(160))}};
        double at170 = eval("arcface(s=1,m=20deg,fallback=false)", wider, AXES, 0).lossLogits()[0][0];
        double at160 = eval("arcface(s=1,m=20deg,fallback=false)", narrower, AXES, 0).lossLogits()[0][0];
        assertEquals(Math.cos(Math.toRadians(190)), at170, 1e-4);
        assertEquals(-1, at160, 1e-4);
        assertTrue(at170 > at160);
        // Below pi - m it is the standard head.
        assertEquals(10 * Math.cos(Math.acos(0.6) + 0.5), eval("arcface(s=10,m=0.5,fallback=false)", X, AXES, 0).lossLogits()[0][0], 1e-4);
    }

    @Test
    void combinedMarginReducesToArcFaceCosFaceAndSphereFaceStyle() {
        Random r = new Random(3);
        float[][] x = new float[40][3];
        float[][] w = new float[3][5];
        for (float[] row : x) {
            for (int k = 0; k < 3; k++) {
                row[k] = (float) r.nextGaussian();
            }
        }
        for (float[] row : w) {
            for (int k = 0; k < 5; k++) {
                row[k] = (float) r.nextGaussian();
            }
        }
        int[] y = r.ints(40, 0, 5).toArray();
        assertSameLogits(eval("arcface(s=16,m=0.5)", x, w, y), eval("combined(s=16,m1=1,m2=0.5,m3=0)", x, w, y), 0);
        assertSameLogits(eval("cosface(s=16,m=0.3)", x, w, y), eval("combined(s=16,m1=1,m2=0,m3=0.3)", x, w, y), 0);
        // (m1, 0, 0): s cos(m1 theta) in the label column, computed here with Math.acos.
        HeadEvaluator.Evaluation e = eval("combined(s=16,m1=2,m2=0,m3=0)", x, w, y);
        HeadEvaluator.Evaluation plain = eval("normface(s=16)", x, w, y);
        for (int i = 0; i < x.length; i++) {
            double theta = Math.acos(plain.lossLogits()[i][y[i]] / 16);
            assertEquals(16 * Math.cos(2 * theta), e.lossLogits()[i][y[i]], 2e-3, "row " + i);
        }
        // All three at once: cos(m1 theta + m2) - m3.
        HeadEvaluator.Evaluation all = eval("combined(s=16,m1=1.5,m2=0.2,m3=0.1)", x, w, y);
        for (int i = 0; i < x.length; i++) {
            double theta = Math.acos(plain.lossLogits()[i][y[i]] / 16);
            assertEquals(16 * (Math.cos(1.5 * theta + 0.2) - 0.1), all.lossLogits()[i][y[i]], 2e-3, "row " + i);
        }
    }

    private static void assertSameLogits(HeadEvaluator.Evaluation a, HeadEvaluator.Evaluation b, double tolerance) {
        for (int i = 0; i < a.lossLogits().length; i++) {
            for (int j = 0; j < a.lossLogits()[i].length; j++) {
                assertEquals(a.lossLogits()[i][j], b.lossLogits()[i][j], tolerance, "logit " + i + "," + j);
            }
        }
        assertEquals(a.loss(), b.loss(), tolerance);
    }

    @Test
    void sphereFaceUsesTheFeatureNormAndPsi() {
        for (int m = 1; m <= 5; m++) {
            for (double deg : new double[] {0, 10, 40, 70, 100, 135, 170, 180}) {
                double theta = Math.toRadians(deg);
                float[][] x = {{(float) (2 * Math.cos(theta)), (float) (2 * Math.sin(theta))}};
                HeadEvaluator.Evaluation e = eval("sphereface(m=" + m + ",lambda=0)", x, AXES, 0);
                assertEquals(2 * psi(m, theta), e.lossLogits()[0][0], 2e-3, "m=" + m + " theta=" + deg);
                assertEquals(2 * Math.sin(theta), e.lossLogits()[0][1], 1e-5);
            }
        }
        // Fixed lambda blends: ||x|| (lambda cos + psi) / (1 + lambda).
        double theta = Math.acos(0.6);
        assertEquals(5 * (3 * 0.6 + psi(2, theta)) / 4, eval("sphereface(m=2,lambda=3)", X, AXES, 0).lossLogits()[0][0], 1e-4);
    }

    @Test
    void annealingSchedulesFollowTheirFormulas() {
        double[] thetas = {0.3, 1.2, 2.5};
        TargetTransform sphere = MarginCurves.of("sphereface(m=4,lambda_min=5,lambda_max=1000,lambda_gamma=0.2)");
        for (long t : new long[] {0, 10, 100000}) {
            double lambda = Math.max(5, 1000 / (1 + 0.2 * t));
            double[] v = MarginCurves.values(sphere, thetas, t);
            for (int i = 0; i < thetas.length; i++) {
                assertEquals((lambda * Math.cos(thetas[i]) + psi(4, thetas[i])) / (1 + lambda), v[i], 1e-4, "t=" + t);
            }
        }
        TargetTransform lsoft = MarginCurves.of("lsoftmax(m=3,beta=100,beta_min=1,beta_decay=0.9)");
        for (long t : new long[] {0, 5, 100}) {
            double beta = Math.max(1, 100 * Math.pow(0.9, t));
            double[] v = MarginCurves.values(lsoft, thetas, t);
            for (int i = 0; i < thetas.length; i++) {
                assertEquals((beta * Math.cos(thetas[i]) + psi(3, thetas[i])) / (1 + beta), v[i], 1e-4, "t=" + t);
            }
        }
    }

    @Test
    void lSoftmaxScalesPsiByBothNorms() {
        float[][] w = {{2, 0}, {0, 0.5f}};
        double theta = Math.acos(0.6);
        HeadEvaluator.Evaluation e = eval("lsoftmax(m=3,beta=0)", X, w, 0);
        assertEquals(5 * 2 * psi(3, theta), e.lossLogits()[0][0], 1e-4);
        assertEquals(4 * 0.5, e.lossLogits()[0][1], 1e-5); // W_1 . x
    }

    @Test
    void sphereFaceFocalFactorWeighsTheLoss() {
        // m = 1, lambda = 0: logits ||x|| cos = (3, 4); p_0 = 1 / (1 + e).
        double p = 1 / (1 + Math.E);
        assertEquals(-Math.pow(1 - p, 2) * Math.log(p), eval("sphereface(m=1,lambda=0,gamma=2)", X, AXES, 0).loss(), 1e-5);
        assertEquals(-Math.log(p), eval("sphereface(m=1,lambda=0)", X, AXES, 0).loss(), 1e-5);
    }

    @Test
    void targetCurvesAreTheHeadsOwnFunctions() {
        double[] thetas = {0, 0.5, 1, 2, 3};
        double[] arc = MarginCurves.values(MarginCurves.of("arcface(s=64,m=0.5)"), thetas, 0);
        double[] cos = MarginCurves.values(MarginCurves.of("cosface(s=64,m=0.35)"), thetas, 0);
        double[] none = MarginCurves.values(MarginCurves.of("softmax"), thetas, 0);
        for (int i = 0; i < thetas.length; i++) {
            double c = Math.cos(thetas[i]);
            double expectedArc = c > Math.cos(Math.PI - 0.5) ? Math.cos(thetas[i] + 0.5) : c - 0.5 * Math.sin(0.5);
            assertEquals(expectedArc, arc[i], 2e-3);
            assertEquals(c - 0.35, cos[i], 1e-6);
            assertEquals(c, none[i], 1e-6);
        }
    }

    @Test
    void temperatureAndHeatedUpScale() {
        // temperature(t=2): cross-entropy of softmax logits / 2; logits here x . W = (3, 4).
        assertEquals(ce(1.5, 2), eval("temperature(t=2)", X, AXES, 0).loss(), 1e-5);
        // heatedup at iteration 0 is NormFace at s_start.
        assertEquals(eval("normface(s=30)", X, AXES, 0).loss(), eval("heatedup(s_start=30,s_end=5)", X, AXES, 0).loss(), 1e-5);
    }

    @Test
    void marginLogitsAreFiniteAtThetaZeroAndPiAndZeroNorms() {
        float[][] onAndOpposite = {{1, 0}, {-1, 0}, {0, 0}};
        for (String spec : new String[] {"cosface(s=64,m=0.35)", "arcface(s=64,m=0.5)", "arcface(s=64,m=0.5,easy_margin=true)",
            "combined(s=64,m1=1.35,m2=0.2,m3=0.1)", "combined(s=64,m1=1,m2=0.3,m3=0.2)", "sphereface(m=4,lambda=0)",
            "sphereface(m=4,lambda=0,gamma=0.5)", "lsoftmax(m=4,beta=0)", "heatedup"}) {
            // Third class: a zero weight vector.
            float[][] w = {{1, 0, 0}, {0, 1, 0}};
            HeadEvaluator.Evaluation e = HeadEvaluator.evaluate(Heads.create(spec), onAndOpposite, w, new int[] {0, 0, 2}, null, true);
            assertTrue(Double.isFinite(e.loss()), spec + " loss");
            for (float g : e.featureGradient()) {
                assertTrue(Float.isFinite(g), spec + " feature gradient");
            }
            for (float g : e.weightGradient()) {
                assertTrue(Float.isFinite(g), spec + " weight gradient");
            }
        }
    }

    @Test
    void largeScaleMarginLossIsFinite() {
        // s = 64, the label's cosine is -1: margin logit about -64 against +64, loss about 128 + 64 sin-terms.
        float[][] x = {{-1, 0}};
        float[][] w = {{1, -1}, {0, 0}};
        HeadEvaluator.Evaluation e = eval("arcface(s=64,m=0.5)", x, w, 0);
        double target = 64 * (-1 + 1e-6 - 0.5 * Math.sin(0.5));
        assertEquals(ce(target, 64), e.loss(), 1e-2);
    }
}
