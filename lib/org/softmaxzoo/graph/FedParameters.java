package org.softmaxzoo.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Parameters and state backed by placeholders whose values are given from outside (a CSV file, a
 * test), so a head can be evaluated, and differentiated, at chosen values. A name without a given
 * value takes its initializer's values with a fixed seed; the iteration is 0 unless given as
 * {@value VariableStore#ITERATION}. Updates are ignored: nothing trains here.
 */
public final class FedParameters implements Parameters {
    private final Ops tf;
    private final Map<String, float[]> given;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(Placeholder<TFloat32> placeholder, Shape shape, float[] values) {
    }

    public FedParameters(Ops tf, Map<String, float[]> given) {
        this.tf = tf;
        this.given = Map.copyOf(given);
    }

    @Override
    public Operand<TFloat32> trainable(String name, Shape shape, Initializer init) {
        Entry existing = entries.get(name);
        if (existing != null) {
            return existing.placeholder();
        }
        float[] values = given.containsKey(name) ? given.get(name) : init.values((int) shape.size(), new Random(0));
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("parameter " + name + " needs " + shape.size() + " values (shape " + shape
                    + "), got " + values.length);
        }
        Placeholder<TFloat32> p = tf.withName(name.replace('/', '_')).placeholder(TFloat32.class, Placeholder.shape(shape));
        entries.put(name, new Entry(p, shape, values));
        return p;
    }

    @Override
    public Operand<TFloat32> state(String name, Shape shape, Initializer init) {
        return trainable(name, shape, init);
    }

    @Override
    public void update(String name, Operand<TFloat32> value) {
    }

    @Override
    public Operand<TFloat32> iteration() {
        return state(VariableStore.ITERATION, Shape.scalar(), Initializer.constant(0));
    }

    /** The placeholder of a parameter, for gradients with respect to it. */
    public Operand<TFloat32> operand(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no parameter " + name + "; known: " + entries.keySet());
        }
        return e.placeholder();
    }

    /** Feeds every parameter's value; the caller closes the returned tensors after the run. */
    public List<Tensor> feed(Session.Runner runner) {
        List<Tensor> tensors = new java.util.ArrayList<>();
        for (Entry e : entries.values()) {
            TFloat32 t = FloatTensors.of(e.shape(), e.values());
            tensors.add(t);
            runner.feed(e.placeholder(), t);
        }
        return tensors;
    }
}
