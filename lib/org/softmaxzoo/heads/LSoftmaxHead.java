package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * L-Softmax (large-margin softmax): no normalization and no bias; logits ||W_j|| ||x|| cos(theta_j) =
 * W_j . x, target ||W_y|| ||x|| psi(theta_y), psi(theta) = (-1)^k cos(m theta) - 2k
 * ({@link MultiplicativeMargin}), blended while training starts as (beta plain + psi-logit)/(1 + beta),
 * beta = max(beta_min, beta * beta_decay^t).
 * <p>Two-class decision boundary for class 1: ||W_1|| cos(m theta_1) = ||W_2|| cos(theta_2).
 * <p>Liu, Wen, Yu and Yang, "Large-Margin Softmax Loss for Convolutional Neural Networks", ICML 2016.
 */
public final class LSoftmaxHead extends MarginHead {
    private final int m;
    private final TargetTransform transform;
    private final String betaSpec;

    public LSoftmaxHead(int m, Schedule beta, String betaSpec) {
        this.m = m;
        this.transform = new Annealed(new MultiplicativeMargin(m), beta);
        this.betaSpec = betaSpec;
    }

    @Override
    public TargetTransform transform() {
        return transform;
    }

    @Override
    protected Operand<TFloat32> radius(Ops tf, HeadInput in, Parameters params, Operand<TFloat32> weights) {
        return tf.math.mul(Losses.norm(tf, in.features(), 1), Losses.norm(tf, weights, 0));
    }

    @Override
    public String spec() {
        return "lsoftmax(m=" + m + "," + betaSpec + ")";
    }
}
