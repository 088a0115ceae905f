package org.softmaxzoo.heads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.softmaxzoo.graph.FedParameters;
import org.softmaxzoo.graph.FloatTensors;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.HeadOutput;
import org.softmaxzoo.heads.core.LossHead;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Evaluates a head on given tensors, outside any model: features (n x d), class weights (d x C),
 * labels and optionally a bias. Used by the {@code loss} command to compare the mathematics with
 * other implementations, and by the tests (including gradients with respect to features and weights).
 */
public final class HeadEvaluator {

    /** The mean loss, the logits the cross-entropy saw (n x C), and, if asked, gradients of the loss. */
    public record Evaluation(double loss, float[][] lossLogits, float[] featureGradient, float[] weightGradient) {
    }

    private HeadEvaluator() {
    }

    public static Evaluation evaluate(String spec, float[][] features, float[][] weights, int[] labels, float[] bias) {
        return evaluate(Heads.create(spec), features, weights, labels, bias, false);
    }

    /**
     * @param bias C values, or null for the head's own start (zeros where a bias exists)
     * @param withGradients also compute d loss / d features (n x d) and d loss / d W (d x C)
     */
    public static Evaluation evaluate(LossHead head, float[][] features, float[][] weights, int[] labels, float[] bias,
                                      boolean withGradients) {
        return evaluate(head, features, weights, weights[0].length, labels, bias, withGradients);
    }

    /**
     * The same for a head whose weight matrix has more columns than classes (K sub-centres per class:
     * d x KC with {@code classes} = C).
     */
    public static Evaluation evaluate(LossHead head, float[][] features, float[][] weights, int classes, int[] labels, float[] bias,
                                      boolean withGradients) {
        return evaluate(head, features, weights, classes, labels, bias, Map.of(), withGradients);
    }

    /**
     * The same with some of the head's state given (such as Sub-center ArcFace's mask of kept
     * sub-centres, {@code subcenter/mask}); state not given starts as the head starts it.
     */
    public static Evaluation evaluate(LossHead head, float[][] features, float[][] weights, int classes, int[] labels, float[] bias,
                                      Map<String, float[]> state, boolean withGradients) {
        int n = features.length;
        int d = weights.length;
        int c = classes;
        check(labels.length == n, "labels: " + labels.length + " values for " + n + " feature rows");
        for (float[] row : features) {
            check(row.length == d, "features have " + row.length + " columns but weights have " + d + " rows");
        }
        for (int label : labels) {
            check(label >= 0 && label < c, "label " + label + " is outside 0.." + (c - 1));
        }
        check(bias == null || bias.length == c, "bias has " + (bias == null ? 0 : bias.length) + " values, expected " + c);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Map<String, float[]> given = new HashMap<>(state);
            given.put(LossHead.WEIGHT, flatten(weights));
            given.put(LossHead.BIAS, bias != null ? bias : new float[c]);
            FedParameters params = new FedParameters(tf, given);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, d)));
            Operand<TInt32> y = tf.constant(labels);
            Operand<TFloat32> oneHot = tf.oneHot(y, tf.constant(c), tf.constant(1f), tf.constant(0f));
            HeadOutput out = head.build(tf, new HeadInput(x, y, oneHot, c, d), params);
            List<Operand<?>> wrt = List.of(x, params.operand(LossHead.WEIGHT));
            var grads = withGradients ? tf.gradients(out.loss(), wrt) : null;
            Session.Runner runner = s.runner();
            List<Tensor> fed = new ArrayList<>(params.feed(runner));
            TFloat32 xt = FloatTensors.of(Shape.of(n, d), flatten(features));
            fed.add(xt);
            runner.feed(x, xt).fetch(out.loss()).fetch(out.lossLogits());
            if (grads != null) {
                runner.fetch(grads.dy(0)).fetch(grads.dy(1));
            }
            try (Result r = runner.run()) {
                return new Evaluation(FloatTensors.scalar(r.get(0)), rows(FloatTensors.read(r.get(1)), 0, n, c),
                        grads != null ? FloatTensors.read(r.get(2)) : null, grads != null ? FloatTensors.read(r.get(3)) : null);
            } finally {
                fed.forEach(Tensor::close);
            }
        }
    }

    /**
     * The mean loss of {@code spec} over the first {@code batches} consecutive batches of {@code batch} rows, each batch
     * evaluated on its own as training sees it (batch terms such as range loss depend on what a batch holds): for
     * weighing a term against the cross-entropy on a trained run's features, e.g. {@code softmax+range(...)} against
     * {@code softmax}.
     *
     * @param features n x dim, row-major
     * @param weights  dim x C, row-major
     * @param bias     C values, or null for the head's own start
     */
    public static double meanOverBatches(String spec, float[] features, float[] weights, int dim, int[] labels, float[] bias,
                                         int batch, int batches) {
        check(batch >= 1 && batches >= 1 && (long) batch * batches <= labels.length, batches + " batches of " + batch
                + " need " + (long) batch * batches + " rows, there are " + labels.length + "; ask for fewer batches");
        float[][] w = rows(weights, 0, dim, weights.length / dim);
        double sum = 0;
        for (int b = 0; b < batches; b++) {
            sum += evaluate(spec, rows(features, b * batch, batch, dim), w,
                    java.util.Arrays.copyOfRange(labels, b * batch, (b + 1) * batch), bias).loss();
        }
        return sum / batches;
    }

    /** Rows {@code first .. first + count - 1} of a row-major matrix with {@code cols} columns, one array each (flatten's inverse). */
    private static float[][] rows(float[] flat, int first, int count, int cols) {
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, (first + i) * cols, (first + i + 1) * cols);
        }
        return out;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    static float[] flatten(float[][] m) {
        int cols = m[0].length;
        float[] out = new float[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            check(m[i].length == cols, "row " + (i + 1) + " has " + m[i].length + " values, expected " + cols);
            System.arraycopy(m[i], 0, out, i * cols, cols);
        }
        return out;
    }
}
