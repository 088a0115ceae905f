package org.softmaxzoo.model;

import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The last layer of every network here: a dense layer with bias, PyTorch's initialisation, to the feature. */
final class FeatureLayer {
    private FeatureLayer() {
    }

    /** x (N x in) W + b, with parameters {@code <name>/weight} (in x out) and {@code <name>/bias}. */
    static Operand<TFloat32> dense(Ops tf, Parameters params, String name, Operand<TFloat32> x, int in, int out) {
        Operand<TFloat32> w = params.trainable(name + "/weight", Shape.of(in, out), Initializer.fanIn(in));
        Operand<TFloat32> b = params.trainable(name + "/bias", Shape.of(out), Initializer.fanIn(in));
        return tf.math.add(tf.linalg.matMul(x, w), b);
    }
}
