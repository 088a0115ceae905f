package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.margins.Annealed;
import org.softmaxzoo.heads.margins.MultiplicativeMargin;
import org.softmaxzoo.heads.margins.Schedule;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;

/**
 * L-Softmax (large-margin softmax): no normalization and no bias; logits ||W_j|| ||x|| cos(theta_j) =
 * W_j . x, target ||W_y|| ||x|| psi(theta_y), psi(theta) = (-1)^k cos(m theta) - 2k
 * ({@link MultiplicativeMargin}), blended while training starts as (beta plain + psi-logit)/(1 + beta),
 * beta = max(beta_min, beta * beta_decay^t).
 * <p>Two-class decision boundary for class 1: ||W_1|| cos(m theta_1) = ||W_2|| cos(theta_2).
 * <p>Liu, Wen, Yu and Yang, "Large-Margin Softmax Loss for Convolutional Neural Networks", ICML 2016.
 */
public final class LSoftmax extends CosineHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("lsoftmax", List.of(),
            List.of(Param.integer("m", 2, 1, 5), Param.number("beta", 100, 0, 1e9), Param.number("beta_min", 0, 0, 1e9),
                    Param.number("beta_decay", 0.99, 1e-9, 1)),
            new Declaration.About("none", "||x|| ||W_j||",
                    "psi(theta) = (-1)^k cos(m theta) - 2k, blended as (beta cos theta + psi) / (1 + beta), beta = max(beta_min, beta beta_decay^t)",
                    "||W_y|| ||x|| psi(theta_y), annealed", "L-Softmax (Liu et al. 2016)"),
            LSoftmax::create);

    private LSoftmax(int m, Schedule beta, String spec) {
        super(spec, Radius.featureAndWeightNorms(), new Annealed(new MultiplicativeMargin(m), beta));
    }

    private static LSoftmax create(SpecArgs a) {
        double beta = a.number("beta");
        double min = a.number("beta_min", 0, beta);
        double decay = a.number("beta_decay");
        return new LSoftmax(a.integer("m"), Schedule.exponential(beta, decay, min), a.spec());
    }
}
