package org.softmaxzoo.heads.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softmaxzoo.graph.FedParameters;
import org.softmaxzoo.graph.FloatTensors;
import org.softmaxzoo.graph.VariableStore;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.spec.HeadSpec;
import org.softmaxzoo.heads.Heads;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Evaluates one added term on its own, outside any head: its value, its gradient with respect to the
 * features or a named parameter, and the state it assigns after one step. Terms are built from spec
 * text through {@link Heads#terms()}, as a user's spec builds them.
 */
final class TermHarness {
    private TermHarness() {
    }

    /** The term a spec such as {@code center(lambda=0.1)} describes. */
    static LossTerm term(String spec) {
        HeadSpec.Term parsed = HeadSpec.parse(spec).terms().get(0);
        Term term = Heads.terms().get(parsed.name()).create(parsed);
        return (LossTerm) term;
    }

    /** The name under which {@link #evaluate} returns the gradient with respect to the features (n x d). */
    static final String FEATURES = "features";

    /** The term's value and its gradients by name. */
    record Evaluation(double value, Map<String, float[]> gradients) {
        float[] gradient(String name) {
            return gradients.get(name);
        }
    }

    /**
     * @param given parameter values by name (others take their initializer's), e.g. {@code head/weight} (d x C)
     * @param wrt the parameters (or {@link #FEATURES}) to differentiate with respect to
     */
    static Evaluation evaluate(LossTerm term, float[][] x, int[] y, int classes, Map<String, float[]> given, String... wrt) {
        int n = x.length;
        int d = x[0].length;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            FedParameters params = new FedParameters(tf, given);
            Placeholder<TFloat32> features = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, d)));
            HeadInput in = new HeadInput(features, tf.constant(y), tf.oneHot(tf.constant(y), tf.constant(classes), tf.constant(1f), tf.constant(0f)),
                    classes, d);
            Operand<TFloat32> value = term.loss(tf, in, params);
            List<Operand<?>> targets = new ArrayList<>();
            for (String name : wrt) {
                targets.add(name.equals(FEATURES) ? features : params.operand(name));
            }
            Session.Runner runner = s.runner();
            List<Tensor> fed = new ArrayList<>(params.feed(runner));
            TFloat32 xt = FloatTensors.of(Shape.of(n, d), flatten(x));
            fed.add(xt);
            runner.feed(features, xt).fetch(value);
            if (!targets.isEmpty()) {
                var grads = tf.gradients(value, targets);
                for (int i = 0; i < targets.size(); i++) {
                    runner.fetch(grads.dy(i));
                }
            }
            try (Result r = runner.run()) {
                Map<String, float[]> gradients = new java.util.HashMap<>();
                for (int i = 0; i < wrt.length; i++) {
                    gradients.put(wrt[i], FloatTensors.read(r.get(i + 1)));
                }
                return new Evaluation(FloatTensors.scalar(r.get(0)), gradients);
            } finally {
                fed.forEach(Tensor::close);
            }
        }
    }

    /** The value of state {@code name} after the term's update ran once, starting from {@code start}. */
    static float[] stateAfterOneStep(LossTerm term, float[][] x, int[] y, int classes, String name, float[] start) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            VariableStore store = new VariableStore(tf, 1);
            store.state(name, Shape.of(start.length / x[0].length, x[0].length), (count, random) -> start.clone());
            HeadInput in = new HeadInput(tf.constant(x), tf.constant(y),
                    tf.oneHot(tf.constant(y), tf.constant(classes), tf.constant(1f), tf.constant(0f)), classes, x[0].length);
            term.loss(tf, in, store);
            s.initialize();
            for (VariableStore.Update u : store.updates()) {
                s.runner().addTarget(tf.assign(u.slot().variable(), u.value())).run().close();
            }
            try (Result r = s.runner().fetch(store.get(name).read()).run()) {
                return FloatTensors.read(r.get(0));
            }
        }
    }

    /** Central finite difference of the term's value in feature (row, col). */
    static double featureDifference(LossTerm term, float[][] x, int[] y, int classes, Map<String, float[]> given, int row, int col, double h) {
        float[][] plus = copy(x);
        float[][] minus = copy(x);
        plus[row][col] += (float) h;
        minus[row][col] -= (float) h;
        return (evaluate(term, plus, y, classes, given).value() - evaluate(term, minus, y, classes, given).value()) / (2 * h);
    }

    static float[][] copy(float[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    static float[] flatten(float[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
        }
        return out;
    }
}
