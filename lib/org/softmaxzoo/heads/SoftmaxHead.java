package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Plain softmax cross-entropy on a linear layer: logits z_j = W_j . x + b_j, loss
 * -log(e^{z_y} / sum_j e^{z_j}). With {@code bias=false}, b = 0.
 * <p>Two-class decision boundary: (W_1 - W_2) . x + b_1 - b_2 = 0, a line that need not pass through
 * the origin; without bias, ||W_1|| cos(theta_1) = ||W_2|| cos(theta_2), so weight norms still tilt it.
 * <p>The classical multinomial logistic regression layer (as PyTorch's {@code nn.Linear}, bias on by default).
 */
public final class SoftmaxHead implements LossHead {
    private final boolean bias;

    public SoftmaxHead(boolean bias) {
        this.bias = bias;
    }

    @Override
    public HeadOutput build(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> logits = tf.linalg.matMul(in.features(), ClassWeights.raw(tf, in, params));
        if (bias) {
            logits = tf.math.add(logits, ClassWeights.bias(tf, in, params));
        }
        return HeadOutput.plain(logits, Losses.meanCrossEntropy(tf, logits, in.oneHot()));
    }

    @Override
    public String spec() {
        return bias ? "softmax" : "softmax(bias=false)";
    }
}
