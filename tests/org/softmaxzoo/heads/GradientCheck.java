package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.softmaxzoo.heads.core.LossHead;

/** A head's graph gradients against central finite differences of its loss, for weights of any width (sub-centres). */
final class GradientCheck {
    private static final double H = 1e-2;

    private GradientCheck() {
    }

    /** d loss / d x and d loss / d W of {@code head} at (x, w) with {@code classes} classes match finite differences. */
    static void assertMatches(LossHead head, float[][] x, float[][] w, int classes, int[] y) {
        HeadEvaluator.Evaluation at = HeadEvaluator.evaluate(head, x, w, classes, y, null, true);
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < x[i].length; k++) {
                double numeric = difference(head, x, w, classes, y, true, i, k);
                assertEquals(numeric, at.featureGradient()[i * x[i].length + k], 2e-3 + 2e-2 * Math.abs(numeric), "d/dx[" + i + "][" + k + "]");
            }
        }
        for (int k = 0; k < w.length; k++) {
            for (int j = 0; j < w[k].length; j++) {
                double numeric = difference(head, x, w, classes, y, false, k, j);
                assertEquals(numeric, at.weightGradient()[k * w[k].length + j], 2e-3 + 2e-2 * Math.abs(numeric), "d/dW[" + k + "][" + j + "]");
            }
        }
    }

    private static double difference(LossHead head, float[][] x, float[][] w, int classes, int[] y, boolean feature, int row, int col) {
        float[][] plus = copy(feature ? x : w);
        float[][] minus = copy(feature ? x : w);
        plus[row][col] += (float) H;
        minus[row][col] -= (float) H;
        double up = HeadEvaluator.evaluate(head, feature ? plus : x, feature ? w : plus, classes, y, null, false).loss();
        double down = HeadEvaluator.evaluate(head, feature ? minus : x, feature ? w : minus, classes, y, null, false).loss();
        return (up - down) / (2 * H);
    }

    static float[][] copy(float[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
