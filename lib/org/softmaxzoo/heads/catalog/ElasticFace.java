package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.margins.ElasticMargin;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * ElasticFace (elastic margin loss): normalized features and weights; each sample's margin m_i is drawn
 * from N(m, sigma) at every step ({@link ElasticMargin}), target logit s cos(theta_y + m_i) for
 * ElasticFace-Arc ({@code form=arc}, with ArcFace's fallback past pi - m_i unless {@code fallback=false};
 * the authors' code has none) or s (cos theta_y - m_i) for ElasticFace-Cos ({@code form=cos}); other
 * logits s cos theta_j. ElasticFace+ ({@code plus=true}) sorts the batch's drawn margins and gives the
 * largest to the sample with the smallest cos theta_y, the one farthest from its class centre. The
 * draws are seeded by the run's seed and the step, so runs are reproducible and resumable.
 * <p>Two-class decision boundary for class 1, per sample: theta_1 + m_i = theta_2 (Arc) or cos theta_1 -
 * m_i = cos theta_2 (Cos): the boundary of ArcFace or CosFace, moving with each draw around the one at m.
 * <p>Defaults are the paper's and its code's: s = 64; Arc m = 0.5, Cos m = 0.35; sigma = 0.05, for the
 * + variants 0.0175 (Arc) and 0.02 (Cos). They assume 512-d features of a deep face network; with 2-d
 * features use a smaller scale, s = 10 as the grid's other normalized heads.
 * <p>Boutros, Damer, Kirchbuchner and Kuijper, "ElasticFace: Elastic Margin Loss for Deep Face Recognition", CVPRW 2022.
 */
public final class ElasticFace extends CosineHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("elasticface", List.of(),
            List.of(Param.learnable("s", "64"), Param.positive("s_init", 10), Param.choice("form", "arc", "cos"),
                    Param.number("m", 0.5, 0, 3.1415).optional(), Param.number("sigma", 0.05, 0, 1).optional(),
                    Param.flag("plus", false), Param.flag("fallback", true)),
            new Declaration.About("features and class weights to unit norm", "scale s (fixed or learned)",
                    "cos(theta + m_i) (arc, fallback past pi - m_i) or cos theta - m_i (cos), m_i ~ N(m, sigma) per sample; plus: sorted by difficulty",
                    "s cos(theta_y + m_i) or s (cos theta_y - m_i), m_i ~ N(m, sigma); m = 0.5 (arc) or 0.35 (cos), "
                            + "sigma = 0.05 (plus: 0.0175 arc, 0.02 cos)",
                    "ElasticFace (Boutros et al. 2022)"),
            ElasticFace::create);

    private ElasticFace(Scale s, ElasticMargin margin, String spec) {
        super(spec, Radius.scale(s), margin);
    }

    private static ElasticFace create(SpecArgs a) {
        SpecArgs.Learnable s = a.learnable("s", "s_init");
        boolean arc = a.choice("form").equals("arc");
        boolean plus = a.bool("plus");
        double m = a.number("m", arc ? 0.5 : 0.35, 0, 3.1415);
        double sigma = a.number("sigma", plus ? (arc ? 0.0175 : 0.02) : 0.05, 0, 1);
        boolean fallback = a.bool("fallback");
        // the target logit stays within s (1 + m_i); ten sigmas above m is beyond any draw
        a.requireFiniteLogits("s * (1 + m + 10 sigma)", s.value() * (1 + m + 10 * sigma));
        return new ElasticFace(Scale.of(s), new ElasticMargin(arc, (float) m, (float) sigma, plus, fallback), a.spec());
    }

    /** The transform sees the batch's target cosines (N x 1), so ElasticFace+ can rank them. */
    @Override
    protected Operand<TFloat32> lossCosines(Ops tf, Operand<TFloat32> cosine, HeadInput in, Parameters params) {
        return withTarget(tf, cosine, transform().apply(tf, targetCosines(tf, cosine, in), params), in);
    }
}
