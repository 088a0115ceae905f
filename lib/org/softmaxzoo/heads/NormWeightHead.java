package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Softmax with normalized class weights and no bias: z_j = (W_j / ||W_j||) . x = ||x|| cos(theta_j).
 * <p>Two-class decision boundary: cos(theta_1) = cos(theta_2), the bisector of the two weight
 * directions, so prediction depends on the angle alone (the "modified softmax" of SphereFace).
 * <p>Weight normalization: Liu et al., "SphereFace: Deep Hypersphere Embedding for Face Recognition",
 * CVPR 2017 (modified softmax), and Guo and Zhang, "One-shot Face Recognition by Promoting
 * Underrepresented Classes", 2017 (class-imbalance motivation).
 */
public final class NormWeightHead implements LossHead {

    @Override
    public HeadOutput build(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> logits = tf.linalg.matMul(in.features(), ClassWeights.normalized(tf, in, params));
        return HeadOutput.plain(logits, Losses.meanCrossEntropy(tf, logits, in.oneHot()));
    }

    @Override
    public String spec() {
        return "normweight";
    }
}
