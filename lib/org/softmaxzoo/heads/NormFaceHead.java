package org.softmaxzoo.heads;

/**
 * NormFace: both features and class weights normalized, logits a scaled cosine,
 * z_j = s cos(theta_j) = s (x / ||x||) . (W_j / ||W_j||), with s fixed or learned.
 * <p>Two-class decision boundary: cos(theta_1) = cos(theta_2), the angular bisector. Because every
 * logit lies in [-s, s], the loss of n classes cannot fall below log(1 + (n-1) e^{-s n/(n-1)}), so a
 * small s (such as 1) cannot fit the data: the scale is required.
 * <p>Wang, Xiang, Cheng and Yuille, "NormFace: L2 Hypersphere Embedding for Face Verification", ACM MM 2017.
 */
public final class NormFaceHead extends ScaledCosineHead {
    public NormFaceHead(Scale scale) {
        super(scale, TargetTransform.NONE);
    }

    @Override
    public String spec() {
        return "normface(s=" + scale.specValue() + ")";
    }
}
