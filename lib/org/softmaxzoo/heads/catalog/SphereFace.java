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
import org.softmaxzoo.heads.spec.SpecHistory;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A-Softmax / SphereFace: normalized class weights, no bias, features not normalized; logits
 * ||x|| cos(theta_j), target ||x|| psi(theta_y) with psi(theta) = (-1)^k cos(m theta) - 2k on
 * [k pi/m, (k+1) pi/m] ({@link MultiplicativeMargin}). The source write-up prints psi as
 * (-1)^k cos(m theta - 2k), a misprint: its own code, the paper and this class subtract 2k after the
 * cosine (only then is psi continuous and decreasing). While training starts the target is blended
 * with the plain one, ||x|| (lambda cos(theta_y) + psi(theta_y)) / (1 + lambda), with
 * lambda(t) = max(lambda_min, lambda_max (1 + lambda_gamma t)^(-lambda_power)) (or a fixed lambda).
 * <p>Defaults are the source write-up's code: lambda_max 30000, lambda_min 3, max(3, 30000 / (1 + 0.2 t)),
 * i.e. lambda_gamma 0.2, lambda_power 1; m 4. The original paper's Caffe model (sphereface_model.prototxt,
 * MarginInnerProduct) uses base (lambda_max) 1000, gamma 0.12, power 1, lambda_min 5:
 * {@code sphereface(m=4,lambda_max=1000,lambda_gamma=0.12,lambda_min=5)}. Before 2026-11-29 this project's
 * defaults were lambda_max 1000, lambda_min 5, lambda_gamma 0.2; runs recorded then without lambda values
 * read with those ({@link SpecHistory}). An optional focal factor (the write-up's code's {@code gamma},
 * 0 there) weighs the loss: -(1 - p_y)^gamma log p_y.
 * <p>Two-class decision boundary for class 1: cos(m theta_1) = cos(theta_2), an angular margin of
 * (m - 1)/(m + 1) times the angle between the two weights (at lambda = 0; training ends at lambda_min).
 * <p>Liu et al., "SphereFace: Deep Hypersphere Embedding for Face Recognition", CVPR 2017; focal factor
 * from Lin et al., "Focal Loss for Dense Object Detection", ICCV 2017.
 */
public final class SphereFace extends CosineHead {
    private static final double LAMBDA_MAX = 1e9;
    /** The source write-up's code's schedule: max(3, 30000 / (1 + 0.2 t)). */
    public static final double LAMBDA_MAX_DEFAULT = 30000;
    public static final double LAMBDA_MIN_DEFAULT = 3;
    public static final double LAMBDA_GAMMA_DEFAULT = 0.2;
    public static final double LAMBDA_POWER_DEFAULT = 1;
    /** The paper's Caffe prototxt: base 1000, gamma 0.12, power 1, lambda_min 5. */
    public static final String PAPER_SCHEDULE = "lambda_max=1000,lambda_gamma=0.12,lambda_power=1,lambda_min=5";

    public static final Declaration<LossHead> DECLARATION = new Declaration<>("sphereface", List.of(),
            List.of(Param.integer("m", 4, 1, 5), Param.number("lambda", 0, 0, LAMBDA_MAX).optional(),
                    Param.number("lambda_min", LAMBDA_MIN_DEFAULT, 0, LAMBDA_MAX),
                    Param.number("lambda_max", LAMBDA_MAX_DEFAULT, 0, LAMBDA_MAX),
                    Param.number("lambda_gamma", LAMBDA_GAMMA_DEFAULT, 0, 1e6),
                    Param.number("lambda_power", LAMBDA_POWER_DEFAULT, 0, 100),
                    Param.number("gamma", 0, 0, 10).printed(false)),
            new Declaration.About("class weights to unit norm", "||x||",
                    "psi(theta) = (-1)^k cos(m theta) - 2k, blended as (lambda cos theta + psi) / (1 + lambda), "
                            + "lambda = max(lambda_min, lambda_max (1 + lambda_gamma t)^-lambda_power) or fixed",
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
            for (String key : List.of("lambda_min", "lambda_max", "lambda_gamma", "lambda_power")) {
                if (a.has(key)) {
                    throw new SpecException("sphereface: give either lambda (fixed) or the schedule's lambda_min/lambda_max/"
                            + "lambda_gamma/lambda_power (annealed), not both");
                }
            }
            return new SphereFace(m, Schedule.constant(a.number("lambda")), gamma, a.spec());
        }
        double max = a.number("lambda_max");
        double min = a.number("lambda_min", Math.min(LAMBDA_MIN_DEFAULT, max), 0, max);
        return new SphereFace(m, Schedule.power(max, a.number("lambda_gamma"), a.number("lambda_power"), min), gamma, a.spec());
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
