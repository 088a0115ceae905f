package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The template of every cosine-based head: logits z_j = r_j cos(theta_j), where cos(theta_j) is the
 * cosine between the feature and the class weight W_j, r is the head's radius (a scale s, the feature
 * norm ||x||, or ||x|| ||W_j||), and the label's column is replaced by r_y f(cos(theta_y)) for the
 * head's {@link TargetTransform} f. Prediction uses the logits without the margin.
 */
public abstract class MarginHead implements LossHead {

    /** The margin applied to the label's cosine. */
    public abstract TargetTransform transform();

    /** The radius r: a scalar, N x 1 or N x C operand multiplying the cosines. */
    protected abstract Operand<TFloat32> radius(Ops tf, HeadInput in, Parameters params, Operand<TFloat32> weights);

    /** The training loss on the margin logits; cross-entropy unless a head says otherwise. */
    protected Operand<TFloat32> loss(Ops tf, Operand<TFloat32> lossLogits, HeadInput in) {
        return Losses.meanCrossEntropy(tf, lossLogits, in.oneHot());
    }

    @Override
    public final HeadOutput build(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> weights = ClassWeights.raw(tf, in, params);
        Operand<TFloat32> cosine = tf.linalg.matMul(Losses.l2Normalize(tf, in.features(), 1), Losses.l2Normalize(tf, weights, 0));
        Operand<TFloat32> r = radius(tf, in, params, weights);
        Operand<TFloat32> logits = tf.math.mul(r, cosine);
        if (transform() == TargetTransform.NONE) {
            return HeadOutput.plain(logits, loss(tf, logits, in));
        }
        Operand<TFloat32> target = transform().apply(tf, cosine, params);
        Operand<TFloat32> marginCosine = tf.math.add(cosine, tf.math.mul(in.oneHot(), tf.math.sub(target, cosine)));
        Operand<TFloat32> lossLogits = tf.math.mul(r, marginCosine);
        return new HeadOutput(logits, lossLogits, loss(tf, lossLogits, in));
    }
}
