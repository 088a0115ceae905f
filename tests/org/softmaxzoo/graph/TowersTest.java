package org.softmaxzoo.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.model.ThreeBlockCnn;
import org.softmaxzoo.testing.SyntheticImages;
import org.softmaxzoo.train.TrainingGraph;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class TowersTest {

    /** Rows i of a (size x 2) batch are (i, 10 i); the per-example map (a, b) -> (a + b, a b) is checked row by row. */
    @Test
    void slicesAreMappedAndJoinedInOrderForAnyBatchSize() {
        for (int towers : new int[] {1, 2, 3}) {
            for (int size : new int[] {1, 2, 5, 64}) {
                float[] rows = new float[size * 2];
                for (int i = 0; i < size; i++) {
                    rows[2 * i] = i;
                    rows[2 * i + 1] = 10 * i;
                }
                float[] expected = new float[size * 2];
                for (int i = 0; i < size; i++) {
                    expected[2 * i] = 11 * i;
                    expected[2 * i + 1] = 10f * i * i;
                }
                assertArrayEquals(expected, mapped(rows, size, towers), 1e-6f, "towers " + towers + ", batch " + size);
            }
        }
    }

    private static float[] mapped(float[] rows, int size, int towers) {
        try (Graph g = new Graph(); Session s = new Session(g); TFloat32 in = FloatTensors.of(Shape.of(size, 2), rows)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> x = tf.placeholder(TFloat32.class);
            Operand<TFloat32> y = Towers.map(tf, x, towers, slice -> {
                Operand<TFloat32> a = tf.slice(slice, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1}));
                Operand<TFloat32> b = tf.slice(slice, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, 1}));
                return tf.concat(java.util.List.of(tf.math.add(a, b), tf.math.mul(a, b)), tf.constant(1));
            });
            try (Result r = s.runner().feed(x, in).fetch(y).run()) {
                return FloatTensors.read(r.get(0));
            }
        }
    }

    @Test
    void refusesFewerThanOneTower() {
        assertThrows(IllegalArgumentException.class, () -> new SessionOptions(1, 2, false, 0));
    }

    /**
     * Two towers train the same network as one: the same losses over a few Adam steps, and the same
     * gradient in the first step (read from Adam's first moment, (1 - beta1) g), up to summation order.
     * Later weights are not compared: Adam divides by |g|, so a near-zero gradient component's
     * last-bit difference becomes a full step of either sign.
     */
    @Test
    void twoTowersTrainLikeOne() {
        ImageSet data = SyntheticImages.make(64, 4, 3);
        float[][] losses = new float[2][];
        Map<String, float[]>[] afterFirstStep = new Map[2];
        for (int t = 0; t < 2; t++) {
            try (TrainingGraph g = new TrainingGraph(new ThreeBlockCnn(2, SyntheticImages.SIDE), Heads.create("arcface(s=10,m=0.5)"), 4,
                    SyntheticImages.SIDE, 1e-3f, 1e-3f, 7, new SessionOptions(1, 2, false, t + 1))) {
                losses[t] = new float[5];
                for (int step = 0; step < 5; step++) {
                    // Odd batch (63): the towers get 31 and 32 images.
                    losses[t][step] = g.train(data.pixels(), data.labels(), 63).loss();
                    if (step == 0) {
                        afterFirstStep[t] = g.values();
                    }
                }
            }
        }
        // Relative: two towers sum the gradient in another order, and float rounding grows over the steps with the
        // processor (an Intel Xeon left 1.2e-5 of 2.85 after five steps, past the absolute 1e-5 that passed on AMD EPYC);
        // a wrong split or a lost tower moves the loss by far more than 3e-5 of it from the second step on.
        for (int step = 0; step < losses[0].length; step++) {
            assertEquals(losses[0][step], losses[1][step], 3e-5f * Math.abs(losses[0][step]),
                    "step " + (step + 1) + ": " + Arrays.toString(losses[0]) + " vs " + Arrays.toString(losses[1]));
        }
        assertEquals(afterFirstStep[0].keySet(), afterFirstStep[1].keySet());
        int moments = 0;
        for (Map.Entry<String, float[]> e : afterFirstStep[0].entrySet()) {
            if (e.getKey().endsWith("/adam_m")) {
                float[] one = e.getValue();
                float[] two = afterFirstStep[1].get(e.getKey());
                float scale = 0;
                for (float v : one) {
                    scale = Math.max(scale, Math.abs(v));
                }
                assertArrayEquals(one, two, 1e-5f * scale + 1e-12f, e.getKey());
                moments++;
            }
        }
        assertEquals(9, moments, "one first moment per trainable: 8 of the network, the head's class weights: " + afterFirstStep[0].keySet());
    }
}
