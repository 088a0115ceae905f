package org.softmaxzoo.model;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.softmaxzoo.graph.FedParameters;
import org.softmaxzoo.graph.FloatTensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Runs a network's graph with given weights, for comparison with a plain-Java forward pass. */
final class NetworkGraph {
    private NetworkGraph() {
    }

    /** The features (n x d, row-major) of n 28 x 28 images under the given weights. */
    static float[] features(FeatureExtractor network, Map<String, float[]> weights, float[] images, int n) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            FedParameters params = new FedParameters(tf, weights);
            Operand<TFloat32> x = tf.placeholder(TFloat32.class);
            Operand<TFloat32> f = network.features(tf, x, params);
            Session.Runner runner = s.runner();
            List<Tensor> fed = params.feed(runner);
            try (TFloat32 xt = FloatTensors.of(Shape.of(n, 28, 28, 1), images); Result r = runner.feed(x, xt).fetch(f).run()) {
                return FloatTensors.read(r.get(0));
            } finally {
                fed.forEach(Tensor::close);
            }
        }
    }

    /** n values uniform on [lo, hi). */
    static float[] randoms(Random random, int n, float lo, float hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * random.nextFloat();
        }
        return v;
    }
}
