package org.softmaxzoo.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Verification metrics of pair scores (higher = more alike) against ground truth (same identity or
 * not): the ROC curve, its area, the equal error rate and the true-accept rate at a false-accept rate.
 */
public final class Verification {

    /**
     * Points of the ROC curve at every distinct threshold, from accepting nothing to accepting all:
     * far[i] false-accept rate, tar[i] true-accept rate.
     */
    public record Roc(double[] far, double[] tar, double[] thresholds, double auc) {

        /** The highest TAR whose FAR does not exceed {@code maxFar}. */
        public double tarAtFar(double maxFar) {
            double best = 0;
            for (int i = 0; i < far.length; i++) {
                if (far[i] <= maxFar) {
                    best = Math.max(best, tar[i]);
                }
            }
            return best;
        }

        /** Equal error rate: where FAR = 1 - TAR, linearly interpolated between the ROC points around it. */
        public double equalErrorRate() {
            for (int i = 1; i < far.length; i++) {
                double prev = far[i - 1] - (1 - tar[i - 1]);
                double cur = far[i] - (1 - tar[i]);
                if (prev <= 0 && cur >= 0) {
                    double t = cur == prev ? 0 : -prev / (cur - prev);
                    return far[i - 1] + t * (far[i] - far[i - 1]);
                }
            }
            return Double.NaN;
        }
    }

    private Verification() {
    }

    public static Roc roc(double[] scores, boolean[] same) {
        int positives = 0;
        for (boolean s : same) {
            positives += s ? 1 : 0;
        }
        int negatives = same.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC needs both same and different pairs");
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int n = scores.length;
        double[] far = new double[n + 1];
        double[] tar = new double[n + 1];
        double[] thresholds = new double[n + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        int tp = 0;
        int fp = 0;
        long twiceArea = 0; // in units of 1 / (positives * negatives), kept integral so the area is exact
        for (int i = 0; i < n; ) {
            int j = i;
            int tiedTp = 0;
            int tiedFp = 0;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (same[order[j]]) {
                    tiedTp++;
                } else {
                    tiedFp++;
                }
                j++;
            }
            // Area of this step (a trapezoid across ties counts them half).
            twiceArea += (long) tiedFp * (2L * tp + tiedTp);
            tp += tiedTp;
            fp += tiedFp;
            far[points] = (double) fp / negatives;
            tar[points] = (double) tp / positives;
            thresholds[points] = scores[order[i]];
            points++;
            i = j;
        }
        return new Roc(Arrays.copyOf(far, points), Arrays.copyOf(tar, points), Arrays.copyOf(thresholds, points),
                twiceArea / (2.0 * positives * negatives));
    }
}
