package org.softmaxzoo.heads.core;

import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.spec.SpecArgs;
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

    /** The scale a spec argument describes ({@code s=10} or {@code s=learn,s_init=..}). */
    public static Scale of(SpecArgs.Learnable given) {
        return new Scale((float) given.value(), given.learn());
    }

    /** The scale as an operand: a constant, or the trainable {@link LossHead#SCALE}. */
    public Operand<TFloat32> operand(Ops tf, Parameters params) {
        return learnable ? params.trainable(LossHead.SCALE, Shape.scalar(), Initializer.constant(value)) : tf.constant(value);
    }

}
