package org.softmaxzoo.model;

import java.util.Arrays;
import java.util.List;
import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.graph.Pooling;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * This project's default network: three blocks of [conv 3x3 SAME with bias, ReLU, max-pool 2x2 stride 2
 * SAME] with 32, 64 and 128 channels (28 -> 14 -> 7 -> 4), flattened to 4*4*128 = 2048, then a dense
 * layer (with bias) to the d-dimensional feature. Parameters start as PyTorch's defaults,
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in)). The committed grid was trained with it; the reference write-up's
 * own networks, read from its published source later, are {@link WriteUpCnn}.
 */
public final class ThreeBlockCnn implements FeatureExtractor {
    public static final int[] CHANNELS = {32, 64, 128};
    private static final int KERNEL = 3;

    private final int featureDim;
    private final int inputSide;

    public ThreeBlockCnn(int featureDim) {
        this(featureDim, 28);
    }

    public ThreeBlockCnn(int featureDim, int inputSide) {
        if (featureDim < 1) {
            throw new IllegalArgumentException("feature dimension must be at least 1, got " + featureDim);
        }
        this.featureDim = featureDim;
        this.inputSide = inputSide;
    }

    @Override
    public int featureDim() {
        return featureDim;
    }

    /** Side of the last feature map: each SAME pool halves it, rounding up. */
    public int finalSide() {
        int side = inputSide;
        for (int ignored : CHANNELS) {
            side = (side + 1) / 2;
        }
        return side;
    }

    @Override
    public Operand<TFloat32> features(Ops tf, Operand<TFloat32> images, Parameters params) {
        Operand<TFloat32> x = images;
        int in = 1;
        for (int block = 0; block < CHANNELS.length; block++) {
            int out = CHANNELS[block];
            long fanIn = (long) KERNEL * KERNEL * in;
            Operand<TFloat32> kernel = params.trainable("cnn/conv" + (block + 1) + "/weight",
                    Shape.of(KERNEL, KERNEL, in, out), Initializer.fanIn(fanIn));
            Operand<TFloat32> bias = params.trainable("cnn/conv" + (block + 1) + "/bias", Shape.of(out), Initializer.fanIn(fanIn));
            x = tf.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME");
            x = tf.nn.relu(tf.nn.biasAdd(x, bias));
            x = Pooling.maxPool2x2(tf, x);
            in = out;
        }
        int flat = finalSide() * finalSide() * in;
        x = tf.reshape(x, tf.constant(new int[] {-1, flat}));
        return FeatureLayer.dense(tf, params, "cnn/fc", x, flat, featureDim);
    }

    @Override
    public String toString() {
        return "ThreeBlockCnn(channels=" + Arrays.toString(CHANNELS) + ", feature=" + featureDim + ")";
    }
}
