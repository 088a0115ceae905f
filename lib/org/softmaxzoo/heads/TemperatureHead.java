package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Softmax at temperature T: the linear layer of {@link SoftmaxHead} (with bias), trained on
 * cross-entropy of z / T. T > 1 softens the distribution (smaller gradients on confident samples), T < 1
 * sharpens it; prediction (the arg-max) does not depend on T.
 * <p>Two-class decision boundary: as softmax, (W_1 - W_2) . x + b_1 - b_2 = 0.
 * <p>Hinton, Vinyals and Dean, "Distilling the Knowledge in a Neural Network", 2015.
 */
public final class TemperatureHead implements LossHead {
    private final float temperature;

    public TemperatureHead(float temperature) {
        this.temperature = temperature;
    }

    @Override
    public HeadOutput build(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(in.features(), ClassWeights.raw(tf, in, params)),
                ClassWeights.bias(tf, in, params));
        Operand<TFloat32> softened = tf.math.div(logits, tf.constant(temperature));
        return new HeadOutput(logits, softened, Losses.meanCrossEntropy(tf, softened, in.oneHot()));
    }

    @Override
    public String spec() {
        return "temperature(t=" + SpecNumbers.format(temperature) + ")";
    }
}
