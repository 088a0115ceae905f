package org.softmaxzoo.eval;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.softmaxzoo.data.ImageSet;

/**
 * k-nearest-neighbour classification on raw pixels (Euclidean distance, majority vote; a tied vote
 * goes to the class of the nearest neighbour among the tied ones). No training, no randomness: a
 * data-only baseline whose accuracy on a test set can be compared with published numbers, which
 * tells an easier test split apart from a better model.
 */
public final class NearestNeighbours {
    /** Test images compared with one training image while it sits in cache. */
    private static final int BLOCK = 32;

    private NearestNeighbours() {
    }

    /** For every test image, the indices of its {@code k} nearest training images, nearest first. */
    public static int[][] nearest(ImageSet train, ImageSet test, int k) {
        if (k < 1 || k > train.size()) {
            throw new IllegalArgumentException("k must be between 1 and the training set size " + train.size() + ", got " + k);
        }
        if (train.imageSize() != test.imageSize()) {
            throw new IllegalArgumentException("train and test images differ in size: " + train.imageSize() + " vs " + test.imageSize());
        }
        float[] trainNorms = squaredNorms(train);
        int[][] nearest = new int[test.size()][];
        int blocks = (test.size() + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> searchBlock(train, trainNorms, test, b * BLOCK,
                Math.min(test.size(), (b + 1) * BLOCK), k, nearest));
        return nearest;
    }

    /** Test accuracy of the vote among the first {@code k} of each image's nearest neighbours. */
    public static double accuracy(int[][] nearest, ImageSet train, ImageSet test, int k) {
        long correct = IntStream.range(0, test.size())
                .filter(i -> vote(Arrays.copyOf(nearest[i], k), train.labels(), train.numClasses()) == test.labels()[i]).count();
        return (double) correct / test.size();
    }

    private static void searchBlock(ImageSet train, float[] trainNorms, ImageSet test, int from, int to, int k, int[][] out) {
        int d = train.imageSize();
        int n = to - from;
        // Per test image: the k smallest distances so far (ascending) and their training indices.
        double[][] best = new double[n][k];
        int[][] index = new int[n][k];
        for (double[] row : best) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        float[] tp = test.pixels();
        float[] rp = train.pixels();
        double[] testNorms = new double[n];
        for (int t = 0; t < n; t++) {
            testNorms[t] = squaredNorm(tp, (from + t) * d, d);
        }
        for (int j = 0; j < train.size(); j++) {
            int jo = j * d;
            for (int t = 0; t < n; t++) {
                double dist = testNorms[t] + trainNorms[j] - 2.0 * dot(tp, (from + t) * d, rp, jo, d);
                if (dist < best[t][k - 1]) {
                    insert(best[t], index[t], dist, j);
                }
            }
        }
        for (int t = 0; t < n; t++) {
            out[from + t] = index[t];
        }
    }

    /** Puts (dist, j) into the ascending list, dropping its last entry. */
    private static void insert(double[] dist, int[] idx, double value, int j) {
        int pos = dist.length - 1;
        while (pos > 0 && dist[pos - 1] > value) {
            dist[pos] = dist[pos - 1];
            idx[pos] = idx[pos - 1];
            pos--;
        }
        dist[pos] = value;
        idx[pos] = j;
    }

    /** Majority class of the neighbours (nearest first); a tie goes to the tied class seen first. */
    static int vote(int[] neighboursNearestFirst, int[] labels, int numClasses) {
        int[] votes = new int[numClasses];
        int max = 0;
        for (int j : neighboursNearestFirst) {
            max = Math.max(max, ++votes[labels[j]]);
        }
        for (int j : neighboursNearestFirst) {
            if (votes[labels[j]] == max) {
                return labels[j];
            }
        }
        throw new IllegalStateException("no neighbours");
    }

    /** Dot product with four running sums (independent chains run side by side in the CPU). */
    static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int p = 0;
        for (; p + 3 < d; p += 4) {
            s0 += a[ao + p] * b[bo + p];
            s1 += a[ao + p + 1] * b[bo + p + 1];
            s2 += a[ao + p + 2] * b[bo + p + 2];
            s3 += a[ao + p + 3] * b[bo + p + 3];
        }
        for (; p < d; p++) {
            s0 += a[ao + p] * b[bo + p];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static float[] squaredNorms(ImageSet s) {
        float[] norms = new float[s.size()];
        for (int i = 0; i < s.size(); i++) {
            norms[i] = (float) squaredNorm(s.pixels(), i * s.imageSize(), s.imageSize());
        }
        return norms;
    }

    private static double squaredNorm(float[] px, int offset, int d) {
        double sum = 0;
        for (int p = 0; p < d; p++) {
            sum += (double) px[offset + p] * px[offset + p];
        }
        return sum;
    }
}
