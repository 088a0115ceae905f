package org.softmaxzoo.heads.core;

import java.util.Map;
import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The class weight matrix W (d x C, one column per class) shared by every head, and its normalized form. */
public final class ClassWeights {
    /**
     * Which columns of W a head still uses (1) or has dropped (0), one value per column, where a head keeps such a
     * mask (Sub-center ArcFace with {@code drop_epoch}, whose W is d x KC); absent for every other head.
     */
    public static final String KEPT_COLUMNS = "subcenter/mask";

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

    /**
     * W as figures draw it, from a graph's variable values: every column the head has dropped
     * ({@link #KEPT_COLUMNS} 0) set to zero, so that its ray has no length; W itself for heads without the mask.
     */
    public static float[] kept(Map<String, float[]> values) {
        float[] w = values.get(LossHead.WEIGHT);
        float[] mask = values.get(KEPT_COLUMNS);
        if (w == null || mask == null) {
            return w;
        }
        if (w.length % mask.length != 0) {
            throw new IllegalArgumentException(KEPT_COLUMNS + " has " + mask.length + " values for a W of " + w.length);
        }
        float[] out = w.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= mask[i % mask.length]; // row-major d x columns: column = i mod columns
        }
        return out;
    }
}
