package org.softmaxzoo.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/**
 * One training step: gradients of the loss with respect to every trainable variable, then, once all
 * of them and every value the caller fetches are computed, Adam's updates and the store's state
 * updates. The wait matters: variable reads alias the variable's buffer, so an early update would
 * leak into the other gradients and make runs non-deterministic.
 */
public final class TrainStep {
    private TrainStep() {
    }

    public static Op build(Ops tf, VariableStore store, Operand<TFloat32> loss, float learningRate,
                           List<Operand<?>> computedFirst) {
        List<VariableStore.Slot> vars = store.trainables();
        List<Operand<?>> reads = new ArrayList<>();
        vars.forEach(v -> reads.add(v.read()));
        Gradients rawGrads = tf.gradients(loss, reads);
        List<Op> barrier = new ArrayList<>();
        List<Operand<TFloat32>> grads = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            @SuppressWarnings("unchecked")
            Operand<TFloat32> g = (Operand<TFloat32>) (Operand<?>) rawGrads.dy(i);
            var identity = tf.identity(g);
            grads.add(identity);
            barrier.add(identity);
        }
        List<VariableStore.Update> stateUpdates = store.updates();
        stateUpdates.forEach(u -> barrier.add(tf.identity(u.value())));
        computedFirst.forEach(o -> barrier.add(tf.identity(o)));
        Ops afterBarrier = tf.withControlDependencies(barrier);
        List<Op> updates = new ArrayList<>(Adam.apply(afterBarrier, store, vars, grads, learningRate));
        stateUpdates.forEach(u -> updates.add(afterBarrier.assign(u.slot().variable(), u.value())));
        return tf.withControlDependencies(updates).noOp();
    }
}
