package org.softmaxzoo.eval;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Per-class measurements of a trained head: how many test images, their mean feature norm, the class
 * weight's norm, the angle between the weight W_j and the class's mean feature (is the weight at the
 * centre of its petal?), and the bias when the head has one. This is what explains a softmax's
 * predictions beyond angles: long weights and large biases win regions of their own.
 *
 * @param centreAngleDegrees angle between W_j and the mean feature of class j, in degrees
 * @param bias               the class biases, or null for a head without bias
 */
public record ClassGeometry(int[] counts, double[] meanFeatureNorms, double[] weightNorms, double[] centreAngleDegrees,
                            double[] bias) {

    /**
     * @param features n x d, row-major
     * @param weights  d x C, row-major (one column per class)
     * @param bias     C values, or null
     */
    public static ClassGeometry of(float[] features, int[] labels, float[] weights, float[] bias, int numClasses) {
        int n = labels.length;
        if (n == 0 || features.length % n != 0) {
            throw new IllegalArgumentException("features must be n x d for n = " + n + " labels");
        }
        int d = features.length / n;
        if (weights.length != d * numClasses) {
            throw new IllegalArgumentException("weights must be d x C = " + d + " x " + numClasses + ", got " + weights.length + " values");
        }
        int[] counts = new int[numClasses];
        double[] normSums = new double[numClasses];
        double[][] sums = new double[numClasses][d];
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            counts[c]++;
            double sq = 0;
            for (int k = 0; k < d; k++) {
                float v = features[i * d + k];
                sq += v * v;
                sums[c][k] += v;
            }
            normSums[c] += Math.sqrt(sq);
        }
        double[] meanNorms = new double[numClasses];
        double[] weightNorms = new double[numClasses];
        double[] angles = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            meanNorms[c] = counts[c] == 0 ? Double.NaN : normSums[c] / counts[c];
            double dot = 0;
            double ww = 0;
            double mm = 0;
            for (int k = 0; k < d; k++) {
                double w = weights[k * numClasses + c];
                dot += w * sums[c][k];
                ww += w * w;
                mm += sums[c][k] * sums[c][k];
            }
            weightNorms[c] = Math.sqrt(ww);
            double cos = dot / Math.sqrt(ww * mm);
            angles[c] = counts[c] == 0 ? Double.NaN : Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
        }
        double[] b = null;
        if (bias != null) {
            b = new double[numClasses];
            for (int c = 0; c < numClasses; c++) {
                b[c] = bias[c];
            }
        }
        return new ClassGeometry(counts, meanNorms, weightNorms, angles, b);
    }

    /** One row per class, for display. */
    public Table table(String title) {
        int classes = counts.length;
        Table t = Table.create(title,
                IntColumn.create("class", java.util.stream.IntStream.range(0, classes).toArray()),
                IntColumn.create("images", counts),
                DoubleColumn.create("mean ||x||", rounded(meanFeatureNorms)),
                DoubleColumn.create("||W_j||", rounded(weightNorms)),
                DoubleColumn.create("angle(W_j, class mean) deg", rounded(centreAngleDegrees)));
        if (bias != null) {
            t.addColumns(DoubleColumn.create("bias b_j", rounded(bias)));
        }
        return t;
    }

    private static double[] rounded(double[] v) {
        return java.util.Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray();
    }
}
