package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theNormGetsTheGradientOfTheMarginAndTheRegulariser() {
        // One row; scaling x changes only a = ||x|| (the cosines stay), so x . dL/dx = a dL/da, with, by hand,
        // dL/da = lambda_g g'(a) + (1 - p_y) s sin(theta_y + m(a)) m', g'(a) = -1/a^2 + 1/u_a^2, m' = (u_m - l_m)/(u_a - l_a).
        float[][] x = {{1.5f, -0.5f, 0.3f}};
        float[][] w = {{0.8f, -0.3f, 0.2f, 0.5f}, {0.1f, 0.9f, -0.6f, 0.4f}, {-0.5f, 0.2f, 0.7f, 0.6f}};
        double s = 5;
        double la = 0.5;
        double ua = 3;
        double slope = (0.8 - 0.45) / (ua - la);
        double lambda = 2;
        double a = Math.sqrt(1.5 * 1.5 + 0.5 * 0.5 + 0.3 * 0.3);
        double[] z = new double[4];
        double[] cos = new double[4];
        for (int j = 0; j < 4; j++) {
            double wn = Math.sqrt(w[0][j] * w[0][j] + w[1][j] * w[1][j] + w[2][j] * w[2][j]);
            cos[j] = (x[0][0] * w[0][j] + x[0][1] * w[1][j] + x[0][2] * w[2][j]) / (a * wn);
            z[j] = s * cos[j];
        }
        double m = 0.45 + slope * (a - la);
        double theta = Math.acos(cos[0]);
        z[0] = s * Math.cos(theta + m); // theta + m = 1.46 < pi: no fallback
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v);
        }
        double pY = Math.exp(z[0]) / sum;
        double dLda = lambda * (-1 / (a * a) + 1 / (ua * ua)) + (1 - pY) * s * Math.sin(theta + m) * slope;
        HeadEvaluator.Evaluation at = HeadEvaluator.evaluate(Heads.create("magface(s=5,l_a=0.5,u_a=3,lambda_g=2)"), x, w, new int[] {0}, null, true);
        double radial = 0;
        for (int k = 0; k < 3; k++) {
            radial += at.featureGradient()[k] * x[0][k];
        }
        assertEquals(a * dLda, radial, 1e-4);
        assertTrue(Math.abs(a * dLda) > 0.1, "the norm does get a gradient: " + a * dLda);
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
}
