package org.softmaxzoo.heads.core;

import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.margins.Schedule;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The radius r of a {@link CosineHead}: a scalar, N x 1 or N x C operand multiplying the cosines. */
@FunctionalInterface
public interface Radius {
    Operand<TFloat32> of(Ops tf, HeadInput in, Parameters params, Operand<TFloat32> weights);

    /** A scale s, fixed or learned (NormFace and its margins). */
    static Radius scale(Scale s) {
        return (tf, in, params, weights) -> s.operand(tf, params);
    }

    /** A scale that follows a schedule of the iteration (heated-up softmax). */
    static Radius scheduled(Schedule s) {
        return (tf, in, params, weights) -> s.at(tf, params.iteration());
    }

    /** The feature norm ||x|| (SphereFace: weights normalized, features not). */
    static Radius featureNorm() {
        return (tf, in, params, weights) -> Losses.norm(tf, in.features(), 1);
    }

    /** ||x|| ||W_j|| (L-Softmax: nothing normalized, so r cos(theta_j) = W_j . x). */
    static Radius featureAndWeightNorms() {
        return (tf, in, params, weights) -> tf.math.mul(Losses.norm(tf, in.features(), 1), Losses.norm(tf, weights, 0));
    }
}
