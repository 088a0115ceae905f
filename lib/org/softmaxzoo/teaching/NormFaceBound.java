package org.softmaxzoo.teaching;

import java.util.Random;

/**
 * Whether NormFace's lower bound log(1 + (n - 1) e^{-n/(n-1) l^2}) ({@link ScaleBounds#normFaceLowerBound})
 * can be reached in a given feature dimension. The bound assumes every feature sits on its class weight
 * and every pair of the n unit weights has the same inner product -1/(n-1): a regular simplex, which
 * exists only in d >= n - 1 dimensions. In fewer dimensions the weights cannot be that far apart, so
 * the smallest loss is higher. This class computes that loss for given weights and searches for the
 * best weights on the unit sphere of dimension d.
 */
public final class NormFaceBound {
    private NormFaceBound() {
    }

    /**
     * The softmax loss when every feature sits on its class weight and features and weights have norm
     * {@code l} (logits l^2 cos theta), classes equally frequent: (1/n) sum_i log(1 + sum_{j != i}
     * e^{l^2 (cos theta_ij - 1)}), theta_ij the angle between weights i and j.
     *
     * @param weights n directions (rows), any non-zero length; they are normalized here
     */
    public static double lossAtWeights(double[][] weights, double l) {
        double[][] w = normalizedRows(weights);
        int n = w.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double others = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others += Math.exp(l * l * (dot(w[i], w[j]) - 1));
                }
            }
            sum += Math.log1p(others);
        }
        return sum / n;
    }

    /** n unit vectors evenly spaced on the circle (angles 2 pi k / n): the 2-d arrangement that spreads them most. */
    public static double[][] evenlySpacedOnCircle(int n) {
        double[][] w = new double[n][];
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / n;
            w[k] = new double[] {Math.cos(a), Math.sin(a)};
        }
        return w;
    }

    /**
     * The smallest {@link #lossAtWeights} found for n unit weights in d dimensions: projected gradient
     * descent on the sphere from {@code starts} random starting points (seeded), the best end kept. An
     * upper estimate of the true minimum, which it approaches as the search converges.
     */
    public static double smallestLoss(int n, int d, double l, int starts, long seed) {
        if (n < 2 || d < 1 || starts < 1 || !(l > 0)) {
            throw new IllegalArgumentException("need n >= 2 classes, d >= 1, starts >= 1 and l > 0; got n=" + n + ", d=" + d
                    + ", starts=" + starts + ", l=" + l);
        }
        Random random = new Random(seed);
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < starts; s++) {
            double[][] w = new double[n][d];
            for (double[] row : w) {
                for (int k = 0; k < d; k++) {
                    row[k] = random.nextGaussian();
                }
            }
            best = Math.min(best, lossAtWeights(descend(normalizedRows(w), l), l));
        }
        return best;
    }

    /** Gradient steps on the weights, each projected onto the sphere's tangent plane and renormalized. */
    private static double[][] descend(double[][] w, double l) {
        int n = w.length;
        int d = w[0].length;
        double rate = 0.5 * n / (l * l);
        for (int step = 0; step < 4000; step++) {
            // sigma[i][j]: the share of class j in sample i's "other classes" sum, its gradient weight.
            double[][] sigma = new double[n][n];
            for (int i = 0; i < n; i++) {
                double total = 1;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        sigma[i][j] = Math.exp(l * l * (dot(w[i], w[j]) - 1));
                        total += sigma[i][j];
                    }
                }
                for (int j = 0; j < n; j++) {
                    sigma[i][j] /= total;
                }
            }
            double[][] next = new double[n][d];
            for (int k = 0; k < n; k++) {
                double[] g = new double[d];
                for (int j = 0; j < n; j++) {
                    double c = l * l / n * (sigma[k][j] + sigma[j][k]);
                    for (int a = 0; a < d; a++) {
                        g[a] += c * w[j][a];
                    }
                }
                double radial = dot(g, w[k]);
                for (int a = 0; a < d; a++) {
                    next[k][a] = w[k][a] - rate * (g[a] - radial * w[k][a]);
                }
            }
            w = normalizedRows(next);
        }
        return w;
    }

    private static double[][] normalizedRows(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double norm = Math.sqrt(dot(rows[i], rows[i]));
            if (!(norm > 0)) {
                throw new IllegalArgumentException("weight " + i + " has length 0");
            }
            out[i] = new double[rows[i].length];
            for (int k = 0; k < rows[i].length; k++) {
                out[i][k] = rows[i][k] / norm;
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
