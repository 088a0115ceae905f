package org.softmaxzoo.heads;

import java.util.List;
import org.softmaxzoo.graph.FloatTensors;
import org.softmaxzoo.graph.TrainStep;
import org.softmaxzoo.graph.VariableStore;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.HeadOutput;
import org.softmaxzoo.heads.core.LossHead;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A head on fixed features inside a real variable store, taking training steps at learning rate 0: the
 * features and weights stay put while the head's state (moving averages, counts) moves as in training.
 */
final class HeadSteps implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session = new Session(graph);
    private final VariableStore store;
    private final Op step;

    HeadSteps(String spec, float[][] x, int[] y, float[][] w) {
        Ops tf = Ops.create(graph);
        store = new VariableStore(tf, 1);
        Operand<TFloat32> features = tf.constant(x);
        Operand<TInt32> labels = tf.constant(y);
        int classes = w[0].length;
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
        HeadOutput out = Heads.create(spec).build(tf, new HeadInput(features, labels, oneHot, classes, w.length), store);
        step = TrainStep.build(tf, store, out.loss(), 0f, List.of(out.loss()));
        session.initialize();
        VariableStore.Slot weight = store.get(LossHead.WEIGHT);
        try (TFloat32 value = FloatTensors.of(weight.shape(), HeadEvaluator.flatten(w))) {
            session.runner().feed(weight.restoreValue(), value).addTarget(weight.restore()).run().close();
        }
    }

    void step() {
        session.runner().addTarget(step).run().close();
    }

    /** The current value of a variable of the store. */
    float[] value(String name) {
        try (Result r = session.runner().fetch(store.get(name).read()).run()) {
            return FloatTensors.read(r.get(0));
        }
    }

    boolean trainable(String name) {
        return store.get(name).trainable();
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
