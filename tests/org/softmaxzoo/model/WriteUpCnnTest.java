package org.softmaxzoo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.softmaxzoo.graph.FedParameters;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The write-up's networks against a plain-Java forward pass written from PyTorch's layer definitions
 * (Conv2d with symmetric zero padding and floor((n + 2p - k) / s) + 1 outputs, MaxPool2d and AvgPool2d
 * with floor), not from the graph code.
 */
class WriteUpCnnTest {
    private static final int[] KERNEL = {7, 5, 3, 3};
    private static final int[] STRIDE = {2, 1, 2, 1};
    private static final int[] PAD = {3, 2, 1, 1};

    @ParameterizedTest
    @EnumSource(WriteUpCnn.Width.class)
    void featuresMatchAPlainJavaForwardPass(WriteUpCnn.Width width) {
        Random random = new Random(5);
        int n = 2;
        int d = 3;
        float[] images = NetworkGraph.randoms(random, n * 28 * 28, 0, 1);
        Map<String, float[]> weights = new HashMap<>();
        int in = 1;
        for (int layer = 0; layer < 4; layer++) {
            int out = width.channels(layer);
            float bound = (float) (1 / Math.sqrt(KERNEL[layer] * KERNEL[layer] * in));
            weights.put("writeup/conv" + (layer + 1) + "/weight", NetworkGraph.randoms(random, KERNEL[layer] * KERNEL[layer] * in * out, -bound, bound));
            weights.put("writeup/conv" + (layer + 1) + "/bias", NetworkGraph.randoms(random, out, -bound, bound));
            in = out;
        }
        weights.put("writeup/fc/weight", NetworkGraph.randoms(random, in * d, -0.2f, 0.2f));
        weights.put("writeup/fc/bias", NetworkGraph.randoms(random, d, -0.1f, 0.1f));

        float[] graph = NetworkGraph.features(new WriteUpCnn(width, d, 28), weights, images, n);
        for (int i = 0; i < n; i++) {
            float[] expected = plainForward(java.util.Arrays.copyOfRange(images, i * 784, (i + 1) * 784), weights, width, d);
            for (int k = 0; k < d; k++) {
                assertEquals(expected[k], graph[i * d + k], 1e-4 + 1e-4 * Math.abs(expected[k]), width + " image " + i + " feature " + k);
            }
        }
    }

    @Test
    void parameterCountsAreTheWriteUpsOwn() {
        // Wide: 1*64*49+64, 64*128*25+128, 128*256*9+256, 256*512*9+512, 512*2+2.
        assertEquals(3200 + 204928 + 295168 + 1180160 + 1026, parameterCount(WriteUpCnn.Width.WIDE));
        // Narrow: 1*16*49+16, 16*32*25+32, 32*64*9+64, 64*64*9+64, 64*2+2.
        assertEquals(800 + 12832 + 18496 + 36928 + 130, parameterCount(WriteUpCnn.Width.NARROW));
    }

    @Test
    void refusesOtherImageSidesAndUnknownNetworkNames() {
        assertThrows(IllegalArgumentException.class, () -> new WriteUpCnn(WriteUpCnn.Width.WIDE, 2, 32));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Networks.create("resnet", 2, 28));
        assertEquals("unknown network 'resnet'; known: three-block, writeup, writeup-narrow", e.getMessage());
        assertTrue(Networks.create("writeup-narrow", 2, 28) instanceof WriteUpCnn);
        assertTrue(Networks.create(Networks.DEFAULT, 2, 28) instanceof ThreeBlockCnn);
    }

    private static long parameterCount(WriteUpCnn.Width width) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            SizeRecordingParameters recorder = new SizeRecordingParameters(new FedParameters(tf, Map.of()));
            new WriteUpCnn(width, 2, 28).features(tf, tf.placeholder(TFloat32.class), recorder);
            return recorder.total();
        }
    }

    /**
     * Pixels to [-1, 1]; conv 7x7/2 p3 (no ReLU); conv 5x5/1 p2, ReLU; max-pool 2/2; conv 3x3/2 p1, ReLU;
     * conv 3x3/1 p1, ReLU; average-pool k/k; dense. Kernels are laid out [ky][kx][in][out], maps [row][col][channel].
     */
    private static float[] plainForward(float[] image, Map<String, float[]> w, WriteUpCnn.Width width, int featureDim) {
        float[] x = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            x[i] = (image[i] - 0.5f) / 0.5f;
        }
        int side = 28;
        int in = 1;
        for (int layer = 0; layer < 4; layer++) {
            int out = width.channels(layer);
            int k = KERNEL[layer];
            int outSide = (side + 2 * PAD[layer] - k) / STRIDE[layer] + 1;
            float[] kernel = w.get("writeup/conv" + (layer + 1) + "/weight");
            float[] bias = w.get("writeup/conv" + (layer + 1) + "/bias");
            float[] conv = new float[outSide * outSide * out];
            for (int r = 0; r < outSide; r++) {
                for (int c = 0; c < outSide; c++) {
                    for (int o = 0; o < out; o++) {
                        double sum = bias[o];
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int rr = r * STRIDE[layer] + ky - PAD[layer];
                                int cc = c * STRIDE[layer] + kx - PAD[layer];
                                if (rr < 0 || rr >= side || cc < 0 || cc >= side) {
                                    continue;
                                }
                                for (int i = 0; i < in; i++) {
                                    sum += x[(rr * side + cc) * in + i] * kernel[((ky * k + kx) * in + i) * out + o];
                                }
                            }
                        }
                        conv[(r * outSide + c) * out + o] = (float) (layer == 0 ? sum : Math.max(0, sum));
                    }
                }
            }
            x = conv;
            side = outSide;
            in = out;
            if (layer == 1) {
                x = pool(x, side, in, 2, true);
                side = side / 2;
            }
        }
        int a = width == WriteUpCnn.Width.WIDE ? 4 : 3;
        x = pool(x, side, in, a, false);
        float[] fw = w.get("writeup/fc/weight");
        float[] fb = w.get("writeup/fc/bias");
        float[] f = new float[featureDim];
        for (int j = 0; j < featureDim; j++) {
            double sum = fb[j];
            for (int i = 0; i < in; i++) {
                sum += x[i] * fw[i * featureDim + j];
            }
            f[j] = (float) sum;
        }
        return f;
    }

    /** Window k, stride k, floor: outputs floor(side / k) per axis; max or mean of each window. */
    private static float[] pool(float[] x, int side, int channels, int k, boolean max) {
        int outSide = side / k;
        float[] out = new float[outSide * outSide * channels];
        for (int r = 0; r < outSide; r++) {
            for (int c = 0; c < outSide; c++) {
                for (int o = 0; o < channels; o++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int rr = r * k; rr < r * k + k; rr++) {
                        for (int cc = c * k; cc < c * k + k; cc++) {
                            float v = x[(rr * side + cc) * channels + o];
                            acc = max ? Math.max(acc, v) : acc + v;
                        }
                    }
                    out[(r * outSide + c) * channels + o] = (float) (max ? acc : acc / (k * k));
                }
            }
        }
        return out;
    }
}
