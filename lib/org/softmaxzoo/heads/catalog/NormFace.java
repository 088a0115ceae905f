package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.margins.TargetTransform;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;

/**
 * NormFace: both features and class weights normalized, logits a scaled cosine,
 * z_j = s cos(theta_j) = s (x / ||x||) . (W_j / ||W_j||), with s fixed or learned.
 * <p>Two-class decision boundary: cos(theta_1) = cos(theta_2), the angular bisector. Because every
 * logit lies in [-s, s], the loss of n classes cannot fall below log(1 + (n-1) e^{-s n/(n-1)}), so a
 * small s (such as 1) cannot fit the data: the scale is required.
 * <p>Wang, Xiang, Cheng and Yuille, "NormFace: L2 Hypersphere Embedding for Face Verification", ACM MM 2017.
 */
public final class NormFace extends CosineHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("normface", List.of(),
            List.of(Param.learnable("s", "10"), Param.positive("s_init", 1)),
            new Declaration.About("features and class weights to unit norm", "scale s (fixed or learned)", "none",
                    "s cos theta_j", "NormFace (Wang et al. 2017)"),
            a -> new NormFace(Scale.of(a.learnable("s", "s_init")), a.spec()));

    private NormFace(Scale s, String spec) {
        super(spec, Radius.scale(s), TargetTransform.NONE);
    }
}
