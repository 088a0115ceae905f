package org.softmaxzoo.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/** Spearman's rank correlation: the Pearson correlation of the ranks, ties sharing their average rank. */
public final class Spearman {
    private Spearman() {
    }

    public static double correlation(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("need two equally long series of at least 2 values");
        }
        return pearson(ranks(a), ranks(b));
    }

    /**
     * Two-sided permutation p-value of the correlation: the share of {@code shuffles} random pairings of {@code a}
     * with {@code b} (a seeded shuffle of b's ranks) whose correlation is at least as far from 0 as the observed one,
     * counting the observed pairing itself ((k + 1) / (shuffles + 1), never 0); NaN when a series is constant. Unlike the
     * t or normal approximation it needs no table and is exact in the limit for any number of values and ties.
     */
    public static double permutationPValue(double[] a, double[] b, int shuffles, long seed) {
        double observed = Math.abs(correlation(a, b));
        if (Double.isNaN(observed)) {
            return Double.NaN;
        }
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        Random random = new Random(seed);
        int asFar = 0;
        for (int s = 0; s < shuffles; s++) {
            for (int i = rb.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = rb[i];
                rb[i] = rb[j];
                rb[j] = t;
            }
            // A tolerance, so that a shuffle tying the observed value counts despite rounding.
            if (Math.abs(pearson(ra, rb)) >= observed - 1e-12) {
                asFar++;
            }
        }
        return (asFar + 1.0) / (shuffles + 1.0);
    }

    static double[] ranks(double[] v) {
        Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] rank = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = average;
            }
            i = j + 1;
        }
        return rank;
    }

    static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
