package org.softmaxzoo.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/**
 * Adam over exactly the store's trainable variables, with its moments and bias-correction powers
 * kept as store state so checkpoints capture them. Written here rather than taken from
 * tensorflow-framework because that optimizer trains every variable in the graph, including state
 * that must not be trained.
 */
public final class Adam {
    public static final float BETA1 = 0.9f;
    public static final float BETA2 = 0.999f;
    public static final float EPSILON = 1e-8f;

    private Adam() {
    }

    /**
     * One training step: gradients of {@code loss} and one Adam update of every trainable variable.
     * No variable is updated before every gradient and every operand in {@code computedFirst} (values
     * the caller fetches) has been computed: variable reads alias the variable's buffer, so an early
     * update would leak into the other gradients and make runs non-deterministic.
     */
    public static Op minimize(Ops tf, VariableStore store, Operand<TFloat32> loss, float learningRate,
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
        computedFirst.forEach(o -> barrier.add(tf.identity(o)));
        Ops update = tf.withControlDependencies(barrier);

        VariableStore.Slot beta1Power = store.state("adam/beta1_power", Shape.scalar(), Initializer.constant(BETA1));
        VariableStore.Slot beta2Power = store.state("adam/beta2_power", Shape.scalar(), Initializer.constant(BETA2));
        Operand<TFloat32> lr = tf.constant(learningRate);
        Operand<TFloat32> b1 = tf.constant(BETA1);
        Operand<TFloat32> b2 = tf.constant(BETA2);
        Operand<TFloat32> eps = tf.constant(EPSILON);

        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            VariableStore.Slot v = vars.get(i);
            VariableStore.Slot m = store.state(v.name() + "/adam_m", v.shape(), Initializer.constant(0f));
            VariableStore.Slot s = store.state(v.name() + "/adam_v", v.shape(), Initializer.constant(0f));
            updates.add(update.train.applyAdam(v.variable(), m.variable(), s.variable(),
                    beta1Power.read(), beta2Power.read(), lr, b1, b2, eps, grads.get(i)));
        }
        Ops after = tf.withControlDependencies(updates);
        Op next1 = after.assign(beta1Power.variable(), after.math.mul(beta1Power.read(), b1));
        Op next2 = after.assign(beta2Power.variable(), after.math.mul(beta2Power.read(), b2));
        return tf.withControlDependencies(List.of(next1, next2)).noOp();
    }
}
