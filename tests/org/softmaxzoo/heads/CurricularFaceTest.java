package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.graph.FloatTensors;
import org.softmaxzoo.graph.TrainStep;
import org.softmaxzoo.graph.VariableStore;
import org.softmaxzoo.heads.catalog.CurricularFace;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.HeadOutput;
import org.softmaxzoo.heads.core.LossHead;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** CurricularFace against values worked by hand from the paper's formulas (m = 0.5, alpha = 0.01). */
class CurricularFaceTest {
    /** Class weights W_0 = (1, 0), W_1 = (0, 1), W_2 = (-1, 0), as the columns of a 2 x 3 matrix. */
    private static final float[][] W = {{1, 0, -1}, {0, 1, 0}};

    private static void assertRow(double[] expected, float[] got, double tolerance, String what) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], got[j], tolerance, what + " column " + j);
        }
    }

    /** -log softmax(z)_y, written out. */
    private static double crossEntropy(double[] z, int y) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum) - z[y];
    }

    @Test
    void hardNegativesAreReweightedByTheUpdatedT() {
        // Rows and their cosines to (W_0, W_1, W_2):
        //   x = (3, 4),  y = 0: (0.6, 0.8, -0.6)
        //   x = (-1, 0), y = 1: (-1, 0, 1)      theta_y = pi/2
        //   x = (0, -2), y = 2: (0, -1, 0)      theta_y = pi/2
        // t starts at 0 and is updated before use: t = 0.01 * mean(0.6, 0, 0) = 0.002.
        // Targets cos(theta_y + 0.5): cos(acos 0.6 + 0.5) = 0.143009, cos(pi/2 + 0.5) = -sin 0.5 = -0.479426.
        // Row 1: 0.8 > 0.143 is hard -> 0.8 (0.002 + 0.8) = 0.6416; -0.6 is easy.
        // Row 2: -1 is easy; 1 > -0.479 is hard (theta_j = 0) -> 1 (0.002 + 1) = 1.002.
        // Row 3: 0 > -0.479 is hard -> 0 (0.002 + 0) = 0; -1 is easy.
        float[][] x = {{3, 4}, {-1, 0}, {0, -2}};
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("curricularface(s=10,m=0.5)", x, W, new int[] {0, 1, 2}, null);
        double[][] expected = {{1.43009, 6.416, -6}, {-10, -4.79426, 10.02}, {0, -10, -4.79426}};
        for (int i = 0; i < 3; i++) {
            assertRow(expected[i], e.lossLogits()[i], 1e-4, "row " + i);
        }
        double loss = (crossEntropy(expected[0], 0) + crossEntropy(expected[1], 1) + crossEntropy(expected[2], 2)) / 3;
        assertEquals(loss, e.loss(), 1e-4);
    }

    @Test
    void edgeAnglesAndTheFallbackRegion() {
        // theta_y = 0: x = (1, 0); theta_y = pi: x = (-1, 0); fallback region: cos theta_y = -0.95 (161.8 deg > pi - 0.5).
        // t = 0.01 * mean(1, -1, -0.95) = -0.0031667 (negative: hard negatives are damped below cos^2).
        // Row 1 (theta_y = 0): target cos 0.5 = 0.877583; 0 and -1 are easy.
        // Row 2 (theta_y = pi): target -1 - 0.5 sin 0.5 = -1.239713 (fallback); hard means above cos(pi + 0.5) =
        //   -0.877583: 0 -> 0 (t + 0) = 0 and 1 -> 1 (1 + t) = 0.996833.
        // Row 3: x = (-0.95, 0.312250): target -0.95 - 0.5 sin 0.5 = -1.189713; cos(acos(-0.95) + 0.5) = -0.983404, so
        //   0.312250 -> 0.312250 (0.312250 + t) = 0.096511 and 0.95 -> 0.95 (0.95 + t) = 0.899492 are hard.
        float[][] x = {{1, 0}, {-1, 0}, {-0.95f, 0.31224990f}};
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate("curricularface(s=10,m=0.5)", x, W, new int[] {0, 0, 0}, null);
        // At |cos| = 1 the cosine is clamped by 2^-24 before the sine: sin 0 reads 3.5e-4, 1.7e-3 in s cos(0 + m).
        assertRow(new double[] {8.77583, 0, -10}, e.lossLogits()[0], 2e-3, "theta_y = 0");
        assertRow(new double[] {-12.39713, 0, 9.96833}, e.lossLogits()[1], 1e-4, "theta_y = pi");
        assertRow(new double[] {-11.89713, 0.96511, 8.99492}, e.lossLogits()[2], 1e-4, "fallback");
    }

    @Test
    void predictionLogitsKeepThePlainCosines() {
        float[][] x = {{3, 4}};
        LossHead head = Heads.create("curricularface(s=10)");
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            VariableStore store = new VariableStore(tf, 1);
            HeadOutput out = build(tf, head, store, x, new int[] {0});
            s.initialize();
            setWeights(s, store);
            try (Result r = s.runner().fetch(out.logits()).run()) {
                float[] logits = FloatTensors.read(r.get(0));
                assertRow(new double[] {6, 8, -6}, logits, 1e-5, "prediction");
            }
        }
    }

    @Test
    void tIsCheckpointedStateThatTheTrainingStepMovesTowardsTheMeanTargetCosine() {
        // With learning rate 0 the cosines stay put, so t_k = r (1 - 0.99^k) for r = mean cos theta_y = (0.6 + 0) / 2 = 0.3.
        float[][] x = {{3, 4}, {0, -2}};
        int[] y = {0, 2};
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            VariableStore store = new VariableStore(tf, 1);
            HeadOutput out = build(tf, Heads.create("curricularface(s=10,m=0.5)"), store, x, y);
            Op step = TrainStep.build(tf, store, out.loss(), 0f, List.of(out.loss()));
            s.initialize();
            setWeights(s, store);
            VariableStore.Slot t = store.get(CurricularFace.T);
            assertFalse(t.trainable());
            assertTrue(store.all().contains(t), "every slot of the store is what a checkpoint saves");
            for (int k = 1; k <= 3; k++) {
                s.runner().addTarget(step).run().close();
                try (Result r = s.runner().fetch(t.read()).run()) {
                    assertEquals(0.3 * (1 - Math.pow(0.99, k)), FloatTensors.scalar(r.get(0)), 1e-6, "t after step " + k);
                }
            }
            // A forward pass uses t_4 = 0.3 (1 - 0.99^4) = 0.011881: row 1's hard negative 0.8 (t_4 + 0.8) = 0.649505.
            try (Result r = s.runner().fetch(out.lossLogits()).run()) {
                assertEquals(10 * 0.8 * (0.3 * (1 - Math.pow(0.99, 4)) + 0.8), FloatTensors.read(r.get(0))[1], 1e-4);
            }
        }
    }

    @Test
    void itsCurveIsArcFacesTarget() {
        double[] thetas = {0.3, 1.0, 2.0, 2.9};
        double[] got = MarginCurves.values(MarginCurves.of("curricularface(s=10,m=0.5)"), thetas, 0);
        // cos(theta + 0.5) while theta + 0.5 < pi; past it cos theta - 0.5 sin 0.5.
        double[] expected = {Math.cos(0.8), Math.cos(1.5), Math.cos(2.5), Math.cos(2.9) - 0.5 * Math.sin(0.5)};
        for (int i = 0; i < thetas.length; i++) {
            assertEquals(expected[i], got[i], 1e-5, "theta " + thetas[i]);
        }
        assertEquals(0.5, MarginCurves.angularMargins(MarginCurves.of("curricularface"), new double[] {Math.PI / 2}, 0)[0], 1e-3);
    }

    @Test
    void specIsCanonical() {
        assertEquals("curricularface(s=64,m=0.5,alpha=0.01)", Heads.create("curricularface").spec());
        assertEquals("curricularface(s=10,m=0.5,alpha=0.05)", Heads.create("curricularface(s=10,alpha=0.05)").spec());
    }

    private static HeadOutput build(Ops tf, LossHead head, VariableStore store, float[][] x, int[] y) {
        Operand<TFloat32> features = tf.constant(x);
        Operand<TInt32> labels = tf.constant(y);
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(W[0].length), tf.constant(1f), tf.constant(0f));
        return head.build(tf, new HeadInput(features, labels, oneHot, W[0].length, W.length), store);
    }

    /** The store's class weights start random: set them to W through their restore op. */
    private static void setWeights(Session s, VariableStore store) {
        VariableStore.Slot w = store.get(LossHead.WEIGHT);
        try (TFloat32 value = FloatTensors.of(w.shape(), HeadEvaluator.flatten(W))) {
            s.runner().feed(w.restoreValue(), value).addTarget(w.restore()).run().close();
        }
    }
}
