package org.softmaxzoo.heads.margins;

import java.util.List;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * ElasticFace's margin: every target cosine gets its own margin m_i drawn from N(mean, sigma), applied
 * as ArcFace's cos(theta + m_i) (with the fallback cos theta - m_i sin m_i past pi - m_i unless
 * {@code fallback} is false) or CosFace's cos theta - m_i. Unlike the other transforms it is not
 * element-wise: its input is one batch of target cosines (N x 1 in training; the angles of a curve in
 * {@code MarginCurves}), one draw per element. With {@code plus} the drawn margins are sorted and handed
 * out by difficulty: the largest to the smallest cosine (the sample farthest from its class centre),
 * the smallest to the largest. The margins carry no gradient.
 * <p>The draws are stateless normal numbers keyed by (seed, iteration): the seed is the state
 * {@value #SEED}, which the variable store starts from the run's seed and checkpoints, so one seed
 * gives the same margins at every step, also in a resumed run.
 */
public record ElasticMargin(boolean angular, float mean, float sigma, boolean plus, boolean fallback) implements TargetTransform {
    /** The key of the random draws, a whole number below 2^24 (exact in float32). */
    public static final String SEED = "elasticface/seed";

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> cosine, Parameters params) {
        Operand<TFloat32> margins = tf.stopGradient(draw(tf, cosine, params));
        if (!angular) {
            return tf.math.sub(cosine, margins);
        }
        return ArcMargin.perSample(tf, cosine, margins, fallback);
    }

    /** One margin per element of {@code cosine}, of its shape. */
    private Operand<TFloat32> draw(Ops tf, Operand<TFloat32> cosine, Parameters params) {
        Operand<TFloat32> seed = params.state(SEED, Shape.scalar(), (count, random) -> new float[] {random.nextInt(1 << 24)});
        Operand<TInt64> key = tf.dtypes.cast(tf.stack(List.of(seed, params.iteration())), TInt64.class);
        Operand<TInt32> shape = tf.shape(cosine);
        Operand<TFloat32> margins = tf.math.add(tf.constant(mean),
                tf.math.mul(tf.constant(sigma), tf.random.statelessRandomNormal(shape, key)));
        return plus ? byDifficulty(tf, margins, cosine, shape) : margins;
    }

    /** The same margins, the k-th largest given to the element with the k-th smallest cosine. */
    private static Operand<TFloat32> byDifficulty(Ops tf, Operand<TFloat32> margins, Operand<TFloat32> cosine, Operand<TInt32> shape) {
        Operand<TFloat32> flat = tf.reshape(margins, tf.constant(new int[] {-1}));
        Operand<TInt32> n = tf.size(flat);
        Operand<TFloat32> largestFirst = tf.nn.topK(flat, n, TInt32.class).values();
        Operand<TFloat32> cosines = tf.reshape(tf.stopGradient(cosine), tf.constant(new int[] {-1}));
        Operand<TInt32> smallestCosineFirst = tf.nn.topK(tf.math.neg(cosines), n, TInt32.class).indices();
        Operand<TInt32> rank = tf.math.invertPermutation(smallestCosineFirst);
        return tf.reshape(tf.gather(largestFirst, rank, tf.constant(0)), shape);
    }
}
