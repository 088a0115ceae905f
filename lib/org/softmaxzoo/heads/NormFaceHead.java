package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * NormFace: both features and class weights normalized, logits a scaled cosine,
 * z_j = s cos(theta_j) = s (x / ||x||) . (W_j / ||W_j||), with s fixed or learned.
 * <p>Two-class decision boundary: cos(theta_1) = cos(theta_2), the angular bisector. Because every
 * logit lies in [-s, s], the loss of n classes cannot fall below log(1 + (n-1) e^{-s n/(n-1)}), so a
 * small s (such as 1) cannot fit the data: the scale is required.
 * <p>Wang, Xiang, Cheng and Yuille, "NormFace: L2 Hypersphere Embedding for Face Verification", ACM MM 2017.
 */
public final class NormFaceHead extends MarginHead {
    private final Scale scale;

    public NormFaceHead(Scale scale) {
        this.scale = scale;
    }

    @Override
    public TargetTransform transform() {
        return TargetTransform.NONE;
    }

    @Override
    protected Operand<TFloat32> radius(Ops tf, HeadInput in, Parameters params, Operand<TFloat32> weights) {
        return scale.operand(tf, params);
    }

    @Override
    public String spec() {
        return scale.learnable()
                ? "normface(s=learn,s_init=" + SpecNumbers.format(scale.value()) + ")"
                : "normface(s=" + SpecNumbers.format(scale.value()) + ")";
    }
}
