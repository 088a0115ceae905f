package org.softmaxzoo.eval;

/**
 * Two ways to read a class off a feature: by the logits W_j . x + b_j (what a softmax head predicts)
 * or by the angle alone, the class weight pointing closest to the feature. Where they disagree, the
 * weight norms and biases decided.
 */
public final class Predictions {
    private Predictions() {
    }

    /** arg max_j W_j . x + b_j for each feature; {@code bias} may be null. Features n x d, weights d x C. */
    public static int[] byLogits(float[] features, float[] weights, float[] bias, int numClasses) {
        return argMax(features, weights, bias, numClasses, false);
    }

    /** arg max_j cos(W_j, x) for each feature. */
    public static int[] byAngle(float[] features, float[] weights, int numClasses) {
        return argMax(features, weights, null, numClasses, true);
    }

    /**
     * cos(x_i, W_j) of every feature to every column of W: n x columns, row-major (features n x d, weights
     * d x columns, row-major); 0 where a vector is zero.
     */
    public static float[] cosines(float[] features, float[] weights, int columns) {
        int d = weights.length / columns;
        double[] weightNorms = columnNorms(weights, columns);
        double[] featureNorms = EmbeddingGeometry.norms(features, d);
        float[] out = new float[featureNorms.length * columns];
        for (int i = 0; i < featureNorms.length; i++) {
            for (int j = 0; j < columns; j++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += (double) features[i * d + k] * weights[k * columns + j];
                }
                out[i * columns + j] = (float) (dot / Math.max(featureNorms[i] * weightNorms[j], 1e-12));
            }
        }
        return out;
    }

    /** ||W_j|| of each column of a d x columns weight matrix (row-major). */
    private static double[] columnNorms(float[] weights, int columns) {
        int d = weights.length / columns;
        double[] norms = new double[columns];
        for (int j = 0; j < columns; j++) {
            for (int k = 0; k < d; k++) {
                norms[j] += (double) weights[k * columns + j] * weights[k * columns + j];
            }
            norms[j] = Math.sqrt(norms[j]);
        }
        return norms;
    }

    /** Fraction of predictions equal to the labels. */
    public static double accuracy(int[] predicted, int[] labels) {
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            hits += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) hits / labels.length;
    }

    /** For each class, the fraction of its images predicted as that class (NaN for a class with no images). */
    public static double[] recallPerClass(int[] predicted, int[] labels, int numClasses) {
        double[] hits = new double[numClasses];
        double[] counts = new double[numClasses];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            hits[labels[i]] += predicted[i] == labels[i] ? 1 : 0;
        }
        for (int c = 0; c < numClasses; c++) {
            hits[c] = counts[c] == 0 ? Double.NaN : hits[c] / counts[c];
        }
        return hits;
    }

    /**
     * The mean of {@code values} (e.g. feature norms) over the correctly predicted items and over the wrongly
     * predicted ones: {correct, wrong}, NaN for a group with no items.
     */
    public static double[] meanByOutcome(double[] values, int[] predicted, int[] labels) {
        double[] sums = new double[2];
        int[] counts = new int[2];
        for (int i = 0; i < labels.length; i++) {
            int group = predicted[i] == labels[i] ? 0 : 1;
            sums[group] += values[i];
            counts[group]++;
        }
        return new double[] {counts[0] == 0 ? Double.NaN : sums[0] / counts[0], counts[1] == 0 ? Double.NaN : sums[1] / counts[1]};
    }

    /**
     * Counts [true label][predicted class] (labels in [0, labelClasses), predictions in [0, predictedClasses);
     * the two differ when features of unseen classes are assigned to the seen classes' weights).
     */
    public static int[][] confusion(int[] predicted, int[] labels, int labelClasses, int predictedClasses) {
        int[][] counts = new int[labelClasses][predictedClasses];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predicted[i]]++;
        }
        return counts;
    }

    /** Fraction of positions where two predictions agree. */
    public static double agreement(int[] a, int[] b) {
        return accuracy(a, b);
    }

    private static int[] argMax(float[] features, float[] weights, float[] bias, int numClasses, boolean cosine) {
        int d = weights.length / numClasses;
        int n = features.length / d;
        double[] norms = columnNorms(weights, numClasses);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < numClasses; j++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += (double) features[i * d + k] * weights[k * numClasses + j];
                }
                double score = (cosine ? dot / Math.max(norms[j], 1e-12) : dot) + (bias != null ? bias[j] : 0);
                if (score > best) {
                    best = score;
                    out[i] = j;
                }
            }
        }
        return out;
    }
}
