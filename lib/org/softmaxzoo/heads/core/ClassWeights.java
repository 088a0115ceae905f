package org.softmaxzoo.heads.core;

import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The class weight matrix W (d x C, one column per class) shared by every head, and its normalized form. */
public final class ClassWeights {
    private ClassWeights() {
    }

    /** W with PyTorch nn.Linear's default start, U(-1/sqrt(d), 1/sqrt(d)). */
    public static Operand<TFloat32> raw(Ops tf, HeadInput in, Parameters params) {
        return params.trainable(LossHead.WEIGHT, Shape.of(in.featureDim(), in.numClasses()), Initializer.fanIn(in.featureDim()));
    }

    /** W with every column scaled to unit norm: W_j / ||W_j||. */
    public static Operand<TFloat32> normalized(Ops tf, HeadInput in, Parameters params) {
        return Losses.l2Normalize(tf, raw(tf, in, params), 0);
    }

    /** The bias b (C), started like nn.Linear's. */
    public static Operand<TFloat32> bias(Ops tf, HeadInput in, Parameters params) {
        return params.trainable(LossHead.BIAS, Shape.of(in.numClasses()), Initializer.fanIn(in.featureDim()));
    }
}
