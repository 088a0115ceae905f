package org.softmaxzoo.heads;

/**
 * CosFace / AM-Softmax (large margin cosine loss, LMCL): normalized features and weights, target logit
 * s (cos(theta_y) - m), other logits s cos(theta_j).
 * <p>Two-class decision boundary for class 1: cos(theta_1) - m = cos(theta_2), a margin of m in cosine
 * space, constant whatever the angle between the class weights.
 * <p>Wang et al., "CosFace: Large Margin Cosine Loss for Deep Face Recognition", CVPR 2018; Wang, Cheng,
 * Liu and Liu, "Additive Margin Softmax for Face Verification", IEEE SPL 2018.
 */
public final class CosFaceHead extends ScaledCosineHead {
    private final CosineMargin margin;

    public CosFaceHead(Scale scale, float m) {
        this(scale, new CosineMargin(m));
    }

    private CosFaceHead(Scale scale, CosineMargin margin) {
        super(scale, margin);
        this.margin = margin;
    }

    @Override
    public String spec() {
        return "cosface(s=" + scale.specValue() + ",m=" + SpecNumbers.format(margin.m()) + ")";
    }
}
