package org.softmaxzoo.heads;

/**
 * An independent double-precision implementation of the heads' formulas, written from the papers'
 * equations, for the tests to compare the TensorFlow graphs against.
 */
final class ReferenceMath {
    private ReferenceMath() {
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double[] column(double[][] w, int j) {
        double[] c = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            c[i] = w[i][j];
        }
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** z_ij = scaleX(x_i) . scaleW(W_j) + b_j, with optional unit normalisation of either side and a scale s. */
    static double[][] logits(double[][] x, double[][] w, double[] b, boolean normX, boolean normW, double s) {
        int c = w[0].length;
        double[][] z = new double[x.length][c];
        for (int i = 0; i < x.length; i++) {
            double nx = normX ? norm(x[i]) : 1;
            for (int j = 0; j < c; j++) {
                double[] wj = column(w, j);
                double nw = normW ? norm(wj) : 1;
                z[i][j] = s * dot(x[i], wj) / (nx * nw) + (b == null ? 0 : b[j]);
            }
        }
        return z;
    }

    /** Mean of -z_iy + log sum_j exp z_ij, with the maximum subtracted first. */
    static double meanCrossEntropy(double[][] z, int[] y) {
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z[i]) {
                sum += Math.exp(v - max);
            }
            total += max + Math.log(sum) - z[i][y[i]];
        }
        return total / z.length;
    }

    static double[][] toDouble(float[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j];
            }
        }
        return out;
    }
}
