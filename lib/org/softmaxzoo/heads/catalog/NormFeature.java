package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.heads.core.LinearHead;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;

/**
 * L2-softmax: features normalized and rescaled to a fixed norm s before an unnormalized linear layer
 * without bias: z_j = s (x / ||x||) . W_j = s ||W_j|| cos(theta_j).
 * <p>Two-class decision boundary: ||W_1|| cos(theta_1) = ||W_2|| cos(theta_2), a ray from the origin
 * (weight norms still tilt it).
 * <p>Ranjan, Castillo and Chellappa, "L2-constrained Softmax Loss for Discriminative Face
 * Verification", 2017. The bias is dropped here as in every normalized head of this project.
 */
public final class NormFeature extends LinearHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("normfeature", List.of(),
            List.of(Param.positive("s", 10)),
            new Declaration.About("features to norm s", "s ||W_j||", "none", "s ||W_j|| cos theta_j",
                    "L2-softmax (Ranjan et al. 2017)"),
            a -> new NormFeature((float) a.number("s"), a.spec()));

    private NormFeature(float s, String spec) {
        super(spec, s, false, false, null);
    }
}
