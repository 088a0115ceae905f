package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.margins.Annealed;
import org.softmaxzoo.heads.margins.MultiplicativeMargin;
import org.softmaxzoo.heads.margins.Schedule;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import org.softmaxzoo.heads.spec.SpecException;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A-Softmax / SphereFace: normalized class weights, no bias, features not normalized; logits
 * ||x|| cos(theta_j), target ||x|| psi(theta_y) with psi(theta) = (-1)^k cos(m theta) - 2k
 * ({@link MultiplicativeMargin}). While training starts, the target is blended with the plain one,
 * ||x|| (lambda cos(theta_y) + psi(theta_y)) / (1 + lambda), lambda = max(lambda_min, lambda_max / (1 + 0.2 t))
 * (or a fixed lambda). An optional focal factor weighs the loss: -(1 - p_y)^gamma log p_y.
 * <p>Two-class decision boundary for class 1: cos(m theta_1) = cos(theta_2), an angular margin of
 * (m - 1)/(m + 1) times the angle between the two weights.
 * <p>Liu et al., "SphereFace: Deep Hypersphere Embedding for Face Recognition", CVPR 2017; focal factor
 * from Lin et al., "Focal Loss for Dense Object Detection", ICCV 2017.
 */
public final class SphereFace extends CosineHead {
    private static final double LAMBDA_MAX = 1e9;
    public static final Declaration<LossHead> DECLARATION = new Declaration<>("sphereface", List.of(),
            List.of(Param.integer("m", 4, 1, 5), Param.number("lambda", 0, 0, LAMBDA_MAX).optional(),
                    Param.number("lambda_min", 5, 0, LAMBDA_MAX), Param.number("lambda_max", 1000, 0, LAMBDA_MAX),
                    Param.number("gamma", 0, 0, 10).printed(false)),
            new Declaration.About("class weights to unit norm", "||x||",
                    "psi(theta) = (-1)^k cos(m theta) - 2k, blended as (lambda cos theta + psi) / (1 + lambda), lambda annealed or fixed",
                    "||x|| psi(theta_y), annealed; focal factor (1 - p_y)^gamma", "SphereFace (Liu et al. 2017)"),
            SphereFace::create);

    /** Floor under 1 - p_y before raising it to gamma: its derivative is infinite at 0 when gamma < 1. */
    static final float FOCAL_EPSILON = 1e-7f;

    private final float gamma;

    private SphereFace(int m, Schedule lambda, float gamma, String spec) {
        super(spec, Radius.featureNorm(), new Annealed(new MultiplicativeMargin(m), lambda));
        this.gamma = gamma;
    }

    private static SphereFace create(SpecArgs a) {
        int m = a.integer("m");
        float gamma = (float) a.number("gamma");
        if (a.has("lambda")) {
            if (a.has("lambda_min") || a.has("lambda_max")) {
                throw new SpecException("sphereface: give either lambda (fixed) or lambda_min/lambda_max (annealed), not both");
            }
            return new SphereFace(m, Schedule.constant(a.number("lambda")), gamma, a.spec());
        }
        double max = a.number("lambda_max");
        double min = a.number("lambda_min", Math.min(5, max), 0, max);
        return new SphereFace(m, Schedule.inverse(max, min), gamma, a.spec());
    }

    @Override
    protected Operand<TFloat32> loss(Ops tf, Operand<TFloat32> lossLogits, HeadInput in) {
        if (gamma == 0) {
            return super.loss(tf, lossLogits, in);
        }
        Operand<TFloat32> logP = tf.reduceSum(tf.math.mul(tf.nn.logSoftmax(lossLogits), in.oneHot()), tf.constant(1));
        Operand<TFloat32> oneMinusP = tf.math.maximum(tf.math.sub(tf.constant(1f), tf.math.exp(logP)), tf.constant(FOCAL_EPSILON));
        Operand<TFloat32> weighted = tf.math.mul(tf.math.pow(oneMinusP, tf.constant(gamma)), logP);
        return tf.math.neg(tf.math.mean(weighted, tf.constant(0)));
    }
}
