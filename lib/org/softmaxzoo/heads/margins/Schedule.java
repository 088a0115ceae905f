package org.softmaxzoo.heads.margins;

import org.softmaxzoo.heads.spec.SpecException;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A hyper-parameter that changes with the training iteration t (0 at the start), built as graph ops. */
@FunctionalInterface
public interface Schedule {
    Operand<TFloat32> at(Ops tf, Operand<TFloat32> iteration);

    static Schedule constant(double value) {
        return (tf, t) -> tf.constant((float) value);
    }

    /**
     * SphereFace's annealing: max(min, base (1 + gamma t)^(-power)), Caffe's {@code MarginInnerProduct}
     * form (its prototxt: base 1000, gamma 0.12, power 1, lambda_min 5); the source write-up's code is
     * power 1: max(3, 30000 / (1 + 0.2 t)). t is this project's iteration counter, 0 at the first step
     * (both sources count from 1 there, so lambda here lags theirs by one step).
     */
    static Schedule power(double base, double gamma, double power, double min) {
        return (tf, t) -> tf.math.maximum(tf.constant((float) min),
                tf.math.mul(tf.constant((float) base), tf.math.pow(
                        tf.math.add(tf.constant(1f), tf.math.mul(tf.constant((float) gamma), t)), tf.constant((float) -power))));
    }

    /** L-Softmax's annealing: max(min, start * decay^t). */
    static Schedule exponential(double start, double decay, double min) {
        return (tf, t) -> tf.math.maximum(tf.constant((float) min),
                tf.math.mul(tf.constant((float) start), tf.math.pow(tf.constant((float) decay), t)));
    }

    /**
     * From {@code start} to {@code end} over {@code steps} iterations, then {@code end}: linear, cosine
     * (half a cosine period), or step (start until half-way, then end).
     */
    static Schedule ramp(String shape, double start, double end, double steps) {
        return (tf, t) -> {
            Operand<TFloat32> p = tf.math.minimum(tf.constant(1f), tf.math.div(t, tf.constant((float) steps)));
            Operand<TFloat32> fraction = switch (shape) {
                case "linear" -> p;
                case "cosine" -> tf.math.mul(tf.constant(0.5f),
                        tf.math.sub(tf.constant(1f), tf.math.cos(tf.math.mul(tf.constant((float) Math.PI), p))));
                case "step" -> tf.dtypes.cast(tf.math.greaterEqual(p, tf.constant(0.5f)), TFloat32.class);
                default -> throw new SpecException("schedule must be linear, cosine or step, got " + shape);
            };
            return tf.math.add(tf.constant((float) start), tf.math.mul(tf.constant((float) (end - start)), fraction));
        };
    }
}
