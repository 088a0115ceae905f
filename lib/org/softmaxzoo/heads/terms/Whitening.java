package org.softmaxzoo.heads.terms;

import org.softmaxzoo.graph.Initializer;
import java.util.List;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecNumbers;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Feature whitening before the head: (f - mu) / sqrt(sigma^2 + eps) per dimension, with the batch's
 * statistics in training and running averages (updated as r = momentum r + (1 - momentum) batch) at
 * test time, as batch normalization without the affine part. Centering the features lets a normalized
 * head use every direction around the origin instead of a cone of positive activations.
 */
public final class Whitening implements Term {
    public static final Declaration<Term> DECLARATION = new Declaration<>("whiten", List.of(),
            List.of(Param.number("momentum", 0.9, 0, 0.9999)),
            new Declaration.About("features centred and scaled per dimension", "none", "none", "(f - mu) / sigma before the head",
                    "batch normalization without the affine part (Ioffe and Szegedy 2015)"),
            a -> new Whitening((float) a.number("momentum")));

    public static final String MEAN = "whiten/running_mean";
    public static final String VARIANCE = "whiten/running_variance";
    public static final float EPSILON = 1e-5f;
    private final float momentum;

    public Whitening(float momentum) {
        this.momentum = momentum;
    }

    /** Features whitened by the batch statistics; registers the running averages' update. */
    public Operand<TFloat32> train(Ops tf, Operand<TFloat32> features, int dim, Parameters params) {
        Operand<TFloat32> mean = tf.math.mean(features, tf.constant(0));
        Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(features, tf.stopGradient(mean)), tf.constant(0));
        Operand<TFloat32> runningMean = params.state(MEAN, Shape.of(dim), Initializer.constant(0));
        Operand<TFloat32> runningVariance = params.state(VARIANCE, Shape.of(dim), Initializer.constant(1));
        params.update(MEAN, blend(tf, runningMean, tf.stopGradient(mean)));
        params.update(VARIANCE, blend(tf, runningVariance, tf.stopGradient(variance)));
        return whiten(tf, features, mean, variance);
    }

    /** Features whitened by the running statistics. */
    public Operand<TFloat32> test(Ops tf, Operand<TFloat32> features, int dim, Parameters params) {
        return whiten(tf, features, params.state(MEAN, Shape.of(dim), Initializer.constant(0)),
                params.state(VARIANCE, Shape.of(dim), Initializer.constant(1)));
    }

    private Operand<TFloat32> blend(Ops tf, Operand<TFloat32> running, Operand<TFloat32> batch) {
        return tf.math.add(tf.math.mul(tf.constant(momentum), running), tf.math.mul(tf.constant(1 - momentum), batch));
    }

    private static Operand<TFloat32> whiten(Ops tf, Operand<TFloat32> f, Operand<TFloat32> mean, Operand<TFloat32> variance) {
        return tf.math.mul(tf.math.sub(f, mean), tf.math.rsqrt(tf.math.add(variance, tf.constant(EPSILON))));
    }

    @Override
    public void joinTo(CompositeHead.Builder composite) {
        composite.whiten(this);
    }

    @Override
    public String spec() {
        return "whiten(momentum=" + SpecNumbers.format(momentum) + ")";
    }
}
