package org.softmaxzoo.eval;

import java.util.SplittableRandom;

/** A fixed, seeded sample of same-class and different-class pairs of items. */
public final class PairSampler {

    /** Index pairs and whether each pair shares a label. */
    public record Pairs(int[] first, int[] second, boolean[] same) {
    }

    private PairSampler() {
    }

    /** {@code perKind} same-label pairs and as many different-label pairs (distinct items in each pair). */
    public static Pairs sample(int[] labels, int perKind, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] a = new int[2 * perKind];
        int[] b = new int[2 * perKind];
        boolean[] same = new boolean[2 * perKind];
        int sameCount = 0;
        int differentCount = 0;
        int guard = 0;
        while (sameCount < perKind || differentCount < perKind) {
            if (++guard > 1000L * perKind + 100_000) {
                throw new IllegalArgumentException("cannot sample " + perKind + " pairs of each kind from these labels");
            }
            int i = random.nextInt(labels.length);
            int j = random.nextInt(labels.length);
            if (i == j) {
                continue;
            }
            boolean s = labels[i] == labels[j];
            if (s && sameCount < perKind || !s && differentCount < perKind) {
                int k = sameCount + differentCount;
                a[k] = i;
                b[k] = j;
                same[k] = s;
                if (s) {
                    sameCount++;
                } else {
                    differentCount++;
                }
            }
        }
        return new Pairs(a, b, same);
    }

    /** Cosine similarity of each pair of d-dimensional features (row-major). */
    public static double[] cosineScores(float[] features, int dim, Pairs pairs) {
        double[] scores = new double[pairs.same().length];
        for (int k = 0; k < scores.length; k++) {
            int i = pairs.first()[k] * dim;
            int j = pairs.second()[k] * dim;
            double dot = 0;
            double ni = 0;
            double nj = 0;
            for (int c = 0; c < dim; c++) {
                dot += (double) features[i + c] * features[j + c];
                ni += (double) features[i + c] * features[i + c];
                nj += (double) features[j + c] * features[j + c];
            }
            scores[k] = dot / Math.max(Math.sqrt(ni * nj), 1e-12);
        }
        return scores;
    }
}
