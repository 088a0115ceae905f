package org.softmaxzoo.cli;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.softmaxzoo.graph.FedParameters;
import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.Heads;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The parameters a head spec asks for, found by building the head once in a scratch graph: so that an
 * option for a parameter the head does not have ({@code --bias} for a head without a bias) is refused
 * instead of silently ignored.
 */
final class HeadParameters {
    private HeadParameters() {
    }

    static Set<String> names(String spec, int featureDim, int numClasses) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            FedParameters fed = new FedParameters(tf, Map.of());
            Set<String> names = new LinkedHashSet<>();
            Parameters recording = new Parameters() {
                @Override
                public Operand<TFloat32> trainable(String name, Shape shape, Initializer init) {
                    names.add(name);
                    return fed.trainable(name, shape, init);
                }

                @Override
                public Operand<TFloat32> state(String name, Shape shape, Initializer init) {
                    names.add(name);
                    return fed.state(name, shape, init);
                }

                @Override
                public void update(String name, Operand<TFloat32> value) {
                }

                @Override
                public Operand<TFloat32> iteration() {
                    return fed.iteration();
                }
            };
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, featureDim)));
            Placeholder<TInt32> y = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
            Operand<TFloat32> oneHot = tf.oneHot(y, tf.constant(numClasses), tf.constant(1f), tf.constant(0f));
            Heads.create(spec).build(tf, new HeadInput(x, y, oneHot, numClasses, featureDim), recording);
            return names;
        }
    }
}
