package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * L2-softmax: features normalized and rescaled to a fixed norm s before an unnormalized linear layer
 * without bias: z_j = s (x / ||x||) . W_j = s ||W_j|| cos(theta_j).
 * <p>Two-class decision boundary: ||W_1|| cos(theta_1) = ||W_2|| cos(theta_2), a ray from the origin
 * (weight norms still tilt it).
 * <p>Ranjan, Castillo and Chellappa, "L2-constrained Softmax Loss for Discriminative Face
 * Verification", 2017. The bias is dropped here as in every normalized head of this project.
 */
public final class NormFeatureHead implements LossHead {
    private final float scale;

    public NormFeatureHead(float scale) {
        this.scale = scale;
    }

    @Override
    public HeadOutput build(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> x = tf.math.mul(Losses.l2Normalize(tf, in.features(), 1), tf.constant(scale));
        Operand<TFloat32> logits = tf.linalg.matMul(x, ClassWeights.raw(tf, in, params));
        return HeadOutput.plain(logits, Losses.meanCrossEntropy(tf, logits, in.oneHot()));
    }

    @Override
    public String spec() {
        return "normfeature(s=" + SpecNumbers.format(scale) + ")";
    }
}
