package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A margin head on normalized features and weights whose radius is a scale s (fixed or learned). */
abstract class ScaledCosineHead extends MarginHead {
    protected final Scale scale;
    private final TargetTransform margin;

    ScaledCosineHead(Scale scale, TargetTransform margin) {
        this.scale = scale;
        this.margin = margin;
    }

    @Override
    public TargetTransform transform() {
        return margin;
    }

    @Override
    protected Operand<TFloat32> radius(Ops tf, HeadInput in, Parameters params, Operand<TFloat32> weights) {
        return scale.operand(tf, params);
    }
}
