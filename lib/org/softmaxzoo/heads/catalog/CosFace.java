package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.margins.CosineMargin;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;

/**
 * CosFace / AM-Softmax (large margin cosine loss, LMCL): normalized features and weights, target logit
 * s (cos(theta_y) - m), other logits s cos(theta_j).
 * <p>Two-class decision boundary for class 1: cos(theta_1) - m = cos(theta_2), a margin of m in cosine
 * space, constant whatever the angle between the class weights.
 * <p>Wang et al., "CosFace: Large Margin Cosine Loss for Deep Face Recognition", CVPR 2018; Wang, Cheng,
 * Liu and Liu, "Additive Margin Softmax for Face Verification", IEEE SPL 2018.
 */
public final class CosFace extends CosineHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("cosface", List.of("amsoftmax"),
            List.of(Param.learnable("s", "30"), Param.positive("s_init", 10), Param.number("m", 0.35, 0, 1)),
            new Declaration.About("features and class weights to unit norm", "scale s (fixed or learned)", "cos theta - m",
                    "s (cos theta_y - m)", "CosFace / AM-Softmax (Wang et al. 2018)"),
            a -> {
                SpecArgs.Learnable s = a.learnable("s", "s_init");
                double m = a.number("m");
                a.requireFiniteLogits("s * (1 + m)", s.value() * (1 + m)); // the target logit reaches -s (1 + m)
                return new CosFace(Scale.of(s), (float) m, a.spec());
            });

    private CosFace(Scale s, float m, String spec) {
        super(spec, Radius.scale(s), new CosineMargin(m));
    }
}
