package org.softmaxzoo.eval;

import java.util.stream.IntStream;

/**
 * How compact each class's features are in plain Euclidean distance, the geometry that center loss and
 * range loss act on (where {@link ClassGeometry} measures angles): the mean distance of a class's
 * features to their class mean, and the distance from that mean to the nearest other class's mean. Their
 * ratio does not depend on the features' overall scale, so runs whose features have different norms can
 * be compared by it. A class without features has NaN for both; with a single class present the nearest
 * other mean is NaN.
 *
 * @param meanDistanceToMean   for each class, mean over its features of ||x - xbar_c||
 * @param nearestMeanDistance  for each class, min over other classes q with features of ||xbar_c - xbar_q||
 */
public record ClassSpread(double[] meanDistanceToMean, double[] nearestMeanDistance) {

    /**
     * @param features n x d, row-major (n = labels.length)
     * @param labels   class of each row, in [0, numClasses)
     */
    public static ClassSpread of(float[] features, int[] labels, int numClasses) {
        int n = labels.length;
        if (n == 0 || features.length % n != 0) {
            throw new IllegalArgumentException("features must be n x d for n = " + labels.length + " labels, got " + features.length + " values");
        }
        int d = features.length / n;
        int[] counts = new int[numClasses];
        double[][] means = new double[numClasses][d];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside 0.." + (numClasses - 1));
            }
            counts[labels[i]]++;
            for (int k = 0; k < d; k++) {
                means[labels[i]][k] += features[i * d + k];
            }
        }
        for (int c = 0; c < numClasses; c++) {
            for (int k = 0; k < d; k++) {
                means[c][k] /= counts[c];
            }
        }
        double[] spread = new double[numClasses];
        for (int i = 0; i < n; i++) {
            spread[labels[i]] += distance(features, i * d, means[labels[i]]);
        }
        double[] nearest = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            spread[c] = counts[c] == 0 ? Double.NaN : spread[c] / counts[c];
            nearest[c] = Double.NaN;
            for (int q = 0; q < numClasses && counts[c] > 0; q++) {
                if (q != c && counts[q] > 0) {
                    double dist = distance(means[c], means[q]);
                    nearest[c] = Double.isNaN(nearest[c]) ? dist : Math.min(nearest[c], dist);
                }
            }
        }
        return new ClassSpread(spread, nearest);
    }

    /** Mean distance to the class mean over the nearest other class mean: scale-free compactness (smaller is tighter). */
    public double relativeSpread(int c) {
        return meanDistanceToMean[c] / nearestMeanDistance[c];
    }

    /** The mean of {@link #relativeSpread} over the classes that have one (classes without features are left out). */
    public double meanRelativeSpread() {
        return IntStream.range(0, meanDistanceToMean.length).mapToDouble(this::relativeSpread)
                .filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static double distance(float[] rows, int offset, double[] mean) {
        double sq = 0;
        for (int k = 0; k < mean.length; k++) {
            double v = rows[offset + k] - mean[k];
            sq += v * v;
        }
        return Math.sqrt(sq);
    }

    private static double distance(double[] a, double[] b) {
        double sq = 0;
        for (int k = 0; k < a.length; k++) {
            sq += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(sq);
    }
}
