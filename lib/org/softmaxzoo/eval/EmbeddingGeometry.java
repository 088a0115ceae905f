package org.softmaxzoo.eval;

import java.util.Arrays;

/**
 * Geometry diagnostics of one set of embeddings and, when they have them, their classes' weights: the
 * per-class measurements ({@link ClassGeometry}), the angles of positive and negative pairs
 * ({@link PairAngles}) and every feature's norm.
 *
 * @param featureNorms ||x|| of each item, in item order
 */
public record EmbeddingGeometry(ClassGeometry classes, PairAngles pairs, double[] featureNorms) {

    /**
     * @param features n x dim, row-major
     * @param weights  dim x numClasses, row-major, or null for classes that have no weights
     */
    public static EmbeddingGeometry of(float[] features, int dim, int[] labels, float[] weights, int numClasses) {
        return new EmbeddingGeometry(ClassGeometry.of(features, labels, weights, null, numClasses),
                PairAngles.of(features, dim, labels), norms(features, dim));
    }

    /** ||x|| of each row of n x dim features (row-major). */
    public static double[] norms(float[] features, int dim) {
        double[] norms = new double[features.length / dim];
        for (int i = 0; i < norms.length; i++) {
            double sq = 0;
            for (int k = 0; k < dim; k++) {
                sq += (double) features[i * dim + k] * features[i * dim + k];
            }
            norms[i] = Math.sqrt(sq);
        }
        return norms;
    }

    /** The mean feature norm (NaN without features). */
    public double meanNorm() {
        return Arrays.stream(featureNorms).average().orElse(Double.NaN);
    }

    /** The few numbers that go into a results table. */
    public Summary summary() {
        double mean = meanNorm();
        double variance = Arrays.stream(featureNorms).map(n -> (n - mean) * (n - mean)).average().orElse(Double.NaN);
        return new Summary(classes.minWeightAngleDegrees(), classes.meanSpreadDegrees(), pairs.meanPositiveDegrees(),
                pairs.meanNegativeDegrees(), mean, Math.sqrt(variance) / mean);
    }

    /**
     * A run's geometry in six numbers: four angles in degrees and the feature norms' mean and relative spread
     * (NaN where not measured, e.g. in a metrics file written before they existed).
     *
     * @param minWeightAngle      smallest angle between two class weights
     * @param meanSpread          mean angle of a feature to its class's mean direction
     * @param meanPositivePair    mean angle between two features of the same class
     * @param meanNegativePair    mean angle between two features of different classes
     * @param meanNorm            mean feature norm ||x||
     * @param normCv              the norms' coefficient of variation (population standard deviation / mean): scale-free,
     *                            so heads whose features have different sizes compare; 0 for features of one norm
     */
    public record Summary(double minWeightAngle, double meanSpread, double meanPositivePair, double meanNegativePair,
                          double meanNorm, double normCv) {
        public static final Summary MISSING = new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
