package org.softmaxzoo.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Parameters backed by graph variables, for training. Every variable (trainable weights, optimizer
 * slots, other state) is recorded so a checkpoint can save and restore all of it. Initial values are
 * drawn in Java from a random stream seeded by (seed, name), so a run is reproducible whatever order
 * the parameters are created in.
 */
public final class VariableStore implements Parameters {
    public static final String ITERATION = "iteration";

    /** One variable: its reference (for assign-style ops), a plain read, and the ops that restore it. */
    public record Slot(String name, Shape shape, boolean trainable, Variable<TFloat32> variable,
                       Operand<TFloat32> read, Placeholder<TFloat32> restoreValue, Assign<TFloat32> restore) {
    }

    /** A state assignment to run once per training step. */
    public record Update(Slot slot, Operand<TFloat32> value) {
    }

    private final Ops tf;
    private final long seed;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<String, Update> updates = new LinkedHashMap<>();

    public VariableStore(Ops tf, long seed) {
        this.tf = tf;
        this.seed = seed;
    }

    @Override
    public Operand<TFloat32> trainable(String name, Shape shape, Initializer init) {
        return slot(name, shape, init, true).read();
    }

    @Override
    public Operand<TFloat32> state(String name, Shape shape, Initializer init) {
        return slot(name, shape, init, false).read();
    }

    @Override
    public void update(String name, Operand<TFloat32> value) {
        Slot slot = get(name);
        if (slot.trainable()) {
            throw new IllegalArgumentException(name + " is trainable: the optimizer updates it");
        }
        if (updates.putIfAbsent(name, new Update(slot, value)) != null) {
            throw new IllegalArgumentException("state " + name + " already has an update");
        }
    }

    @Override
    public Operand<TFloat32> iteration() {
        if (!slots.containsKey(ITERATION)) {
            Operand<TFloat32> step = state(ITERATION, Shape.scalar(), Initializer.constant(0));
            update(ITERATION, tf.math.add(step, tf.constant(1f)));
        }
        return slots.get(ITERATION).read();
    }

    /** A non-trainable variable for state the caller assigns itself (optimizer slots). */
    public Slot stateSlot(String name, Shape shape, Initializer init) {
        return slot(name, shape, init, false);
    }

    private Slot slot(String name, Shape shape, Initializer init, boolean trainable) {
        Slot existing = slots.get(name);
        if (existing != null) {
            if (!existing.shape().equals(shape) || existing.trainable() != trainable) {
                throw new IllegalArgumentException("parameter " + name + " asked again with another shape or kind");
            }
            return existing;
        }
        float[] values = init.values((int) shape.size(), new Random(Objects.hash(seed, name)));
        String op = name.replace('/', '_'); // op names may not contain '/'
        Variable<TFloat32> variable = tf.withName(op).variable(tf.constant(shape, DataBuffers.of(values, true, false)));
        // Reading through identity: ops whose gradient reads a reference-typed input crash TF Java's gradient builder.
        Operand<TFloat32> read = tf.withName(op + "_read").identity(variable);
        Placeholder<TFloat32> value = tf.withName(op + "_restore_value").placeholder(TFloat32.class, Placeholder.shape(shape));
        Assign<TFloat32> restore = tf.withName(op + "_restore").assign(variable, value);
        Slot slot = new Slot(name, shape, trainable, variable, read, value, restore);
        slots.put(name, slot);
        return slot;
    }

    public List<Slot> all() {
        return List.copyOf(slots.values());
    }

    public List<Slot> trainables() {
        List<Slot> out = new ArrayList<>();
        for (Slot s : slots.values()) {
            if (s.trainable()) {
                out.add(s);
            }
        }
        return out;
    }

    public List<Update> updates() {
        return List.copyOf(updates.values());
    }

    public Slot get(String name) {
        Slot s = slots.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no variable " + name + "; known: " + slots.keySet());
        }
        return s;
    }
}
