package org.softmaxzoo.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Max-pooling built as TensorFlow's attribute form {@code MaxPool} rather than the {@code MaxPoolV2}
 * that {@code tf.nn.maxPool} emits. Same values and gradients; the difference is speed: TensorFlow's
 * oneDNN rewrite only replaces the attribute form, whose gradient then reads the forward pass's
 * workspace instead of searching each window again (measured in notes/speed.md: +13% per step).
 */
public final class Pooling {
    private Pooling() {
    }

    /** 2x2 windows, stride 2, SAME padding, NHWC: each spatial side halves, rounding up. */
    public static Operand<TFloat32> maxPool2x2(Ops tf, Operand<TFloat32> x) {
        // Scope.opBuilder names the op and applies the scope's device and control dependencies.
        return tf.scope().opBuilder("MaxPool", "MaxPool")
                .addInput(x.asOutput())
                .setAttr("ksize", new long[] {1, 2, 2, 1})
                .setAttr("strides", new long[] {1, 2, 2, 1})
                .setAttr("padding", "SAME")
                .build()
                .output(0);
    }
}
