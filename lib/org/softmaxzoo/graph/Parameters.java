package org.softmaxzoo.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Where a model or head gets its parameters from. Training backs them by variables; evaluation of a
 * head on given tensors (the {@code loss} command, gradient tests) backs them by fed placeholders.
 * The returned operand is always a plain (non-reference) tensor that any op may read.
 */
public interface Parameters {

    /** A trainable parameter (optimised and weight-decayed). */
    Operand<TFloat32> trainable(String name, Shape shape, Initializer init);
}
