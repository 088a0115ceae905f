package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.margins.Angles;
import org.softmaxzoo.heads.margins.ArcMargin;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * CurricularFace (adaptive curriculum learning loss): normalized features and weights, ArcFace's target
 * logit s T(cos theta_y) = s cos(theta_y + m) (with ArcFace's fallback cos theta_y - m sin m past
 * pi - m, {@link ArcMargin}), and every hard negative re-weighted: a negative with cos theta_j >
 * cos(theta_y + m) has the logit s cos theta_j (t + cos theta_j), the others s cos theta_j.
 * t is the moving average of the batch's mean target cosine, t = alpha mean_i cos theta_{y_i} + (1 - alpha) t,
 * starting at 0 and updated at every training step before the logits use it (as the authors' code
 * does); it is non-trainable state ({@value #T}) in the variable store, so checkpoints keep it, and no
 * gradient flows into it. Early in training t is near 0, so a hard negative's logit cos^2 theta_j is
 * below its cosine (easy samples dominate); as t grows towards 1 the hard negatives weigh more.
 * Whether a negative is hard is decided against cos(theta_y + m) as written, without the fallback
 * (as the authors' code), and carries no gradient.
 * <p>Two-class decision boundary for class 1: cos(theta_1 + m) = cos theta_2 where class 2 is easy
 * (ArcFace's, an angular margin m), cos(theta_1 + m) = cos theta_2 (t + cos theta_2) where it is hard:
 * the boundary moves with t during training, towards class 1 as t grows (t = 1 - cos theta_2 gives back ArcFace's).
 * <p>Defaults are the paper's (s = 64, m = 0.5, alpha = 0.01), for 512-d features of a deep face
 * network; with 2-d features a scale of 64 saturates the softmax, and the grid's other normalized
 * heads use s = 10, which suits this head too.
 * <p>Huang et al., "CurricularFace: Adaptive Curriculum Learning Loss for Deep Face Recognition", CVPR 2020.
 */
public final class CurricularFace extends CosineHead {
    /** The moving average t of the target cosine, non-trainable state. */
    public static final String T = "curricularface/t";

    public static final Declaration<LossHead> DECLARATION = new Declaration<>("curricularface", List.of(),
            List.of(Param.learnable("s", "64"), Param.positive("s_init", 10), Param.angle("m", 0.5, 0, Math.PI),
                    Param.number("alpha", 0.01, 0, 1)),
            new Declaration.About("features and class weights to unit norm", "scale s (fixed or learned)",
                    "cos(theta + m), cos theta - m sin m past pi - m; hard negatives cos theta_j (t + cos theta_j)",
                    "s cos(theta_y + m); s cos theta_j (t + cos theta_j) where cos theta_j > cos(theta_y + m), t = alpha mean cos theta_y + (1 - alpha) t",
                    "CurricularFace (Huang et al. 2020)"),
            a -> {
                SpecArgs.Learnable s = a.learnable("s", "s_init");
                double m = a.number("m");
                // a hard negative's cos theta_j (t + cos theta_j) lies in [-2, 2], the target in [-(1 + m), 1]
                a.requireFiniteLogits("s * (2 + m)", s.value() * (2 + m));
                return new CurricularFace(Scale.of(s), (float) m, (float) a.number("alpha"), a.spec());
            });

    private final ArcMargin asWritten;
    private final float alpha;

    private CurricularFace(Scale s, float m, float alpha, String spec) {
        super(spec, Radius.scale(s), new ArcMargin(m, false, true));
        this.asWritten = new ArcMargin(m, false, false);
        this.alpha = alpha;
    }

    @Override
    protected Operand<TFloat32> lossCosines(Ops tf, Operand<TFloat32> cosine, HeadInput in, Parameters params) {
        Operand<TFloat32> positive = targetCosines(tf, cosine, in); // N x 1
        Operand<TFloat32> t = params.state(T, Shape.scalar(), Initializer.constant(0));
        Operand<TFloat32> batchMean = tf.math.mean(tf.stopGradient(positive), tf.constant(new int[] {0, 1}));
        Operand<TFloat32> updated = tf.math.add(tf.math.mul(tf.constant(alpha), batchMean), tf.math.mul(tf.constant(1 - alpha), t));
        params.update(T, updated);
        Operand<TFloat32> hard = Angles.indicator(tf, tf.math.greater(cosine, tf.stopGradient(asWritten.apply(tf, positive, params))));
        Operand<TFloat32> reweighted = tf.math.mul(cosine, tf.math.add(updated, cosine));
        Operand<TFloat32> negatives = tf.math.add(cosine, tf.math.mul(hard, tf.math.sub(reweighted, cosine)));
        return withTarget(tf, negatives, transform().apply(tf, positive, params), in);
    }
}
