package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.spec.SpecException;
import org.softmaxzoo.plot.PetalPlot;

/** Sub-center ArcFace against values worked by hand: K = 2 sub-centres for C = 2 classes, s = 10, m = 0.5. */
class SubCenterArcFaceTest {
    /** Columns k C + c: sub-centre 0 of classes 0, 1 = (1, 0), (0, 1); sub-centre 1 of classes 0, 1 = (0, -1), (-1, 0). */
    private static final float[][] W = {{1, 0, 0, -1}, {0, 1, -1, 0}};

    /** A head with k = 2 sub-centres: C = the weight's columns / 2. */
    private static HeadEvaluator.Evaluation evaluate(String spec, float[][] x, float[][] w, int[] y, boolean gradients) {
        return HeadEvaluator.evaluate(Heads.create(spec), x, w, w[0].length / 2, y, null, gradients);
    }

    @Test
    void eachClassTakesItsNearestSubCentreThenArcFacesMargin() {
        // x = (3, 4), y = 0: sub-centre cosines (0.6, 0.8, -0.8, -0.6) -> class 0 max(0.6, -0.8) = 0.6, class 1 max(0.8, -0.6) = 0.8;
        //   target 10 cos(acos 0.6 + 0.5) = 1.43009.
        // x = (0, -2), y = 0: (0, -1, 1, 0) -> class 0 = 1 through its second sub-centre (theta = 0): 10 cos 0.5 = 8.77583; class 1 = 0.
        // x = (-1, 0), y = 1: (-1, 0, 0, 1) -> class 0 = 0, class 1 = 1 (theta = 0): 8.77583.
        float[][] x = {{3, 4}, {0, -2}, {-1, 0}};
        HeadEvaluator.Evaluation e = evaluate("subcenter(s=10,m=0.5,k=2)", x, W, new int[] {0, 0, 1}, false);
        double[][] expected = {{1.43009, 8}, {8.77583, 0}, {0, 8.77583}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                // at theta = 0 the 2^-24 clamp reads sin 0 as 3.5e-4: 1.7e-3 in the logit
                assertEquals(expected[i][j], e.lossLogits()[i][j], 2e-3, "row " + i + " column " + j);
            }
        }
        double loss = (Math.log(Math.exp(1.43009) + Math.exp(8)) - 1.43009 + Math.log(Math.exp(8.77583) + 1) - 8.77583
                + Math.log(1 + Math.exp(8.77583)) - 8.77583) / 3;
        assertEquals(loss, e.loss(), 2e-3);
    }

    @Test
    void oppositeToEverySubCentreOfItsClassTheFallbackApplies() {
        // Both sub-centres of class 0 at (1, 0), x = (-1, 0): theta_y = pi, past pi - m: cos pi - 0.5 sin 0.5 = -1.239713.
        float[][] w = {{1, 0, 1, 0}, {0, 1, 0, 1}};
        HeadEvaluator.Evaluation e = evaluate("subcenter(s=10,m=0.5,k=2)", new float[][] {{-1, 0}}, w, new int[] {0}, false);
        assertEquals(-12.39713, e.lossLogits()[0][0], 1e-4);
        assertEquals(0, e.lossLogits()[0][1], 1e-5);
        // without the fallback the formula as written turns back up: cos(pi + 0.5) = -0.877583
        HeadEvaluator.Evaluation raw = evaluate("subcenter(s=10,m=0.5,k=2,fallback=false)", new float[][] {{-1, 0}}, w, new int[] {0}, false);
        assertEquals(-8.77583, raw.lossLogits()[0][0], 2e-3);
    }

    @Test
    void onlyTheNearestSubCentreReceivesAGradientAndItMatchesFiniteDifferences() {
        float[][] x = {{1.5f, -0.5f, 0.3f}, {-0.4f, 1.2f, 0.8f}, {0.7f, 0.9f, -1.1f}};
        float[][] w = {{0.8f, -0.3f, 0.2f, 0.5f, -0.6f, 0.1f}, {0.1f, 0.9f, -0.6f, 0.4f, 0.3f, -0.7f}, {-0.5f, 0.2f, 0.7f, 0.6f, 0.2f, 0.4f}};
        int[] y = {0, 2, 1};
        String spec = "subcenter(s=5,m=0.5,k=2)";
        GradientCheck.assertMatches(Heads.create(spec), x, w, 3, y);
        // One row, x = (1.5, -0.5, 0.3): its cosines to the six columns, by hand, are 0.655, -0.538, 0.534, 0.517, -0.879, 0.474;
        // class c's sub-centres are columns c and 3 + c, so the nearest are columns 0, 1, 2 and columns 3, 4, 5 get no gradient.
        float[][] one = {{1.5f, -0.5f, 0.3f}};
        HeadEvaluator.Evaluation single = HeadEvaluator.evaluate(Heads.create(spec), one, w, 3, new int[] {0}, null, true);
        for (int k = 0; k < 3; k++) {
            for (int j = 3; j < 6; j++) {
                assertEquals(0, single.weightGradient()[k * 6 + j], 0, "column " + j + " is not the nearest sub-centre of its class");
            }
        }
    }

    @Test
    void itsCurveIsArcFacesAndOneSubCentreIsArcFace() {
        double[] thetas = {0.3, 1.0, 2.0, 2.9};
        double[] got = MarginCurves.values(MarginCurves.of("subcenter(s=10,m=0.5)"), thetas, 0);
        double[] expected = {Math.cos(0.8), Math.cos(1.5), Math.cos(2.5), Math.cos(2.9) - 0.5 * Math.sin(0.5)};
        for (int i = 0; i < thetas.length; i++) {
            assertEquals(expected[i], got[i], 1e-5, "theta " + thetas[i]);
        }
        float[][] x = {{3, 4}, {2, 0}};
        float[][] w = {{1, 0}, {0, 1}};
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("subcenter(s=10,m=0.5,k=1)", x, w, new int[] {0, 1}, null);
        assertEquals(1.43009, e.lossLogits()[0][0], 1e-4); // 10 cos(acos 0.6 + 0.5), ArcFace's
        assertEquals(-10 * Math.sin(0.5), e.lossLogits()[1][1], 1e-4); // theta = pi/2: 10 cos(pi/2 + 0.5)
    }

    @Test
    void specWeightsAndPetal() {
        assertEquals("subcenter(s=64,m=0.5,k=3)", Heads.create("subcenter").spec());
        assertEquals("subcenter(s=10,m=0.5,k=2)", Heads.create("subcenterarcface(s=10,k=2)").spec());
        assertThrows(SpecException.class, () -> Heads.create("subcenter(k=0)"));
        // the store's weight has K C columns: a d x C matrix is refused with the expected size
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadEvaluator.evaluate(Heads.create("subcenter(k=2)"), new float[][] {{1, 0}}, new float[][] {{1, 0}, {0, 1}}, 2,
                        new int[] {0}, null, false));
        assertEquals("parameter " + LossHead.WEIGHT + " needs 8 values (shape [2, 4]), got 4", e.getMessage());
        // the petal figure draws all K C rays
        PetalPlot.render(new float[] {1, 0, 0, 1}, new int[] {0, 1}, HeadEvaluator.flatten(W), 2, "sub-centres");
    }
}
