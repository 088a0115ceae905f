package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.heads.core.LinearHead;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;

/**
 * Softmax at temperature T: the linear layer of {@link Softmax} (with bias), trained on
 * cross-entropy of z / T. T > 1 softens the distribution (smaller gradients on confident samples), T < 1
 * sharpens it; prediction (the arg-max) does not depend on T.
 * <p>Two-class decision boundary: as softmax, (W_1 - W_2) . x + b_1 - b_2 = 0.
 * <p>Hinton, Vinyals and Dean, "Distilling the Knowledge in a Neural Network", 2015.
 */
public final class Temperature extends LinearHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("temperature", List.of(),
            List.of(Param.positive("t", 2)),
            new Declaration.About("none", "1 / T on the training logits", "none", "(W_j . x + b_j) / T, softmax trained on logits / T",
                    "distillation (Hinton et al. 2015)"),
            a -> {
                double t = a.number("t");
                a.requireFiniteLogits("1 / t", 1 / t); // the logits are divided by t
                return new Temperature((float) t, a.spec());
            });

    private Temperature(float t, String spec) {
        super(spec, null, false, true, t);
    }
}
