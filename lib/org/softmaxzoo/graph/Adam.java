package org.softmaxzoo.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Adam over exactly the given variables, with its moments and bias-correction powers kept as store
 * state so checkpoints capture them. Written here rather than taken from tensorflow-framework because
 * that optimizer trains every variable in the graph, including state that must not be trained.
 */
public final class Adam {
    public static final float BETA1 = 0.9f;
    public static final float BETA2 = 0.999f;
    public static final float EPSILON = 1e-8f;

    private Adam() {
    }

    /** The update ops of one Adam step (built with {@code tf}'s control dependencies) plus the powers' advance. */
    static List<Op> apply(Ops tf, VariableStore store, List<VariableStore.Slot> vars, List<Operand<TFloat32>> grads,
                          float learningRate) {
        VariableStore.Slot beta1Power = store.stateSlot("adam/beta1_power", Shape.scalar(), Initializer.constant(BETA1));
        VariableStore.Slot beta2Power = store.stateSlot("adam/beta2_power", Shape.scalar(), Initializer.constant(BETA2));
        Operand<TFloat32> lr = tf.constant(learningRate);
        Operand<TFloat32> b1 = tf.constant(BETA1);
        Operand<TFloat32> b2 = tf.constant(BETA2);
        Operand<TFloat32> eps = tf.constant(EPSILON);
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            VariableStore.Slot v = vars.get(i);
            VariableStore.Slot m = store.stateSlot(v.name() + "/adam_m", v.shape(), Initializer.constant(0f));
            VariableStore.Slot s = store.stateSlot(v.name() + "/adam_v", v.shape(), Initializer.constant(0f));
            updates.add(tf.train.applyAdam(v.variable(), m.variable(), s.variable(),
                    beta1Power.read(), beta2Power.read(), lr, b1, b2, eps, grads.get(i)));
        }
        Ops after = tf.withControlDependencies(updates);
        List<Op> all = new ArrayList<>(updates);
        all.add(after.assign(beta1Power.variable(), after.math.mul(beta1Power.read(), b1)));
        all.add(after.assign(beta2Power.variable(), after.math.mul(beta2Power.read(), b2)));
        return all;
    }
}
