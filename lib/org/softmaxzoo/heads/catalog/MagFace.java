package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.margins.ArcMargin;
import org.softmaxzoo.heads.margins.TargetTransform;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * MagFace (magnitude-aware margin): the feature's norm is kept as a quality measure. With
 * a = clip(||x||, l_a, u_a), the margin grows linearly with it, m(a) = l_m + (u_m - l_m)(a - l_a)/(u_a - l_a),
 * and the target logit is s cos(theta_y + m(a)) (ArcFace's, with its fallback cos theta_y - m(a) sin m(a)
 * past pi - m(a), as the authors' MagLinear with easy_margin=False); other logits s cos theta_j on normalized
 * features and weights. The authors' training code builds its MagLinear with the default easy_margin=True,
 * which keeps cos theta_y wherever cos theta_y <= 0: {@code easy_margin=true} (both forms are checked against
 * their code, {@code tests/crosscheck/}).
 * The loss adds lambda_g mean_i g(a_i), g(a) = 1/a + a/u_a^2, convex with its minimum at u_a: it rewards
 * large norms, the margin penalises them, so an easy (high-quality) sample settles at a larger norm than a
 * hard one. Gradients reach the norm through both m(a) and g(a), as in the authors' code; outside
 * [l_a, u_a] the clip stops them, so features must reach l_a by themselves for the norm to be shaped.
 * <p>Two-class decision boundary for class 1, per sample: theta_1 + m(a) = theta_2, ArcFace's boundary with a
 * margin that widens with the feature norm (l_m at a <= l_a, u_m at a >= u_a); with easy_margin, theta_1 = theta_2
 * where cos theta_1 <= 0.
 * <p>Defaults are the paper's: l_a = 10, u_a = 110, l_m = 0.45, u_m = 0.8, lambda_g = 35, s = 64, for 512-d
 * features behind batch normalization, whose norms start in the tens. Here the features are the network's
 * last linear layer, trained with weight decay, and their norms stay near 1 (0.6 to 0.8 for 2-d features
 * after a short run): with the paper's l_a, or even l_a = 1, every feature lies below the range and the norm
 * gets no gradient. For 2-d and 64-d features this project uses {@code magface(s=10,l_a=0.1,u_a=1.1,lambda_g=0.055)}:
 * the paper's range divided by k = 100 (same ratio u_a / l_a, same margins), s = 10 as the grid's other
 * normalized heads, and lambda_g = 35 (s / 64) / k, which keeps the balance of the two gradients in a, and so
 * where a sample's norm settles within the range, as in the paper: dividing the norms by k multiplies
 * g'(a) by k^2 and m'(a) by k, and the cross-entropy's gradient scales with s.
 * {@link #target()} is the curve at the middle of the norm range, margin (l_m + u_m)/2; {@link #marginAt}
 * gives it at any norm.
 * <p>Meng, Zhao, Huang and Wang, "MagFace: A Universal Representation for Face Recognition and Quality
 * Assessment", CVPR 2021.
 */
public final class MagFace extends CosineHead {
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("magface", List.of(),
            List.of(Param.learnable("s", "64"), Param.positive("s_init", 10), Param.number("l_a", 10, 1e-3, 1e6), Param.number("u_a", 110, 1e-3, 1e6),
                    Param.angle("l_m", 0.45, 0, Math.PI), Param.angle("u_m", 0.8, 0, Math.PI), Param.number("lambda_g", 35, 0, 1e6),
                    Param.flag("easy_margin", false)),
            new Declaration.About("features and class weights to unit norm for the cosines; the margin reads ||x||",
                    "scale s (fixed or learned)",
                    "cos(theta + m(a)), a = clip(||x||, l_a, u_a), m(a) linear from l_m to u_m; fallback past pi - m(a) (easy_margin: cos theta where cos theta <= 0)",
                    "s cos(theta_y + m(a)), m(a) = l_m + (u_m - l_m)(a - l_a)/(u_a - l_a); + lambda_g mean (1/a + a/u_a^2)",
                    "MagFace (Meng et al. 2021)"),
            MagFace::create);

    private final float lowerNorm;
    private final float upperNorm;
    private final float lowerMargin;
    private final float upperMargin;
    private final float lambdaG;
    private final boolean easyMargin;

    private MagFace(Scale s, float lowerNorm, float upperNorm, float lowerMargin, float upperMargin, float lambdaG, boolean easyMargin,
                    String spec) {
        super(spec, Radius.scale(s), new ArcMargin((lowerMargin + upperMargin) / 2, easyMargin, true));
        this.easyMargin = easyMargin;
        this.lowerNorm = lowerNorm;
        this.upperNorm = upperNorm;
        this.lowerMargin = lowerMargin;
        this.upperMargin = upperMargin;
        this.lambdaG = lambdaG;
    }

    private static MagFace create(SpecArgs a) {
        SpecArgs.Learnable s = a.learnable("s", "s_init");
        double lowerNorm = a.number("l_a");
        double upperNorm = a.number("u_a", Math.nextUp(lowerNorm), 1e6); // u_a > l_a: the margin's slope divides by it
        double lowerMargin = a.number("l_m");
        double upperMargin = a.number("u_m", lowerMargin, Math.PI);
        double lambdaG = a.number("lambda_g");
        a.requireFiniteLogits("s * (1 + u_m)", s.value() * (1 + upperMargin));
        return new MagFace(Scale.of(s), (float) lowerNorm, (float) upperNorm, (float) lowerMargin, (float) upperMargin,
                (float) lambdaG, a.bool("easy_margin"), a.spec());
    }

    /** The target transform at feature norm {@code a}: ArcFace's with the margin m(a). */
    public TargetTransform marginAt(double a) {
        return new ArcMargin((float) margin(a), easyMargin, true);
    }

    /** m(a) in plain arithmetic, for figures and tables. */
    public double margin(double a) {
        double clipped = Math.min(Math.max(a, lowerNorm), upperNorm);
        return lowerMargin + (upperMargin - lowerMargin) * (clipped - lowerNorm) / (upperNorm - lowerNorm);
    }

    /** a = clip(||x||, l_a, u_a), N x 1. */
    private Operand<TFloat32> clippedNorm(Ops tf, HeadInput in) {
        return tf.clipByValue(Losses.norm(tf, in.features(), 1), tf.constant(lowerNorm), tf.constant(upperNorm));
    }

    @Override
    protected Operand<TFloat32> lossCosines(Ops tf, Operand<TFloat32> cosine, HeadInput in, Parameters params) {
        Operand<TFloat32> slope = tf.constant((upperMargin - lowerMargin) / (upperNorm - lowerNorm));
        Operand<TFloat32> margins = tf.math.add(tf.constant(lowerMargin),
                tf.math.mul(slope, tf.math.sub(clippedNorm(tf, in), tf.constant(lowerNorm))));
        Operand<TFloat32> target = targetCosines(tf, cosine, in);
        return withTarget(tf, cosine, easyMargin ? ArcMargin.perSampleEasy(tf, target, margins) : ArcMargin.perSample(tf, target, margins, true), in);
    }

    /** Cross-entropy plus lambda_g mean_i (1/a_i + a_i/u_a^2). */
    @Override
    protected Operand<TFloat32> loss(Ops tf, Operand<TFloat32> lossLogits, HeadInput in) {
        Operand<TFloat32> a = clippedNorm(tf, in);
        Operand<TFloat32> g = tf.math.add(tf.math.reciprocal(a), tf.math.div(a, tf.constant(upperNorm * upperNorm)));
        Operand<TFloat32> regulariser = tf.math.mul(tf.constant(lambdaG), tf.math.mean(g, tf.constant(new int[] {0, 1})));
        return tf.math.add(super.loss(tf, lossLogits, in), regulariser);
    }
}
