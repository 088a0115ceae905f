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

    /**
     * log softmax(z)_i = z_i - logsumexp(z), with the maximum taken out of the log-sum-exp: finite for any
     * finite logits, where log of {@link #naiveSoftmax} gives -infinity or NaN once an exponent overflows
     * or underflows. It is also cheaper: no division, and no exponent left for the cross-entropy's log.
     */
    public static double[] logSoftmax(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        double shifted = logOfShiftedSum(z, max);
        return Arrays.stream(z).map(v -> (v - max) - shifted).toArray();
    }

    /**
     * log sum_j e^{z_j} computed as max + log1p(sum of e^{z_j - max} over all but one maximal entry): no
     * overflow, and a tiny remainder (a confident softmax's loss) is kept instead of rounded to 0.
     */
    public static double logSumExp(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        return max + logOfShiftedSum(z, max);
    }

    /** log sum_j e^{z_j - max} = log1p of the terms other than one maximal entry (whose term is 1). */
    private static double logOfShiftedSum(double[] z, double max) {
        boolean skipped = false;
        double rest = 0;
        for (double v : z) {
            if (!skipped && v == max) {
                skipped = true;
            } else {
                rest += Math.exp(v - max);
            }
        }
        return Math.log1p(rest);
    }

    /** Entropy H(p) = -sum_i p_i log p_i of a distribution (0 log 0 counted as 0). */
    public static double entropy(double[] p) {
        requireDistribution(p);
        // 0.0 - sum, not -sum: a one-hot label's entropy is 0, not -0.
        return 0.0 - Arrays.stream(p).filter(v -> v > 0).map(v -> v * Math.log(v)).sum();
    }

    /** Cross-entropy H(p, q) = -sum_i p_i log q_i of distribution q against the true distribution p. */
    public static double crossEntropy(double[] p, double[] q) {
        return expectation(p, q, i -> -Math.log(q[i]));
    }

    /**
     * KL divergence KL(p || q) = sum_i p_i (log p_i - log q_i). It equals H(p, q) - H(p); with a one-hot p
     * the entropy is 0, so minimizing the KL to the label is minimizing the cross-entropy -log q_y.
     */
    public static double klDivergence(double[] p, double[] q) {
        return expectation(p, q, i -> Math.log(p[i]) - Math.log(q[i]));
    }

    /** sum_i p_i f(i) over the classes with p_i > 0 (0 log 0 = 0), both distributions checked first. */
    private static double expectation(double[] p, double[] q, java.util.function.IntToDoubleFunction f) {
        requireDistribution(p);
        requireDistribution(q);
        requireSameLength(p, q);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                sum += p[i] * f.applyAsDouble(i);
            }
        }
        return sum;
    }

    private static void requireDistribution(double[] p) {
        double sum = 0;
        for (double v : p) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("a probability must be >= 0, got " + v + " in " + Arrays.toString(p));
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("probabilities must sum to 1, got " + sum + " for " + Arrays.toString(p));
        }
    }

    private static void requireSameLength(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions of different lengths: " + p.length + " and " + q.length);
        }
    }

    /** z_i / sum_j z_j, for positive scores. */
    public static double[] linearNormalize(double[] z) {
        double sum = Arrays.stream(z).sum();
        return Arrays.stream(z).map(v -> v / sum).toArray();
    }

    /** Cross-entropy -log p_y of the softmax of z, computed as log-sum-exp minus z_y. */
    public static double crossEntropy(double[] z, int label) {
        double max = Arrays.stream(z).max().orElseThrow();
        return (max - z[label]) + logOfShiftedSum(z, max);
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
