package org.softmaxzoo.heads.core;

import java.util.Optional;
import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.margins.TargetTransform;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The template of the heads without a target transform: a linear layer z = x' . W' (+ b), where x'
 * is the feature or the feature normalized to norm s, and W' the class weights or their unit columns;
 * the cross-entropy sees z, or z / T at a temperature T. These logits equal a radius times cos(theta_j)
 * (||x|| ||W_j||, ||x||, s ||W_j||), but are computed as the linear layer they are, which is what the
 * papers write and what the committed runs trained.
 */
public abstract class LinearHead implements LossHead {
    private final String spec;
    private final Float featureNorm;
    private final boolean unitWeights;
    private final boolean bias;
    private final Float temperature;

    /**
     * @param featureNorm null for the raw features, else the norm s they are scaled to
     * @param unitWeights whether the class weights are normalized to unit columns
     * @param bias whether a bias b is added
     * @param temperature null for cross-entropy on z, else T for cross-entropy on z / T
     */
    protected LinearHead(String spec, Float featureNorm, boolean unitWeights, boolean bias, Float temperature) {
        this.spec = spec;
        this.featureNorm = featureNorm;
        this.unitWeights = unitWeights;
        this.bias = bias;
        this.temperature = temperature;
    }

    @Override
    public final HeadOutput build(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> x = featureNorm == null ? in.features()
                : tf.math.mul(Losses.l2Normalize(tf, in.features(), 1), tf.constant(featureNorm));
        Operand<TFloat32> logits = tf.linalg.matMul(x, unitWeights ? ClassWeights.normalized(tf, in, params) : ClassWeights.raw(tf, in, params));
        if (bias) {
            logits = tf.math.add(logits, ClassWeights.bias(tf, in, params));
        }
        if (temperature == null) {
            return HeadOutput.plain(logits, Losses.meanCrossEntropy(tf, logits, in.oneHot()));
        }
        Operand<TFloat32> softened = tf.math.div(logits, tf.constant(temperature));
        return new HeadOutput(logits, softened, Losses.meanCrossEntropy(tf, softened, in.oneHot()));
    }

    /** No margin ({@link TargetTransform#NONE}) without a temperature; none of the angle with one. */
    @Override
    public final Optional<TargetTransform> target() {
        return temperature == null ? Optional.of(TargetTransform.NONE) : Optional.empty();
    }

    @Override
    public final String spec() {
        return spec;
    }
}
