package org.softmaxzoo.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.graph.FedParameters;
import org.softmaxzoo.graph.FloatTensors;
import org.softmaxzoo.graph.Pooling;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/** The network's graph against a plain-Java forward pass written from the architecture's description. */
class ThreeBlockCnnTest {

    @Test
    void maxPoolTakesEachWindowsMaximumAndRoutesTheGradientThere() {
        // 3x3 input, SAME 2x2/2 pooling: windows {0,1}x{0,1}, {0,1}x{2}, {2}x{0,1}, {2}x{2}.
        float[] in = {1, 5, 2, 4, 3, 9, 7, 8, 6};
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> x = tf.constant(Shape.of(1, 3, 3, 1), org.tensorflow.ndarray.buffer.DataBuffers.of(in));
            Operand<TFloat32> pooled = Pooling.maxPool2x2(tf, x);
            // d/dx of sum(pooled * c) puts c of each window on the window's maximum.
            Operand<TFloat32> weighted = tf.reduceSum(tf.math.mul(pooled,
                    tf.constant(new float[][][][] {{{{10}, {20}}, {{30}, {40}}}})), tf.constant(new int[] {0, 1, 2, 3}));
            Gradients grad = tf.gradients(weighted, List.of(x));
            try (Result r = s.runner().fetch(pooled).fetch(grad.dy(0)).run()) {
                assertArrayEquals(new float[] {5, 9, 8, 6}, FloatTensors.read(r.get(0)));
                assertArrayEquals(new float[] {0, 10, 0, 0, 0, 20, 0, 30, 40}, FloatTensors.read(r.get(1)));
            }
        }
    }

    @Test
    void featuresMatchAPlainJavaForwardPass() {
        Random random = new Random(3);
        int n = 2;
        float[] images = NetworkGraph.randoms(random, n * 28 * 28, 0, 1);
        Map<String, float[]> weights = new HashMap<>();
        int in = 1;
        for (int block = 0; block < 3; block++) {
            int out = ThreeBlockCnn.CHANNELS[block];
            weights.put("cnn/conv" + (block + 1) + "/weight", NetworkGraph.randoms(random, 9 * in * out, -0.3f, 0.3f));
            weights.put("cnn/conv" + (block + 1) + "/bias", NetworkGraph.randoms(random, out, -0.1f, 0.1f));
            in = out;
        }
        weights.put("cnn/fc/weight", NetworkGraph.randoms(random, 2048 * 3, -0.05f, 0.05f));
        weights.put("cnn/fc/bias", NetworkGraph.randoms(random, 3, -0.1f, 0.1f));

        float[] graph = NetworkGraph.features(new ThreeBlockCnn(3), weights, images, n);
        for (int i = 0; i < n; i++) {
            float[] expected = plainForward(java.util.Arrays.copyOfRange(images, i * 784, (i + 1) * 784), weights, 3);
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[k], graph[i * 3 + k], 1e-4 + 1e-4 * Math.abs(expected[k]), "image " + i + " feature " + k);
            }
        }
    }

    @Test
    void parameterCountsAreTheArchitecturesOwn() {
        // conv: 9 * in * out + out; dense: 4*4*128 * d + d.
        Map<String, Long> sizes;
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            SizeRecordingParameters recorder = new SizeRecordingParameters(new FedParameters(tf, Map.of()));
            new ThreeBlockCnn(2).features(tf, tf.placeholder(TFloat32.class), recorder);
            sizes = recorder.sizes();
        }
        assertEquals(Map.of("cnn/conv1/weight", 288L, "cnn/conv1/bias", 32L, "cnn/conv2/weight", 18432L,
                "cnn/conv2/bias", 64L, "cnn/conv3/weight", 73728L, "cnn/conv3/bias", 128L,
                "cnn/fc/weight", 4096L, "cnn/fc/bias", 2L), sizes);
        assertEquals(4, new ThreeBlockCnn(2).finalSide());
    }

    /** conv3x3 SAME (kernel laid out [ky][kx][in][out]) + bias, ReLU, max-pool 2x2/2 SAME; flatten h, w, c; dense. */
    private static float[] plainForward(float[] image, Map<String, float[]> w, int featureDim) {
        float[] x = image;
        int side = 28;
        int in = 1;
        for (int block = 0; block < 3; block++) {
            int out = ThreeBlockCnn.CHANNELS[block];
            float[] k = w.get("cnn/conv" + (block + 1) + "/weight");
            float[] b = w.get("cnn/conv" + (block + 1) + "/bias");
            float[] conv = new float[side * side * out];
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    for (int o = 0; o < out; o++) {
                        double sum = b[o];
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int rr = r + ky - 1;
                                int cc = c + kx - 1;
                                if (rr < 0 || rr >= side || cc < 0 || cc >= side) {
                                    continue;
                                }
                                for (int i = 0; i < in; i++) {
                                    sum += x[(rr * side + cc) * in + i] * k[((ky * 3 + kx) * in + i) * out + o];
                                }
                            }
                        }
                        conv[(r * side + c) * out + o] = (float) Math.max(0, sum);
                    }
                }
            }
            int half = (side + 1) / 2;
            float[] pooled = new float[half * half * out];
            for (int r = 0; r < half; r++) {
                for (int c = 0; c < half; c++) {
                    for (int o = 0; o < out; o++) {
                        float max = Float.NEGATIVE_INFINITY;
                        for (int rr = 2 * r; rr < Math.min(side, 2 * r + 2); rr++) {
                            for (int cc = 2 * c; cc < Math.min(side, 2 * c + 2); cc++) {
                                max = Math.max(max, conv[(rr * side + cc) * out + o]);
                            }
                        }
                        pooled[(r * half + c) * out + o] = max;
                    }
                }
            }
            x = pooled;
            side = half;
            in = out;
        }
        float[] fw = w.get("cnn/fc/weight");
        float[] fb = w.get("cnn/fc/bias");
        float[] f = new float[featureDim];
        for (int k = 0; k < featureDim; k++) {
            double sum = fb[k];
            for (int j = 0; j < x.length; j++) {
                sum += x[j] * fw[j * featureDim + k];
            }
            f[k] = (float) sum;
        }
        return f;
    }
}
