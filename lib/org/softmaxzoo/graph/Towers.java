package org.softmaxzoo.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.SplitV;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Data parallelism inside one graph: the batch is cut into {@code n} nearly equal slices along its
 * first axis, a per-example function (the feature extractor, on shared weights) is built once per
 * slice, and the results are joined back in order. The values are those of one pass over the whole
 * batch, and the weight gradients their sum over slices (the same sum, in another order). What
 * changes is scheduling: with one intra-op thread and {@code n} inter-op threads TensorFlow runs the
 * slices side by side, one core each, instead of splitting every kernel across cores.
 */
public final class Towers {
    private Towers() {
    }

    public static Operand<TFloat32> map(Ops tf, Operand<TFloat32> batch, int n, UnaryOperator<Operand<TFloat32>> perExample) {
        if (n < 1) {
            throw new IllegalArgumentException("towers must be at least 1, got " + n);
        }
        if (n == 1) {
            return perExample.apply(batch);
        }
        // Slice sizes [r, r, ..., size - (n-1) r] with r = size / n: valid for any batch size, even size < n.
        Operand<TInt32> size = tf.reshape(tf.slice(tf.shape(batch), tf.constant(new int[] {0}), tf.constant(new int[] {1})),
                tf.constant(new int[0]));
        Operand<TInt32> part = tf.math.floorDiv(size, tf.constant(n));
        List<Operand<TInt32>> sizes = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            sizes.add(tf.reshape(part, tf.constant(new int[] {1})));
        }
        sizes.add(tf.reshape(tf.math.sub(size, tf.math.mul(part, tf.constant(n - 1))), tf.constant(new int[] {1})));
        SplitV<TFloat32> slices = tf.splitV(batch, tf.concat(sizes, tf.constant(0)), tf.constant(0), (long) n);
        List<Operand<TFloat32>> outs = new ArrayList<>();
        for (Output<TFloat32> slice : slices.output()) {
            outs.add(perExample.apply(slice));
        }
        return tf.concat(outs, tf.constant(0));
    }
}
