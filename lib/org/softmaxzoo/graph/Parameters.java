package org.softmaxzoo.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Where a model or head gets its parameters and state from. Training backs them by variables;
 * evaluation of a head on given tensors (the {@code loss} command, gradient tests) backs them by fed
 * placeholders. Returned operands are plain (non-reference) tensors that any op may read. Asking
 * twice for the same name returns the same parameter, so a head may be built twice on shared weights.
 */
public interface Parameters {

    /** A trainable parameter (optimised and weight-decayed). */
    Operand<TFloat32> trainable(String name, Shape shape, Initializer init);

    /** Non-trainable state (class centres, running statistics), changed only by {@link #update}. */
    Operand<TFloat32> state(String name, Shape shape, Initializer init);

    /** Assigns {@code value} to the state {@code name} once per training step, after all gradients are computed. */
    void update(String name, Operand<TFloat32> value);

    /** The number of training steps taken so far (0 at the start), as a float scalar. */
    Operand<TFloat32> iteration();

    /** The same parameters with updates ignored: for a second build of a head on shared weights. */
    default Parameters withoutUpdates() {
        Parameters self = this;
        return new Parameters() {
            @Override
            public Operand<TFloat32> trainable(String name, Shape shape, Initializer init) {
                return self.trainable(name, shape, init);
            }

            @Override
            public Operand<TFloat32> state(String name, Shape shape, Initializer init) {
                return self.state(name, shape, init);
            }

            @Override
            public void update(String name, Operand<TFloat32> value) {
            }

            @Override
            public Operand<TFloat32> iteration() {
                return self.iteration();
            }
        };
    }
}
