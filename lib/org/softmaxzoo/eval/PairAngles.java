package org.softmaxzoo.eval;

import java.util.stream.IntStream;

/**
 * Angles between the features of every pair of distinct items, split into positive pairs (same label)
 * and negative pairs (different labels): histograms in 1-degree bins from 0 to 180 and the mean angle
 * of each kind. Every pair counts once; a margin head should push the two histograms apart. Cosines are
 * taken in float, as for retrieval: an angle near 0 is off by up to about 0.003 degrees.
 *
 * @param positiveCounts positive pairs per bin: bin b holds angles in [b, b + 1) degrees (the last one
 *                       also holds 180)
 * @param negativeCounts negative pairs per bin
 */
public record PairAngles(long[] positiveCounts, long[] negativeCounts, double meanPositiveDegrees,
                         double meanNegativeDegrees) {
    /** Histogram bins, one per degree. */
    public static final int BINS = 180;
    private static final int BLOCK = 32;

    /** Counts and angle sums of one block of first items. */
    private record Partial(long[] positive, long[] negative, double positiveSum, double negativeSum) {
    }

    /** @param features n x dim, row-major */
    public static PairAngles of(float[] features, int dim, int[] labels) {
        int n = labels.length;
        if (dim < 1 || features.length != (long) n * dim) {
            throw new IllegalArgumentException("features must be n x dim = " + n + " x " + dim + ", got " + features.length + " values");
        }
        float[] unit = Retrieval.unitRows(features, dim, n);
        Partial[] parts = IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel()
                .mapToObj(b -> block(unit, dim, labels, b * BLOCK, Math.min(n, (b + 1) * BLOCK))).toArray(Partial[]::new);
        long[] positive = new long[BINS];
        long[] negative = new long[BINS];
        double positiveSum = 0;
        double negativeSum = 0;
        for (Partial p : parts) { // in block order, so that the sums do not depend on the threads
            for (int k = 0; k < BINS; k++) {
                positive[k] += p.positive()[k];
                negative[k] += p.negative()[k];
            }
            positiveSum += p.positiveSum();
            negativeSum += p.negativeSum();
        }
        long positives = java.util.Arrays.stream(positive).sum();
        long negatives = java.util.Arrays.stream(negative).sum();
        return new PairAngles(positive, negative, positives == 0 ? Double.NaN : positiveSum / positives,
                negatives == 0 ? Double.NaN : negativeSum / negatives);
    }

    /** Pairs (i, j) with i in [from, to) and j > i. */
    private static Partial block(float[] unit, int dim, int[] labels, int from, int to) {
        long[] positive = new long[BINS];
        long[] negative = new long[BINS];
        double positiveSum = 0;
        double negativeSum = 0;
        for (int j = from + 1; j < labels.length; j++) {
            for (int i = from; i < Math.min(to, j); i++) {
                double angle = acosDegrees(NearestNeighbours.dot(unit, i * dim, unit, j * dim, dim));
                int bin = Math.min(BINS - 1, (int) angle);
                if (labels[i] == labels[j]) {
                    positive[bin]++;
                    positiveSum += angle;
                } else {
                    negative[bin]++;
                    negativeSum += angle;
                }
            }
        }
        return new Partial(positive, negative, positiveSum, negativeSum);
    }

    /**
     * acos in degrees by Abramowitz and Stegun 4.4.46 (|error| <= 2e-8 rad, about 1e-6 degrees, far below
     * the float cosine's own error): about ten times faster than Math.acos, which dominated the time of
     * the n^2/2 pairs. The cosine is clamped to [-1, 1].
     */
    static double acosDegrees(double cos) {
        double x = Math.min(1, Math.abs(cos));
        double p = -0.0012624911;
        p = p * x + 0.0066700901;
        p = p * x - 0.0170881256;
        p = p * x + 0.0308918810;
        p = p * x - 0.0501743046;
        p = p * x + 0.0889789874;
        p = p * x - 0.2145988016;
        p = p * x + 1.5707963050;
        double radians = Math.sqrt(1 - x) * p;
        return Math.toDegrees(cos < 0 ? Math.PI - radians : radians);
    }
}
