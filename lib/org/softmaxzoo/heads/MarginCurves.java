package org.softmaxzoo.heads;

import java.util.Map;
import org.softmaxzoo.graph.FedParameters;
import org.softmaxzoo.graph.FloatTensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Evaluates a head's target transform f(cos theta) at given angles by running the very graph ops
 * the head trains with, so figures of target logits against theta draw the training code.
 */
public final class MarginCurves {
    private MarginCurves() {
    }

    /** f(cos theta) for each theta (radians), at iteration {@code iteration} of any schedule. */
    public static double[] values(TargetTransform transform, double[] thetas, long iteration) {
        float[] cos = new float[thetas.length];
        for (int i = 0; i < thetas.length; i++) {
            cos[i] = (float) Math.cos(thetas[i]);
        }
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            FedParameters params = new FedParameters(tf, Map.of(org.softmaxzoo.graph.VariableStore.ITERATION,
                    new float[] {iteration}));
            Operand<TFloat32> out = transform.apply(tf, tf.constant(cos), params);
            Session.Runner runner = s.runner().fetch(out);
            var fed = params.feed(runner);
            try (Result r = runner.run()) {
                float[] v = FloatTensors.read(r.get(0));
                double[] d = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    d[i] = v[i];
                }
                return d;
            } finally {
                fed.forEach(org.tensorflow.Tensor::close);
            }
        }
    }

    /** The transform of a margin head given by its spec (for example {@code arcface(s=64,m=0.5)}). */
    public static TargetTransform of(String spec) {
        LossHead head = Heads.create(spec);
        if (head instanceof MarginHead m) {
            return m.transform();
        }
        if (head instanceof SoftmaxHead || head instanceof NormWeightHead || head instanceof NormFeatureHead) {
            return TargetTransform.NONE;
        }
        throw new SpecException("'" + spec + "' has no target transform of the angle");
    }
}
