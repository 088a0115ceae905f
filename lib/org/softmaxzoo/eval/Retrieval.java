package org.softmaxzoo.eval;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Retrieval metrics of embeddings as pytorch-metric-learning's {@code AccuracyCalculator} defines them,
 * with the set as both query and reference: each item queries all the others, ranked by cosine
 * similarity (computed in float, as there). For a query of label y, R is the number of other items
 * labelled y, and over its R nearest neighbours:
 * <ul>
 * <li>precision@1: 1 if the nearest neighbour has label y;</li>
 * <li>R-precision: (relevant items among the first R) / R;</li>
 * <li>MAP@R: (1/R) sum_{i=1..R} P(i) rel(i), P(i) the precision of the first i neighbours.</li>
 * </ul>
 * Each is averaged over queries. As there, a query whose label has no other item (R = 0) is left out of
 * all three averages (it still appears as a neighbour of the others), and all three are NaN when every
 * query is such a lone one. The query is removed by index, so an exact duplicate of it still counts as
 * a neighbour. Ties in similarity go to the lower index first; pytorch-metric-learning leaves their
 * order to its k-nn backend.
 *
 * <p>Blockwise: similarities of a block of queries to all items at a time, so memory grows with n,
 * never n^2; each query's row is reduced to its R nearest by selection, then only those R are sorted.
 *
 * @param queries     queries averaged over (those with R >= 1)
 * @param loneQueries queries left out because no other item shares their label
 */
public record Retrieval(double precisionAt1, double rPrecision, double mapAtR, int queries, int loneQueries) {
    /** Queries whose similarity rows are computed together (BLOCK x n floats per thread). */
    private static final int BLOCK = 32;

    /** Per-query values, for averaging in a fixed order. */
    private record QueryScore(boolean lone, double precisionAt1, double rPrecision, double averagePrecision) {
    }

    /**
     * @param features n x dim, row-major
     * @param labels   n labels (any non-negative ints)
     */
    public static Retrieval of(float[] features, int dim, int[] labels) {
        int n = labels.length;
        if (dim < 1 || features.length != (long) n * dim) {
            throw new IllegalArgumentException("features must be n x dim = " + n + " x " + dim + ", got " + features.length + " values");
        }
        float[] unit = unitRows(features, dim, n);
        int[] others = otherItemsWithLabel(labels);
        QueryScore[] scores = new QueryScore[n];
        ThreadLocal<float[]> similarities = ThreadLocal.withInitial(() -> new float[BLOCK * n]);
        ThreadLocal<long[]> keys = ThreadLocal.withInitial(() -> new long[Math.max(n - 1, 1)]);
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
            int from = b * BLOCK;
            int to = Math.min(n, from + BLOCK);
            float[] sim = similarities.get();
            // Reference-major: each reference row is read once per block of queries, while it sits in cache.
            for (int j = 0; j < n; j++) {
                for (int q = from; q < to; q++) {
                    sim[(q - from) * n + j] = NearestNeighbours.dot(unit, q * dim, unit, j * dim, dim);
                }
            }
            for (int q = from; q < to; q++) {
                scores[q] = score(q, sim, (q - from) * n, labels, others[q], keys.get());
            }
        });
        double p1 = 0;
        double rp = 0;
        double ap = 0;
        int counted = 0;
        for (QueryScore s : scores) {
            if (!s.lone()) {
                p1 += s.precisionAt1();
                rp += s.rPrecision();
                ap += s.averagePrecision();
                counted++;
            }
        }
        if (counted == 0) {
            return new Retrieval(Double.NaN, Double.NaN, Double.NaN, 0, n);
        }
        return new Retrieval(p1 / counted, rp / counted, ap / counted, counted, n - counted);
    }

    /** Query q's score from its similarities to every item, {@code sim[offset + j]}. */
    private static QueryScore score(int q, float[] sim, int offset, int[] labels, int r, long[] keys) {
        if (r == 0) {
            return new QueryScore(true, 0, 0, 0);
        }
        int m = 0;
        for (int j = 0; j < labels.length; j++) {
            if (j != q) {
                keys[m++] = rankKey(sim[offset + j], j);
            }
        }
        selectSmallest(keys, m, r);
        Arrays.sort(keys, 0, r);
        int hits = 0;
        double precisionSum = 0;
        for (int i = 0; i < r; i++) {
            if (labels[(int) keys[i]] == labels[q]) {
                hits++;
                precisionSum += (double) hits / (i + 1);
            }
        }
        boolean firstRelevant = labels[(int) keys[0]] == labels[q];
        return new QueryScore(false, firstRelevant ? 1 : 0, (double) hits / r, precisionSum / r);
    }

    /**
     * A long whose ascending order is descending similarity, then ascending index: the similarity's
     * float bits made order-preserving as a signed int and complemented, above the index.
     */
    static long rankKey(float similarity, int index) {
        int bits = Float.floatToIntBits(similarity + 0.0f); // + 0.0f turns -0.0 into 0.0
        int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~ascending << 32) | index;
    }

    /** Rearranges a[0, len) so that its k smallest values come first, in any order (quickselect). */
    static void selectSmallest(long[] a, int len, int k) {
        int lo = 0;
        int hi = len - 1;
        while (lo < hi) {
            long pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            // Now a[lo..j] <= pivot <= a[i..hi]; whatever lies between equals the pivot and is in place.
            if (k - 1 <= j) {
                hi = j;
            } else if (k - 1 >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** For each item, how many other items share its label. */
    private static int[] otherItemsWithLabel(int[] labels) {
        int max = Arrays.stream(labels).max().orElse(0);
        if (Arrays.stream(labels).anyMatch(l -> l < 0)) {
            throw new IllegalArgumentException("labels must be non-negative");
        }
        int[] counts = new int[max + 1];
        for (int l : labels) {
            counts[l]++;
        }
        return Arrays.stream(labels).map(l -> counts[l] - 1).toArray();
    }

    /** Rows scaled to unit length, in float for the n^2 dot products (a zero row stays zero: its cosine with anything is 0). */
    static float[] unitRows(float[] features, int dim, int n) {
        double[] exact = unitRowsExact(features, dim, n);
        float[] unit = new float[exact.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (float) exact[i];
        }
        return unit;
    }

    /** Rows scaled to unit length, in double. */
    static double[] unitRowsExact(float[] features, int dim, int n) {
        double[] unit = new double[n * dim];
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int k = 0; k < dim; k++) {
                sq += (double) features[i * dim + k] * features[i * dim + k];
            }
            double inv = 1 / Math.max(Math.sqrt(sq), 1e-12);
            for (int k = 0; k < dim; k++) {
                unit[i * dim + k] = features[i * dim + k] * inv;
            }
        }
        return unit;
    }
}
