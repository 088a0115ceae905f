package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.margins.ArcMargin;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;

/**
 * ArcFace (additive angular margin): normalized features and weights, target logit s cos(theta_y + m),
 * computed as cos(theta) cos(m) - sin(theta) sin(m), with the fallback cos(theta) - m sin(m) where
 * theta + m would pass pi ({@link ArcMargin}; {@code fallback=false} keeps cos(theta + m) there, as
 * implementations without the fallback do); other logits s cos(theta_j).
 * <p>Two-class decision boundary for class 1: theta_1 + m = theta_2, a margin of m radians in angle
 * (geodesic distance on the hypersphere).
 * <p>Deng, Guo, Xue and Zafeiriou, "ArcFace: Additive Angular Margin Loss for Deep Face Recognition", CVPR 2019.
 */
public final class ArcFace extends CosineHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("arcface", List.of(),
            List.of(Param.learnable("s", "64"), Param.positive("s_init", 10), Param.angle("m", 0.5, 0, Math.PI),
                    Param.flag("easy_margin", false), Param.flag("fallback", true)),
            new Declaration.About("features and class weights to unit norm", "scale s (fixed or learned)",
                    "cos(theta + m), cos theta - m sin m past pi - m (fallback=false: as written, turning back up)",
                    "s cos(theta_y + m)", "ArcFace (Deng et al. 2019)"),
            a -> {
                SpecArgs.Learnable s = a.learnable("s", "s_init");
                double m = a.number("m");
                a.requireFiniteLogits("s * (1 + m)", s.value() * (1 + m)); // the target logit reaches -s (1 + m sin m)
                return new ArcFace(Scale.of(s), new ArcMargin((float) m, a.bool("easy_margin"), a.bool("fallback")), a.spec());
            });

    private ArcFace(Scale s, ArcMargin margin, String spec) {
        super(spec, Radius.scale(s), margin);
    }
}
