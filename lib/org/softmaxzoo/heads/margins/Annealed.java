package org.softmaxzoo.heads.margins;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A margin blended with the plain cosine while training starts: (lambda cos(theta) + margin(theta)) /
 * (1 + lambda), lambda following a schedule of the iteration. Large lambda is nearly plain softmax;
 * lambda = 0 is the full margin. (SphereFace's lambda, L-Softmax's beta.)
 */
public record Annealed(TargetTransform margin, Schedule lambda) implements TargetTransform {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> cosine, Parameters params) {
        Operand<TFloat32> l = lambda.at(tf, params.iteration());
        return tf.math.div(tf.math.add(tf.math.mul(l, cosine), margin.apply(tf, cosine, params)), tf.math.add(tf.constant(1f), l));
    }
}
