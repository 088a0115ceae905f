package org.softmaxzoo.teaching;

import java.util.Arrays;

/**
 * The softmax and its relatives on plain Java arrays, in double precision, for teaching and for
 * checking: the naive form that overflows, the max-shifted form, temperature, linear normalization,
 * and the gradient of distillation's soft-target term.
 */
public final class SoftmaxMath {
    private SoftmaxMath() {
    }

    /** e^{z_i} / sum_j e^{z_j} as written: overflows to NaN once some z_i passes about 709. */
    public static double[] naiveSoftmax(double[] z) {
        double sum = Arrays.stream(z).map(Math::exp).sum();
        return Arrays.stream(z).map(v -> Math.exp(v) / sum).toArray();
    }

    /** The same with the maximum subtracted first: e^{z_i - max} / sum_j e^{z_j - max}, never overflows. */
    public static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        double sum = Arrays.stream(z).map(v -> Math.exp(v - max)).sum();
        return Arrays.stream(z).map(v -> Math.exp(v - max) / sum).toArray();
    }

    /** Softmax at temperature T: softmax(z / T). */
    public static double[] softmax(double[] z, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        return softmax(Arrays.stream(z).map(v -> v / temperature).toArray());
    }

    /** z_i / sum_j z_j, for positive scores. */
    public static double[] linearNormalize(double[] z) {
        double sum = Arrays.stream(z).sum();
        return Arrays.stream(z).map(v -> v / sum).toArray();
    }

    /** Cross-entropy -log p_y of the softmax of z, computed as log-sum-exp minus z_y. */
    public static double crossEntropy(double[] z, int label) {
        double max = Arrays.stream(z).max().orElseThrow();
        return max + Math.log(Arrays.stream(z).map(v -> Math.exp(v - max)).sum()) - z[label];
    }

    /**
     * Gradient of the soft-target cross-entropy CE(softmax(teacher / T), student / T) with respect to the
     * student's logits: (softmax(student / T) - softmax(teacher / T)) / T. Its size falls as 1/T^2 for
     * large T, which is why distillation multiplies the term by T^2.
     */
    public static double[] softTargetGradient(double[] student, double[] teacher, double temperature) {
        double[] q = softmax(student, temperature);
        double[] p = softmax(teacher, temperature);
        double[] g = new double[q.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = (q[i] - p[i]) / temperature;
        }
        return g;
    }

    /** Euclidean norm. */
    public static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    }
}
