package org.softmaxzoo.model;

import java.util.HashMap;
import java.util.Map;
import org.softmaxzoo.graph.FedParameters;
import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** Records the size of every trainable parameter a network asks for; a network has no state or updates. */
final class SizeRecordingParameters implements Parameters {
    private final FedParameters fed;
    private final Map<String, Long> sizes = new HashMap<>();

    SizeRecordingParameters(FedParameters fed) {
        this.fed = fed;
    }

    Map<String, Long> sizes() {
        return sizes;
    }

    long total() {
        return sizes.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public Operand<TFloat32> trainable(String name, Shape shape, Initializer init) {
        sizes.put(name, shape.size());
        return fed.trainable(name, shape, init);
    }

    @Override
    public Operand<TFloat32> state(String name, Shape shape, Initializer init) {
        throw new AssertionError("the network has no state, asked for " + name);
    }

    @Override
    public void update(String name, Operand<TFloat32> value) {
        throw new AssertionError("the network updates nothing, asked for " + name);
    }

    @Override
    public Operand<TFloat32> iteration() {
        return fed.iteration();
    }
}
