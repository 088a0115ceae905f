package org.softmaxzoo.heads;

import org.softmaxzoo.heads.catalog.*;
import org.softmaxzoo.heads.core.*;
import org.softmaxzoo.heads.margins.*;
import org.softmaxzoo.heads.spec.*;
import org.softmaxzoo.heads.terms.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The graph's gradients of every head, with respect to features and class weights, against central
 * finite differences of the same head's loss. (The UP term is not here: it holds its base-class mean
 * fixed by design, so its graph gradient is not the finite difference; UpNormTest checks it by hand.)
 */
class HeadGradientTest {
    private static final float[][] X = {{1.5f, -0.5f, 0.3f}, {-0.4f, 1.2f, 0.8f}, {0.7f, 0.9f, -1.1f}};
    private static final float[][] W = {{0.8f, -0.3f, 0.2f, 0.5f}, {0.1f, 0.9f, -0.6f, 0.4f}, {-0.5f, 0.2f, 0.7f, 0.6f}};
    private static final int[] Y = {0, 3, 1};
    private static final float[] B = {0.05f, -0.1f, 0.2f, 0f};
    private static final double H = 1e-2;

    @ParameterizedTest
    @ValueSource(strings = {"softmax", "softmax(bias=false)", "normweight", "normfeature(s=4)", "normface(s=5)",
        "cosface(s=5,m=0.35)", "arcface(s=5,m=0.5)", "arcface(s=5,m=0.5,easy_margin=true)", "arcface(s=5,m=0.5,fallback=false)",
        "combined(s=5,m1=1.35,m2=0.25,m3=0.1)",
        "combined(s=5,m1=1,m2=0.3,m3=0.2)", "sphereface(m=4,lambda=0)", "sphereface(m=3,lambda=2,gamma=2)",
        "lsoftmax(m=2,beta=0)", "lsoftmax(m=4,beta=1)", "heatedup(s_start=6,s_end=2)", "temperature(t=3)",
        "softmax+ringloss(lambda=0.5,r=2)", "normweight+ringloss(lambda=0.5)", "normweight+ringloss(lambda=0.5,form=abs)", "softmax+center(lambda=0.1)", "softmax+center(lambda=0.1,update=sgd)",
        "normface(s=4)+whiten", "softmax+range(k=2,margin=100,alpha=0.1,beta=0.5)",
        "curricularface(s=5,m=0.5)", "curricularface(s=5,m=0.5,alpha=0)",
        "elasticface(s=5,sigma=0.05)", "elasticface(s=5,form=cos,sigma=0.05,plus=true)",
        "magface(s=5,l_a=0.5,u_a=3,lambda_g=2)", "magface(s=5,l_a=0.5,u_a=3,lambda_g=2,easy_margin=true)", "adaface(s=5,h=100)", "dynamicmargin(s=5)", "dynamicmargin(s=5,normalize=false)"})
    void gradientsMatchFiniteDifferences(String spec) {
        LossHead head = Heads.create(spec);
        HeadEvaluator.Evaluation at = HeadEvaluator.evaluate(head, X, W, Y, B, true);
        for (int i = 0; i < X.length; i++) {
            for (int k = 0; k < X[i].length; k++) {
                double numeric = centralDifference(head, true, i, k);
                assertEquals(numeric, at.featureGradient()[i * X[i].length + k], 2e-3 + 2e-2 * Math.abs(numeric),
                        spec + " d/dx[" + i + "][" + k + "]");
            }
        }
        for (int k = 0; k < W.length; k++) {
            for (int j = 0; j < W[k].length; j++) {
                double numeric = centralDifference(head, false, k, j);
                assertEquals(numeric, at.weightGradient()[k * W[k].length + j], 2e-3 + 2e-2 * Math.abs(numeric),
                        spec + " d/dW[" + k + "][" + j + "]");
            }
        }
    }

    private static double centralDifference(LossHead head, boolean feature, int row, int col) {
        float[][] plus = copy(feature ? X : W);
        float[][] minus = copy(feature ? X : W);
        plus[row][col] += (float) H;
        minus[row][col] -= (float) H;
        double up = HeadEvaluator.evaluate(head, feature ? plus : X, feature ? W : plus, Y, B, false).loss();
        double down = HeadEvaluator.evaluate(head, feature ? minus : X, feature ? W : minus, Y, B, false).loss();
        return (up - down) / (2 * H);
    }

    private static float[][] copy(float[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
