package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.graph.VariableStore;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.margins.ElasticMargin;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/** ElasticFace against hand-computed values (sigma = 0) and the statistics of its draws. */
class ElasticFaceTest {
    /** x = (3, 4): cos to W_0 = (1, 0) is 0.6, to W_1 = (0, 1) is 0.8. */
    private static final float[][] X = {{3, 4}};
    private static final float[][] AXES = {{1, 0}, {0, 1}};
    private static final int N = 4000;

    @Test
    void withoutSpreadItIsArcFaceOrCosFace() {
        // Arc: 10 cos(acos 0.8 + 0.5) = 10 cos(1.143501) = 4.14411; Cos: 10 (0.8 - 0.35) = 4.5; the other logit 10 * 0.6.
        float[] arc = HeadEvaluator.evaluate("elasticface(s=10,sigma=0)", X, AXES, new int[] {1}, null).lossLogits()[0];
        assertEquals(4.14411, arc[1], 1e-4);
        assertEquals(6, arc[0], 1e-5);
        assertEquals(4.5, HeadEvaluator.evaluate("elasticface(s=10,form=cos,sigma=0)", X, AXES, new int[] {1}, null).lossLogits()[0][1], 1e-5);
        // theta_y = 0 (x on W_1): 10 cos 0.5 = 8.77583 (the cosine clamp's sine of 3.5e-4 costs 1.7e-3).
        assertEquals(8.77583, HeadEvaluator.evaluate("elasticface(s=10,sigma=0)", new float[][] {{0, 1}}, AXES, new int[] {1}, null)
                .lossLogits()[0][1], 2e-3);
        // Past pi - m (cos theta_y = -0.95, 161.8 deg): the fallback -0.95 - 0.5 sin 0.5 = -1.189713; without it
        // cos(acos(-0.95) + 0.5) = -0.983404. theta_y = pi: -1 - 0.5 sin 0.5 = -1.239713.
        float[][] far = {{-0.95f, 0.31224990f}};
        assertEquals(-11.89713, HeadEvaluator.evaluate("elasticface(s=10,sigma=0)", far, AXES, new int[] {0}, null).lossLogits()[0][0], 1e-4);
        assertEquals(-9.83404, HeadEvaluator.evaluate("elasticface(s=10,sigma=0,fallback=false)", far, AXES, new int[] {0}, null)
                .lossLogits()[0][0], 1e-4);
        assertEquals(-12.39713, HeadEvaluator.evaluate("elasticface(s=10,sigma=0)", new float[][] {{-1, 0}}, AXES, new int[] {0}, null)
                .lossLogits()[0][0], 1e-4);
    }

    /** The margins a cos-form curve drew at N angles in (0, pi): m_i = cos theta_i - f(cos theta_i). */
    private static double[] drawnMargins(String spec, long iteration) {
        double[] thetas = new double[N];
        for (int i = 0; i < N; i++) {
            thetas[i] = Math.PI * (i + 0.5) / N;
        }
        double[] f = MarginCurves.values(MarginCurves.of(spec), thetas, iteration);
        double[] m = new double[N];
        for (int i = 0; i < N; i++) {
            m[i] = (float) Math.cos(thetas[i]) - f[i];
        }
        return m;
    }

    @Test
    void marginsFollowTheNormalDistributionReproducibly() {
        double[] m = drawnMargins("elasticface(s=10,form=cos,m=0.35,sigma=0.05)", 0);
        double mean = Arrays.stream(m).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(m).map(v -> (v - mean) * (v - mean)).sum() / (N - 1));
        // standard errors for 4000 draws: 0.05 / sqrt(4000) = 7.9e-4 for the mean, about 1.1% of sigma for the sd
        assertEquals(0.35, mean, 4e-3);
        assertEquals(0.05, sd, 0.05 * 0.06);
        assertArrayEquals(m, drawnMargins("elasticface(s=10,form=cos,m=0.35,sigma=0.05)", 0), 0.0, "same seed and step");
        assertFalse(Arrays.equals(m, drawnMargins("elasticface(s=10,form=cos,m=0.35,sigma=0.05)", 1)), "another step draws anew");
    }

    @Test
    void plusHandsTheLargestMarginsToTheSmallestCosines() {
        double[] plain = drawnMargins("elasticface(s=10,form=cos,m=0.35,sigma=0.05)", 3);
        double[] plus = drawnMargins("elasticface(s=10,form=cos,m=0.35,sigma=0.05,plus=true)", 3);
        // the angles increase, so the cosines decrease: the margins must not decrease
        for (int i = 1; i < N; i++) {
            assertTrue(plus[i] >= plus[i - 1] - 1e-6, "margin at " + i + " " + plus[i] + " < " + plus[i - 1]);
        }
        // the same draws, only reassigned
        double[] a = plain.clone();
        double[] b = plus.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b, 1e-6);
        assertTrue(plus[N - 1] - plus[0] > 4 * 0.05, "the draws spread over several sigmas");
    }

    @Test
    void theSeedComesFromTheRunSeedAndIsCheckpointed() {
        assertEquals(seedOf(1), seedOf(1));
        assertNotEquals(seedOf(1), seedOf(2));
    }

    private static float seedOf(long runSeed) {
        try (Graph g = new Graph(); org.tensorflow.Session s = new org.tensorflow.Session(g)) {
            Ops tf = Ops.create(g);
            VariableStore store = new VariableStore(tf, runSeed);
            var labels = tf.constant(new int[] {0});
            Heads.create("elasticface(s=10)").build(tf, new HeadInput(tf.constant(X), labels,
                    tf.oneHot(labels, tf.constant(2), tf.constant(1f), tf.constant(0f)), 2, 2), store);
            VariableStore.Slot seed = store.get(ElasticMargin.SEED);
            assertFalse(seed.trainable());
            assertTrue(store.all().contains(seed), "every slot of the store is what a checkpoint saves");
            s.initialize();
            try (var r = s.runner().fetch(seed.read()).run()) {
                float v = org.softmaxzoo.graph.FloatTensors.scalar(r.get(0));
                assertEquals(Math.rint(v), v, 0.0);
                return v;
            }
        }
    }

    @Test
    void specDefaultsFollowTheForm() {
        assertEquals("elasticface(s=64,m=0.5,sigma=0.05)", Heads.create("elasticface").spec());
        assertEquals("elasticface(s=64,form=cos,m=0.35,sigma=0.05)", Heads.create("elasticface(form=cos)").spec());
        assertEquals("elasticface(s=64,m=0.5,sigma=0.0175,plus=true)", Heads.create("elasticface(plus=true)").spec());
        assertEquals("elasticface(s=10,form=cos,m=0.35,sigma=0.02,plus=true)", Heads.create("elasticface(s=10,form=cos,plus=true)").spec());
    }
}
