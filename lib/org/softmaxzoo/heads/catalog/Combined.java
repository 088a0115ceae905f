package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.margins.CombinedMargin;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;

/**
 * Combined margin: target logit s (cos(m1 theta_y + m2) - m3) on normalized features and weights
 * ({@link CombinedMargin}); (m1, 0, 0), (1, m2, 0) and (1, 0, m3) are the SphereFace-style, ArcFace
 * and CosFace margins.
 * <p>Two-class decision boundary for class 1: cos(m1 theta_1 + m2) - m3 = cos(theta_2).
 * <p>Deng et al., "ArcFace", CVPR 2019, section on the combined margin (the insightface implementation).
 */
public final class Combined extends CosineHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("combined", List.of(),
            List.of(Param.learnable("s", "64"), Param.positive("s_init", 10), Param.number("m1", 1, 1, 5),
                    Param.angle("m2", 0.3, 0, Math.PI), Param.number("m3", 0.2, 0, 1)),
            new Declaration.About("features and class weights to unit norm", "scale s (fixed or learned)",
                    "cos(m1 theta + m2) - m3", "s (cos(m1 theta_y + m2) - m3)", "insightface's combined margin (Deng et al. 2019)"),
            a -> {
                SpecArgs.Learnable s = a.learnable("s", "s_init");
                double m1 = a.number("m1");
                double m2 = a.number("m2");
                double m3 = a.number("m3");
                a.requireFiniteLogits("s * (1 + m3)", s.value() * (1 + m3)); // the target logit reaches -s (1 + m3)
                return new Combined(Scale.of(s), new CombinedMargin((float) m1, (float) m2, (float) m3), a.spec());
            });

    private Combined(Scale s, CombinedMargin margin, String spec) {
        super(spec, Radius.scale(s), margin);
    }
}
