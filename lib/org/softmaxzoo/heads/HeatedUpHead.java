package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Heated-up softmax: a NormFace head (normalized features and weights, z_j = s cos(theta_j)) whose
 * scale follows a schedule of the iteration, from s_start to s_end over a number of steps. A large
 * scale early (a cold, peaked softmax) lets easy samples be fitted quickly; a smaller scale later
 * (heating up) keeps gradients on the hard samples near the boundaries and compacts the classes.
 * <p>Two-class decision boundary: cos(theta_1) = cos(theta_2), as NormFace.
 * <p>Zhang, Zhou, Lin and Luo, "Heated-Up Softmax Embedding", 2018.
 */
public final class HeatedUpHead extends MarginHead {
    private final Schedule scale;
    private final String scheduleSpec;

    public HeatedUpHead(Schedule scale, String scheduleSpec) {
        this.scale = scale;
        this.scheduleSpec = scheduleSpec;
    }

    /** The scale as a function of the iteration. */
    public Schedule scale() {
        return scale;
    }

    @Override
    public TargetTransform transform() {
        return TargetTransform.NONE;
    }

    @Override
    protected Operand<TFloat32> radius(Ops tf, HeadInput in, Parameters params, Operand<TFloat32> weights) {
        return scale.at(tf, params.iteration());
    }

    @Override
    public String spec() {
        return "heatedup(" + scheduleSpec + ")";
    }
}
