package org.softmaxzoo.model;

import java.util.List;
import java.util.Locale;
import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.graph.Pooling;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The networks of the reference write-up whose tables the grid reproduces, as its published source
 * (github.com/dwy927/softmax-based-loss, each experiment's {@code config.py}) defines them, for 28 x 28
 * images scaled to [-1, 1]:
 * <pre>
 *   conv 7x7 stride 2 pad 3 (no ReLU)          28 -> 14
 *   conv 5x5 pad 2, ReLU, max-pool 2x2          14 -> 7
 *   conv 3x3 stride 2 pad 1, ReLU               7 -> 4
 *   conv 3x3 pad 1, ReLU                        4 -> 4
 *   average-pool k x k stride k (VALID)         4 -> 1
 *   dense (with bias) to the d-dimensional feature
 * </pre>
 * {@link Width#WIDE} (64, 128, 256, 512 channels, k = 4) is the network of most rows;
 * {@link Width#NARROW} (16, 32, 64, 64 channels, k = 3, so the pool reads the top-left 3 x 3 of the
 * 4 x 4 map) that of the Ring-loss rows. Padding is PyTorch's, symmetric, not TensorFlow's SAME (which
 * pads 2 and 3 around the 7x7 stride-2 convolution). Parameters start as PyTorch's defaults.
 */
public final class WriteUpCnn implements FeatureExtractor {
    public static final int SIDE = 28;

    /** The two widths the write-up uses. */
    public enum Width {
        WIDE(new int[] {64, 128, 256, 512}, 4),
        NARROW(new int[] {16, 32, 64, 64}, 3);

        final int[] channels;
        final int averagePool;

        Width(int[] channels, int averagePool) {
            this.channels = channels;
            this.averagePool = averagePool;
        }

        public int channels(int layer) {
            return channels[layer];
        }
    }

    /** Kernel, stride, padding and ReLU of the four convolutions. */
    private static final int[] KERNEL = {7, 5, 3, 3};
    private static final int[] STRIDE = {2, 1, 2, 1};
    private static final int[] PAD = {3, 2, 1, 1};
    private static final boolean[] RELU = {false, true, true, true};

    private final Width width;
    private final int featureDim;

    public WriteUpCnn(Width width, int featureDim, int inputSide) {
        if (featureDim < 1) {
            throw new IllegalArgumentException("feature dimension must be at least 1, got " + featureDim);
        }
        if (inputSide != SIDE) {
            throw new IllegalArgumentException("the write-up's network is laid out for " + SIDE + " x " + SIDE
                    + " images, got side " + inputSide);
        }
        this.width = width;
        this.featureDim = featureDim;
    }

    @Override
    public int featureDim() {
        return featureDim;
    }

    @Override
    public Operand<TFloat32> features(Ops tf, Operand<TFloat32> images, Parameters params) {
        // The write-up normalises pixels with mean 0.5 and std 0.5.
        Operand<TFloat32> x = tf.math.sub(tf.math.mul(images, tf.constant(2f)), tf.constant(1f));
        int in = 1;
        for (int layer = 0; layer < KERNEL.length; layer++) {
            int out = width.channels[layer];
            int k = KERNEL[layer];
            long fanIn = (long) k * k * in;
            String name = "writeup/conv" + (layer + 1);
            Operand<TFloat32> kernel = params.trainable(name + "/weight", Shape.of(k, k, in, out), Initializer.fanIn(fanIn));
            Operand<TFloat32> bias = params.trainable(name + "/bias", Shape.of(out), Initializer.fanIn(fanIn));
            int p = PAD[layer];
            x = tf.pad(x, tf.constant(new int[][] {{0, 0}, {p, p}, {p, p}, {0, 0}}), tf.constant(0f));
            long s = STRIDE[layer];
            x = tf.nn.biasAdd(tf.nn.conv2d(x, kernel, List.of(1L, s, s, 1L), "VALID"), bias);
            if (RELU[layer]) {
                x = tf.nn.relu(x);
            }
            if (layer == 1) {
                x = Pooling.maxPool2x2(tf, x); // 14 is even: SAME and VALID windows coincide
            }
            in = out;
        }
        long a = width.averagePool;
        x = tf.nn.avgPool(x, List.of(1L, a, a, 1L), List.of(1L, a, a, 1L), "VALID");
        x = tf.reshape(x, tf.constant(new int[] {-1, in}));
        return FeatureLayer.dense(tf, params, "writeup/fc", x, in, featureDim);
    }

    @Override
    public String toString() {
        return "WriteUpCnn(" + width.name().toLowerCase(Locale.ROOT) + ", feature=" + featureDim + ")";
    }
}
