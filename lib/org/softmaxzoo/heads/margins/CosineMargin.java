package org.softmaxzoo.heads.margins;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Additive cosine margin (CosFace / AM-Softmax): cos(theta) - m. */
public record CosineMargin(float m) implements TargetTransform {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> cosine, Parameters params) {
        return tf.math.sub(cosine, tf.constant(m));
    }
}
