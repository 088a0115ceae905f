package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.margins.Angles;
import org.softmaxzoo.heads.margins.TargetTransform;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * AdaFace (quality-adaptive margin): the feature norm is a proxy of image quality. With the norms
 * clipped to [0.001, 100] and carrying no gradient (as the authors' code), their batch mean and standard
 * deviation (Bessel-corrected, as torch.std) update moving averages mu = 0.01 mean + 0.99 mu and
 * sigma = 0.01 std + 0.99 sigma (state {@value #MEAN} and {@value #STD}, starting at the code's 20 and 100,
 * updated at every training step before the logits use them), and each sample gets
 * z = clip(h (||x|| - mu) / (sigma + 0.001), -1, 1). The target logit is s (cos(theta_y + g_angle) - g_add)
 * with g_angle = -m z and g_add = m z + m, the angle theta_y + g_angle clipped to [0.001, pi - 0.001] (the
 * code's clip; it also keeps the logit falling with theta_y up to pi, so no fallback is needed); other
 * logits s cos theta_j on normalized features and weights. z = -1 (low norm, a poor image) gives
 * ArcFace's cos(theta + m), z = 0 CosFace's cos theta - m, z = 1 cos(theta - m) - 2m: hard samples of
 * poor images are de-emphasised, those of good images emphasised.
 * <p>Two-class decision boundary for class 1, per sample: theta_1 - m z = theta_2 after cos(.) - m(1 + z):
 * cos(theta_1 - m z) - m (1 + z) = cos theta_2, between ArcFace's (z = -1) and a combined margin (z = 1).
 * <p>Defaults are the paper's: m = 0.4, h = 0.333, s = 64, momentum 0.99. The paper's s assumes 512-d
 * features; with 2-d and 64-d features this project uses s = 10, as the grid's other normalized heads.
 * h and m are kept: z is relative to the batch's norm statistics, so it does not depend on the feature
 * dimension. {@link #target()} is the curve at z = 0; {@link #marginAt} gives it at any z.
 * <p>Kim, Jain and Liu, "AdaFace: Quality Adaptive Margin for Face Recognition", CVPR 2022.
 */
public final class AdaFace extends CosineHead {
    /** The moving average of the batch's mean feature norm, non-trainable state. */
    public static final String MEAN = "adaface/norm_mean";
    /** The moving average of the batch's standard deviation of the feature norm, non-trainable state. */
    public static final String STD = "adaface/norm_std";
    private static final float MOMENTUM = 0.99f;
    private static final float ANGLE_EPS = 1e-3f;

    public static final Declaration<LossHead> DECLARATION = new Declaration<>("adaface", List.of(),
            List.of(Param.learnable("s", "64"), Param.positive("s_init", 10), Param.number("m", 0.4, 0, 1.5),
                    Param.number("h", 0.333, 0, 100)),
            new Declaration.About("features and class weights to unit norm for the cosines; the margin reads ||x||",
                    "scale s (fixed or learned)",
                    "cos(theta - m z) - (m z + m), z = clip(h (||x|| - mu) / sigma, -1, 1), mu and sigma moving averages",
                    "s (cos(theta_y - m z) - m z - m), z the batch-normalized feature norm",
                    "AdaFace (Kim et al. 2022)"),
            a -> {
                SpecArgs.Learnable s = a.learnable("s", "s_init");
                double m = a.number("m");
                a.requireFiniteLogits("s * (1 + 2 m)", s.value() * (1 + 2 * m)); // the target reaches -(1 + 2m)
                return new AdaFace(Scale.of(s), (float) m, (float) a.number("h"), a.spec());
            });

    private final float m;
    private final float h;

    private AdaFace(Scale s, float m, float h, String spec) {
        super(spec, Radius.scale(s), marginAt(m, 0));
        this.m = m;
        this.h = h;
    }

    /** The target transform of a sample with normalized norm z (-1 to 1). */
    public static TargetTransform marginAt(double m, double z) {
        return (tf, cosine, params) -> target(tf, cosine, tf.constant((float) z), (float) m);
    }

    /** cos(clip(theta + g_angle, eps, pi - eps)) - g_add, g_angle = -m z, g_add = m z + m. */
    private static Operand<TFloat32> target(Ops tf, Operand<TFloat32> cosine, Operand<TFloat32> z, float m) {
        Operand<TFloat32> mz = tf.math.mul(tf.constant(m), z);
        Operand<TFloat32> angle = tf.clipByValue(tf.math.sub(Angles.angle(tf, cosine), mz), tf.constant(ANGLE_EPS),
                tf.constant((float) Math.PI - ANGLE_EPS));
        return tf.math.sub(tf.math.cos(angle), tf.math.add(mz, tf.constant(m)));
    }

    @Override
    protected Operand<TFloat32> lossCosines(Ops tf, Operand<TFloat32> cosine, HeadInput in, Parameters params) {
        Operand<TFloat32> norms = tf.clipByValue(tf.stopGradient(Losses.norm(tf, in.features(), 1)), tf.constant(0.001f), tf.constant(100f));
        Operand<TFloat32> mean = movingAverage(tf, params, MEAN, 20, tf.math.mean(norms, tf.constant(new int[] {0, 1})));
        Operand<TFloat32> std = movingAverage(tf, params, STD, 100, batchStd(tf, norms));
        Operand<TFloat32> scaled = tf.math.div(tf.math.mul(tf.constant(h), tf.math.sub(norms, mean)), tf.math.add(std, tf.constant(0.001f)));
        Operand<TFloat32> z = tf.clipByValue(scaled, tf.constant(-1f), tf.constant(1f));
        return withTarget(tf, cosine, target(tf, targetCosines(tf, cosine, in), z, m), in);
    }

    /** sqrt(sum (a - mean)^2 / max(N - 1, 1)): torch.std's unbiased estimate, 0 for a batch of one. */
    private static Operand<TFloat32> batchStd(Ops tf, Operand<TFloat32> norms) {
        Operand<TFloat32> centred = tf.math.sub(norms, tf.math.mean(norms, tf.constant(new int[] {0, 1})));
        Operand<TFloat32> n = tf.dtypes.cast(tf.size(norms), TFloat32.class);
        Operand<TFloat32> dof = tf.math.maximum(tf.math.sub(n, tf.constant(1f)), tf.constant(1f));
        return tf.math.sqrt(tf.math.div(tf.reduceSum(tf.math.square(centred), tf.constant(new int[] {0, 1})), dof));
    }

    /** v = (1 - momentum) batch + momentum v, stored as state and used at once (updated before the logits read it). */
    private static Operand<TFloat32> movingAverage(Ops tf, Parameters params, String name, float start, Operand<TFloat32> batch) {
        Operand<TFloat32> previous = params.state(name, Shape.scalar(), Initializer.constant(start));
        Operand<TFloat32> updated = tf.math.add(tf.math.mul(tf.constant(1 - MOMENTUM), batch), tf.math.mul(tf.constant(MOMENTUM), previous));
        params.update(name, updated);
        return updated;
    }
}
