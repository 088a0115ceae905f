package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * CosFace / AM-Softmax (large margin cosine loss, LMCL): normalized features and weights, target logit
 * s (cos(theta_y) - m), other logits s cos(theta_j).
 * <p>Two-class decision boundary for class 1: cos(theta_1) - m = cos(theta_2), a margin of m in cosine
 * space, constant whatever the angle between the class weights.
 * <p>Wang et al., "CosFace: Large Margin Cosine Loss for Deep Face Recognition", CVPR 2018; Wang, Cheng,
 * Liu and Liu, "Additive Margin Softmax for Face Verification", IEEE SPL 2018.
 */
public final class CosFaceHead extends MarginHead {
    private final Scale scale;
    private final CosineMargin margin;

    public CosFaceHead(Scale scale, float m) {
        this.scale = scale;
        this.margin = new CosineMargin(m);
    }

    @Override
    public TargetTransform transform() {
        return margin;
    }

    @Override
    protected Operand<TFloat32> radius(Ops tf, HeadInput in, Parameters params, Operand<TFloat32> weights) {
        return scale.operand(tf, params);
    }

    @Override
    public String spec() {
        return "cosface(s=" + scale.specValue() + ",m=" + SpecNumbers.format(margin.m()) + ")";
    }
}
