package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.heads.core.LinearHead;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.spec.Declaration;

/**
 * Softmax with normalized class weights and no bias: z_j = (W_j / ||W_j||) . x = ||x|| cos(theta_j).
 * <p>Two-class decision boundary: cos(theta_1) = cos(theta_2), the bisector of the two weight
 * directions, so prediction depends on the angle alone (the "modified softmax" of SphereFace).
 * <p>Weight normalization: Liu et al., "SphereFace: Deep Hypersphere Embedding for Face Recognition",
 * CVPR 2017 (modified softmax), and Guo and Zhang, "One-shot Face Recognition by Promoting
 * Underrepresented Classes", 2017 (class-imbalance motivation).
 */
public final class NormWeight extends LinearHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("normweight", List.of(), List.of(),
            new Declaration.About("class weights to unit norm", "||x||", "none", "||x|| cos theta_j, unit-norm class weights, no bias",
                    "SphereFace's modified softmax (Liu et al. 2017)"),
            a -> new NormWeight(a.spec()));

    private NormWeight(String spec) {
        super(spec, null, true, false, null);
    }
}
