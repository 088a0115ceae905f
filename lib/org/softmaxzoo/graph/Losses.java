package org.softmaxzoo.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Graph building blocks shared by heads and models. */
public final class Losses {
    /** Floor under squared norms before the inverse square root, as in tf.math.l2_normalize. */
    public static final float NORM_EPSILON = 1e-12f;

    private Losses() {
    }

    /**
     * Mean softmax cross-entropy of logits against one-hot labels, computed stably by the fused op
     * (log-sum-exp with the maximum subtracted), never as log(softmax).
     */
    public static Operand<TFloat32> meanCrossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> oneHot) {
        return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
    }

    /**
     * Scales each slice along {@code axis} to unit L2 norm: x / sqrt(max(sum x^2, 1e-12)). A zero
     * vector stays zero, with finite gradients.
     */
    public static Operand<TFloat32> l2Normalize(Ops tf, Operand<TFloat32> x, int axis) {
        Operand<TFloat32> squared = tf.reduceSum(tf.math.square(x), tf.constant(axis), org.tensorflow.op.core.ReduceSum.keepDims(true));
        return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(squared, tf.constant(NORM_EPSILON))));
    }

    /** L2 norm of each slice along {@code axis}, kept as a size-1 axis: sqrt(max(sum x^2, 1e-12)). */
    public static Operand<TFloat32> norm(Ops tf, Operand<TFloat32> x, int axis) {
        Operand<TFloat32> squared = tf.reduceSum(tf.math.square(x), tf.constant(axis), org.tensorflow.op.core.ReduceSum.keepDims(true));
        return tf.math.sqrt(tf.math.maximum(squared, tf.constant(NORM_EPSILON)));
    }

    /** Sum of squares of every trainable variable times wd/2: PyTorch Adam's weight_decay as a loss term. */
    public static Operand<TFloat32> weightDecay(Ops tf, VariableStore store, float weightDecay) {
        Operand<TFloat32> total = tf.constant(0f);
        for (VariableStore.Slot v : store.trainables()) {
            total = tf.math.add(total, tf.reduceSum(tf.math.square(v.read()), allAxes(tf, v.read())));
        }
        return tf.math.mul(tf.constant(weightDecay / 2f), total);
    }

    /** The axes 0..rank-1 of an operand, for a full reduction. */
    public static Operand<TInt32> allAxes(Ops tf, Operand<?> x) {
        return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
    }

    /** Number of rows whose largest logit is at the label. */
    public static Operand<TFloat32> correctCount(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels) {
        Operand<TInt32> predicted = tf.math.argMax(logits, tf.constant(1), TInt32.class);
        return tf.reduceSum(tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class), tf.constant(0));
    }
}
