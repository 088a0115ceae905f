package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.heads.core.LinearHead;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;

/**
 * Plain softmax cross-entropy on a linear layer: logits z_j = W_j . x + b_j, loss
 * -log(e^{z_y} / sum_j e^{z_j}). With {@code bias=false}, b = 0.
 * <p>Two-class decision boundary: (W_1 - W_2) . x + b_1 - b_2 = 0, a line that need not pass through
 * the origin; without bias, ||W_1|| cos(theta_1) = ||W_2|| cos(theta_2), so weight norms still tilt it.
 * <p>The classical multinomial logistic regression layer (as PyTorch's {@code nn.Linear}, bias on by default).
 */
public final class Softmax extends LinearHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("softmax", List.of(),
            List.of(Param.flag("bias", true)),
            new Declaration.About("none", "none (W_j . x)", "none", "W_j . x + b_j, linear layer + cross-entropy",
                    "multinomial logistic regression"),
            a -> new Softmax(a.bool("bias"), a.spec()));

    private Softmax(boolean bias, String spec) {
        super(spec, null, false, bias, null);
    }
}
