package org.softmaxzoo.heads;

import java.util.Map;
import org.softmaxzoo.graph.FedParameters;
import org.softmaxzoo.graph.FloatTensors;
import org.softmaxzoo.heads.margins.Schedule;
import org.softmaxzoo.heads.margins.TargetTransform;
import org.softmaxzoo.heads.spec.SpecException;
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

    /** A schedule's value at each iteration, by the graph ops that train with it (for plots of heated-up scales). */
    public static double[] scheduleValues(Schedule schedule, double[] iterations) {
        float[] t = new float[iterations.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) iterations[i];
        }
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            // broadcast: a constant schedule still gives one value per iteration
            Operand<TFloat32> times = tf.constant(t);
            Operand<TFloat32> out = tf.math.add(schedule.at(tf, times), tf.math.mul(times, tf.constant(0f)));
            try (Result r = s.runner().fetch(out).run()) {
                float[] v = FloatTensors.read(r.get(0));
                double[] d = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    d[i] = v[i];
                }
                return d;
            }
        }
    }

    /**
     * The angular margin a transform leaves between two classes whose weights are {@code theta12} apart
     * (radians), for features in their plane: class 1 wins (with its margin) while f(cos theta_1) >
     * cos(theta12 - theta_1), up to theta_1 = t*; class 2 likewise up to t* from its own weight, and
     * the gap between the two boundaries is theta12 - 2 t*. For A-Softmax's psi with margin m it is
     * (m - 1)/(m + 1) theta12, for ArcFace m, for CosFace 2 asin(m / (2 sin(theta12 / 2))). The transform
     * is evaluated once on a grid of {@value #GRID} angles by the training graph's own ops; t* is the
     * grid's crossing, linearly interpolated.
     */
    public static double[] angularMargins(TargetTransform transform, double[] theta12s, long iteration) {
        double[] grid = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            grid[i] = Math.PI * i / (GRID - 1);
        }
        double[] f = values(transform, grid, iteration);
        double[] margins = new double[theta12s.length];
        for (int k = 0; k < theta12s.length; k++) {
            double t12 = theta12s[k];
            double boundary = 0;
            double previous = f[0] - Math.cos(t12);
            for (int i = 1; i < GRID && grid[i - 1] < t12 && previous > 0; i++) {
                double g = f[i] - Math.cos(t12 - grid[i]);
                boundary = g <= 0 ? grid[i - 1] + (grid[i] - grid[i - 1]) * previous / (previous - g) : grid[i];
                previous = g;
            }
            margins[k] = t12 - 2 * Math.min(boundary, t12 / 2);
        }
        return margins;
    }

    private static final int GRID = 20001;

    /** The transform of a margin head given by its spec (for example {@code arcface(s=64,m=0.5)}). */
    public static TargetTransform of(String spec) {
        return Heads.create(spec).target()
                .orElseThrow(() -> new SpecException("'" + spec + "' has no target transform of the angle"));
    }
}
