package org.softmaxzoo.eval;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Per-class measurements of a trained head: how many test images, their mean feature norm, the class
 * weight's norm, the angle between the weight W_j and the class's mean feature (is the weight at the
 * centre of its petal?), and the bias when the head has one. This is what explains a softmax's
 * predictions beyond angles: long weights and large biases win regions of their own. Then the angular
 * geometry: how wide each class's cone of features is, and how close the nearest other class weight.
 * A class without images has NaN for its feature measurements; without weights (classes never
 * trained on), the weight measurements are NaN.
 *
 * @param centreAngleDegrees        angle between W_j and the mean feature of class j, in degrees
 * @param spreadDegrees             mean angle of class j's features to their mean direction (the mean of
 *                                  their unit vectors, so that long features do not pull it), in degrees
 * @param nearestWeightAngleDegrees angle between W_j and the nearest other class weight, in degrees
 * @param bias                      the class biases, or null for a head without bias
 */
public record ClassGeometry(int[] counts, double[] meanFeatureNorms, double[] weightNorms, double[] centreAngleDegrees,
                            double[] spreadDegrees, double[] nearestWeightAngleDegrees, double[] bias) {

    /**
     * @param features n x d, row-major
     * @param weights  d x C, row-major (one column per class), or null when the classes have none
     * @param bias     C values, or null
     */
    public static ClassGeometry of(float[] features, int[] labels, float[] weights, float[] bias, int numClasses) {
        int n = labels.length;
        if (n == 0 || features.length % n != 0) {
            throw new IllegalArgumentException("features must be n x d for n = " + n + " labels");
        }
        int d = features.length / n;
        if (weights != null && weights.length != d * numClasses) {
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
            for (int k = 0; k < d && weights != null; k++) {
                double w = weights[k * numClasses + c];
                dot += w * sums[c][k];
                ww += w * w;
                mm += sums[c][k] * sums[c][k];
            }
            weightNorms[c] = weights == null ? Double.NaN : Math.sqrt(ww);
            angles[c] = counts[c] == 0 || weights == null ? Double.NaN : degrees(dot / Math.sqrt(ww * mm));
        }
        double[] b = null;
        if (bias != null) {
            b = new double[numClasses];
            for (int c = 0; c < numClasses; c++) {
                b[c] = bias[c];
            }
        }
        return new ClassGeometry(counts, meanNorms, weightNorms, angles, spreads(features, labels, d, numClasses, counts),
                nearestWeightAngles(weights, d, numClasses), b);
    }

    /** The smallest angle between two class weights, in degrees (NaN without weights or with one class). */
    public double minWeightAngleDegrees() {
        return java.util.Arrays.stream(nearestWeightAngleDegrees).min().orElse(Double.NaN);
    }

    /** Mean angle of a feature to its class's mean direction, over all features (so weighted by class size). */
    public double meanSpreadDegrees() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                sum += counts[c] * spreadDegrees[c];
                n += counts[c];
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** In double precision: a float cosine near 1 would put a lone item some 0.002 degrees off itself. */
    private static double[] spreads(float[] features, int[] labels, int d, int numClasses, int[] counts) {
        int n = labels.length;
        double[] unit = Retrieval.unitRowsExact(features, d, n);
        double[][] direction = new double[numClasses][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                direction[labels[i]][k] += unit[i * d + k];
            }
        }
        double[] sums = new double[numClasses];
        for (int i = 0; i < n; i++) {
            double[] m = direction[labels[i]];
            double dot = 0;
            double mm = 0;
            for (int k = 0; k < d; k++) {
                dot += m[k] * unit[i * d + k];
                mm += m[k] * m[k];
            }
            sums[labels[i]] += degrees(dot / Math.max(Math.sqrt(mm), 1e-12));
        }
        double[] spread = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            spread[c] = counts[c] == 0 ? Double.NaN : sums[c] / counts[c];
        }
        return spread;
    }

    private static double[] nearestWeightAngles(float[] weights, int d, int numClasses) {
        double[] nearest = new double[numClasses];
        java.util.Arrays.fill(nearest, weights == null || numClasses < 2 ? Double.NaN : Double.POSITIVE_INFINITY);
        for (int a = 0; a < numClasses && weights != null; a++) {
            for (int b = a + 1; b < numClasses; b++) {
                double dot = 0;
                double aa = 0;
                double bb = 0;
                for (int k = 0; k < d; k++) {
                    double wa = weights[k * numClasses + a];
                    double wb = weights[k * numClasses + b];
                    dot += wa * wb;
                    aa += wa * wa;
                    bb += wb * wb;
                }
                double angle = degrees(dot / Math.max(Math.sqrt(aa * bb), 1e-24));
                nearest[a] = Math.min(nearest[a], angle);
                nearest[b] = Math.min(nearest[b], angle);
            }
        }
        return nearest;
    }

    /** acos in degrees, with the cosine clamped to [-1, 1] against rounding. */
    static double degrees(double cos) {
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    /** One row per class, for display. */
    public Table table(String title) {
        int classes = counts.length;
        Table t = Table.create(title,
                IntColumn.create("class", java.util.stream.IntStream.range(0, classes).toArray()),
                IntColumn.create("images", counts),
                DoubleColumn.create("mean ||x||", rounded(meanFeatureNorms)),
                DoubleColumn.create("||W_j||", rounded(weightNorms)),
                DoubleColumn.create("angle(W_j, class mean) deg", rounded(centreAngleDegrees)),
                DoubleColumn.create("spread deg", rounded(spreadDegrees)),
                DoubleColumn.create("nearest other W deg", rounded(nearestWeightAngleDegrees)));
        if (bias != null) {
            t.addColumns(DoubleColumn.create("bias b_j", rounded(bias)));
        }
        return t;
    }

    private static double[] rounded(double[] v) {
        return java.util.Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray();
    }
}
