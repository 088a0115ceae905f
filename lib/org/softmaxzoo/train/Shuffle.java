package org.softmaxzoo.train;

import java.util.SplittableRandom;

/** The order of the training images in an epoch: a permutation fixed by (seed, epoch), so a resumed run sees the same order. */
public final class Shuffle {
    private Shuffle() {
    }

    public static int[] permutation(int n, long seed, int epoch) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
