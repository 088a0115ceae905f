package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.softmaxzoo.heads.catalog.MagFace;
import org.softmaxzoo.heads.spec.SpecException;

/** MagFace against values worked by hand (l_a = 2, u_a = 12, l_m = 0.45, u_m = 0.8, s = 10, lambda_g = 3). */
class MagFaceTest {
    /** Class weights W_0 = (1, 0), W_1 = (0, 1), W_2 = (-1, 0). */
    private static final float[][] W = {{1, 0, -1}, {0, 1, 0}};
    private static final String SPEC = "magface(s=10,l_a=2,u_a=12,l_m=0.45,u_m=0.8,lambda_g=3)";

    @Test
    void marginGrowsWithTheClippedNormAndTheRegulariserIsAdded() {
        // m(a) = 0.45 + 0.035 (a - 2).
        // x = (3, 4), y = 0: a = 5, m = 0.555, target 10 cos(acos 0.6 + 0.555) = 0.88386; others 8, -6.
        // x = (-20, 0), y = 2: a = 20 clipped to 12, m = 0.8, theta_y = 0: 10 cos 0.8 = 6.96707; others -10, 0.
        // x = (0, -0.5), y = 1: a = 0.5 clipped to 2, m = 0.45, theta_y = pi (fallback): 10 (-1 - 0.45 sin 0.45) = -11.95734.
        // Cross-entropy mean 6.589464; g(a) = 1/a + a/144: (0.2 + 0.034722) + (0.083333 + 0.083333) + (0.5 + 0.013889),
        // mean 0.305093; loss 6.589464 + 3 x 0.305093 = 7.504742.
        float[][] x = {{3, 4}, {-20, 0}, {0, -0.5f}};
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate(SPEC, x, W, new int[] {0, 2, 1}, null);
        double[][] expected = {{0.88386, 8, -6}, {-10, 0, 6.96707}, {0, -11.95734, 0}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // theta = 0 reads sin 0 as 3.5e-4 after the 2^-24 clamp: 2.5e-3 in 10 cos(0 + 0.8)
                assertEquals(expected[i][j], e.lossLogits()[i][j], 3e-3, "row " + i + " column " + j);
            }
        }
        assertEquals(7.504742, e.loss(), 2e-3);
    }

    @Test
    void gradientsReachTheNormThroughTheMarginAndTheRegulariser() {
        // Norms 1.61, 1.49, 1.58 lie inside [0.5, 3], so both m(a) and g(a) carry gradient to ||x||.
        float[][] x = {{1.5f, -0.5f, 0.3f}, {-0.4f, 1.2f, 0.8f}, {0.7f, 0.9f, -1.1f}};
        float[][] w = {{0.8f, -0.3f, 0.2f, 0.5f}, {0.1f, 0.9f, -0.6f, 0.4f}, {-0.5f, 0.2f, 0.7f, 0.6f}};
        int[] y = {0, 3, 1};
        String spec = "magface(s=5,l_a=0.5,u_a=3,lambda_g=2)";
        HeadEvaluator.Evaluation at = HeadEvaluator.evaluate(Heads.create(spec), x, w, y, null, true);
        double h = 1e-2;
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < x[i].length; k++) {
                float[][] plus = copy(x);
                float[][] minus = copy(x);
                plus[i][k] += (float) h;
                minus[i][k] -= (float) h;
                double numeric = (HeadEvaluator.evaluate(spec, plus, w, y, null).loss() - HeadEvaluator.evaluate(spec, minus, w, y, null).loss()) / (2 * h);
                assertEquals(numeric, at.featureGradient()[i * x[i].length + k], 2e-3 + 2e-2 * Math.abs(numeric), "d/dx[" + i + "][" + k + "]");
            }
        }
        // Along x itself only the norm changes (the cosines do not): d loss / d ||x|| of one row alone is, by hand,
        // lambda_g g'(a) + s sin(theta + m) m' (1 - p_y) with the logits' softmax p; checked here through scaling x_0.
        float[][] up = copy(x);
        float[][] down = copy(x);
        for (int k = 0; k < 3; k++) {
            up[0][k] *= 1.01f;
            down[0][k] *= 0.99f;
        }
        double radial = (HeadEvaluator.evaluate(spec, up, w, y, null).loss() - HeadEvaluator.evaluate(spec, down, w, y, null).loss()) / 0.02;
        double graphRadial = 0;
        for (int k = 0; k < 3; k++) {
            graphRadial += at.featureGradient()[k] * x[0][k];
        }
        assertEquals(radial, graphRadial, 2e-3 + 2e-2 * Math.abs(radial));
        assertEquals(true, Math.abs(radial) > 1e-2, "the norm does get a gradient: " + radial);
    }

    @Test
    void curvesAtAGivenNorm() {
        MagFace head = (MagFace) Heads.create(SPEC);
        assertEquals(0.45, head.margin(1), 1e-6);
        assertEquals(0.555, head.margin(5), 1e-6);
        assertEquals(0.8, head.margin(40), 1e-6);
        double[] thetas = {0.3, 2.7};
        double[] got = MarginCurves.values(head.marginAt(5), thetas, 0);
        assertEquals(Math.cos(0.855), got[0], 1e-5);
        assertEquals(Math.cos(2.7) - 0.555 * Math.sin(0.555), got[1], 1e-5); // 2.7 > pi - 0.555 = 2.587: fallback
        // the head's own curve: the middle of the norm range, margin (0.45 + 0.8) / 2 = 0.625
        assertEquals(Math.cos(1.625), MarginCurves.values(MarginCurves.of(SPEC), new double[] {1.0}, 0)[0], 1e-5);
    }

    @Test
    void specAndBadRanges() {
        assertEquals("magface(s=64,l_a=10,u_a=110,l_m=0.45,u_m=0.8,lambda_g=35)", Heads.create("magface").spec());
        assertThrows(SpecException.class, () -> Heads.create("magface(l_a=20,u_a=10)"));
        assertThrows(SpecException.class, () -> Heads.create("magface(l_m=0.6,u_m=0.5)"));
    }

    private static float[][] copy(float[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
