package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
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
public final class SphereFaceHead extends MarginHead {
    /** Floor under 1 - p_y before raising it to gamma: its derivative is infinite at 0 when gamma < 1. */
    static final float FOCAL_EPSILON = 1e-7f;

    private final int m;
    private final TargetTransform transform;
    private final String lambdaSpec;
    private final float gamma;

    public SphereFaceHead(int m, Schedule lambda, String lambdaSpec, float gamma) {
        this.m = m;
        this.transform = new Annealed(new MultiplicativeMargin(m), lambda);
        this.lambdaSpec = lambdaSpec;
        this.gamma = gamma;
    }

    @Override
    public TargetTransform transform() {
        return transform;
    }

    @Override
    protected Operand<TFloat32> radius(Ops tf, HeadInput in, Parameters params, Operand<TFloat32> weights) {
        return Losses.norm(tf, in.features(), 1);
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

    @Override
    public String spec() {
        return "sphereface(m=" + m + "," + lambdaSpec + (gamma != 0 ? ",gamma=" + SpecNumbers.format(gamma) : "") + ")";
    }
}
