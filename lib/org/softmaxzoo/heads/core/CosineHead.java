package org.softmaxzoo.heads.core;

import java.util.List;
import java.util.Optional;
import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.margins.TargetTransform;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

/**
 * The template of every cosine-based head: logits z_j = r_j cos(theta_j), where cos(theta_j) is the
 * cosine between the feature and the class weight W_j, r is the head's {@link Radius} (a scale s, the
 * feature norm ||x||, or ||x|| ||W_j||), and the label's column is replaced by r_y f(cos(theta_y)) for the
 * head's {@link TargetTransform} f (heads that change more than that column override
 * {@link #lossCosines}). Prediction uses the logits without the margin. A head declares
 * itself by extending this class with its radius and transform (see the {@code catalog} package).
 */
public abstract class CosineHead implements LossHead {
    private final String spec;
    private final Radius radius;
    private final TargetTransform transform;

    protected CosineHead(String spec, Radius radius, TargetTransform transform) {
        this.spec = spec;
        this.radius = radius;
        this.transform = transform;
    }

    /** The margin applied to the label's cosine. */
    public final TargetTransform transform() {
        return transform;
    }

    @Override
    public final Optional<TargetTransform> target() {
        return Optional.of(transform);
    }

    @Override
    public final String spec() {
        return spec;
    }

    /** The training loss on the margin logits; cross-entropy unless a head says otherwise. */
    protected Operand<TFloat32> loss(Ops tf, Operand<TFloat32> lossLogits, HeadInput in) {
        return Losses.meanCrossEntropy(tf, lossLogits, in.oneHot());
    }

    @Override
    public final HeadOutput build(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> weights = classWeights(tf, in, params);
        Operand<TFloat32> cosine = classCosines(tf, in, weights, params);
        Operand<TFloat32> r = radius.of(tf, in, params, weights);
        Operand<TFloat32> logits = tf.math.mul(r, cosine);
        if (transform == TargetTransform.NONE) {
            return new HeadOutput(logits, logits, loss(tf, logits, in), epochHooks(tf, in, weights, params));
        }
        Operand<TFloat32> lossLogits = tf.math.mul(r, lossCosines(tf, cosine, in, params));
        return new HeadOutput(logits, lossLogits, loss(tf, lossLogits, in), epochHooks(tf, in, weights, params));
    }

    /** What the head does between epochs: nothing, unless a head says otherwise (Sub-center ArcFace's drop). */
    protected List<EpochHook> epochHooks(Ops tf, HeadInput in, Operand<TFloat32> weights, Parameters params) {
        return List.of();
    }

    /** The weights the cosines are taken to: W, d x C, unless a head keeps several centres per class. */
    protected Operand<TFloat32> classWeights(Ops tf, HeadInput in, Parameters params) {
        return ClassWeights.raw(tf, in, params);
    }

    /**
     * cos(theta_j) of each row to each class, N x C, from {@link #classWeights}: the cosine to W_j by default;
     * a head with several centres per class (Sub-center ArcFace) reduces its centres' cosines to one per class
     * (and may keep state about them in {@code params}).
     */
    protected Operand<TFloat32> classCosines(Ops tf, HeadInput in, Operand<TFloat32> weights, Parameters params) {
        return tf.linalg.matMul(Losses.l2Normalize(tf, in.features(), 1), Losses.l2Normalize(tf, weights, 0));
    }

    /**
     * The cosines the cross-entropy sees, before the radius: by default the label's column replaced by
     * f(cos theta_y). Heads that also change the other columns (CurricularFace) or whose margin depends
     * on the whole batch of target cosines (ElasticFace) override this.
     */
    protected Operand<TFloat32> lossCosines(Ops tf, Operand<TFloat32> cosine, HeadInput in, Parameters params) {
        return withTarget(tf, cosine, transform.apply(tf, cosine, params), in);
    }

    /** cos(theta_y) of each row, N x 1. */
    protected static Operand<TFloat32> targetCosines(Ops tf, Operand<TFloat32> cosine, HeadInput in) {
        return tf.reduceSum(tf.math.mul(cosine, in.oneHot()), tf.constant(1), ReduceSum.keepDims(true));
    }

    /** {@code cosines} with the label's column replaced by {@code target} (N x C, or N x 1 broadcast). */
    protected static Operand<TFloat32> withTarget(Ops tf, Operand<TFloat32> cosines, Operand<TFloat32> target, HeadInput in) {
        return tf.math.add(cosines, tf.math.mul(in.oneHot(), tf.math.sub(target, cosines)));
    }
}
