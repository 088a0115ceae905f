package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The scale s of a normalized head: a fixed number, or a trainable scalar starting at a given value. */
public record Scale(float value, boolean learnable) {

    public static Scale fixed(float s) {
        return new Scale(s, false);
    }

    public static Scale learnable(float initial) {
        return new Scale(initial, true);
    }

    Operand<TFloat32> operand(Ops tf, Parameters params) {
        return learnable ? params.trainable(LossHead.SCALE, Shape.scalar(), Initializer.constant(value)) : tf.constant(value);
    }

    /** The spec form of {@code s=...}: the number, or {@code learn,s_init=<start>}. */
    String specValue() {
        return learnable ? "learn,s_init=" + SpecNumbers.format(value) : SpecNumbers.format(value);
    }
}
