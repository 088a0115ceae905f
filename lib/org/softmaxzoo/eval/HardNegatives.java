package org.softmaxzoo.eval;

import java.util.Locale;

/**
 * Where a CurricularFace run's (feature, other class) pairs fall under its hard-negative rule
 * ({@code heads/catalog/CurricularFace}): a negative j of a feature of class y is hard when cos theta_j >
 * cos(theta_y + m) as written (no fallback, as the head decides it). A hard negative's logit
 * cos theta_j (t + cos theta_j) is smallest at cos theta_j = -t/2, so the loss pushes a hard negative away
 * from the feature only while it is closer than that and pulls it back when it is farther.
 *
 * @param pairs       (feature, other class) pairs, n (C - 1)
 * @param hard        those that are hard negatives
 * @param pastMinimum hard negatives with cos theta_j below -t/2 (pulled towards the feature)
 * @param acute       hard negatives with cos theta_j above 0 (within 90 degrees of the feature)
 */
public record HardNegatives(long pairs, long hard, long pastMinimum, long acute) {

    /**
     * @param cosines n x C cosines of features to class weights, row-major ({@link Predictions#cosines})
     * @param m       the head's angular margin, radians
     * @param t       the head's moving average of cos theta_y at the end of training
     */
    public static HardNegatives of(float[] cosines, int[] labels, int classes, double m, double t) {
        long pairs = 0;
        long hard = 0;
        long pastMinimum = 0;
        long acute = 0;
        for (int i = 0; i < labels.length; i++) {
            double cosY = Math.max(-1, Math.min(1, cosines[i * classes + labels[i]]));
            double target = Math.cos(Math.acos(cosY) + m);
            for (int j = 0; j < classes; j++) {
                if (j == labels[i]) {
                    continue;
                }
                pairs++;
                double c = cosines[i * classes + j];
                if (c > target) {
                    hard++;
                    pastMinimum += c < -t / 2 ? 1 : 0;
                    acute += c > 0 ? 1 : 0;
                }
            }
        }
        return new HardNegatives(pairs, hard, pastMinimum, acute);
    }

    @Override
    public String toString() {
        if (hard == 0) {
            return pairs + " (feature, other class) pairs, no hard negatives";
        }
        return String.format(Locale.ROOT, "%d (feature, other class) pairs: %.1f%% hard negatives; of these %.1f%% past cos = -t/2 "
                + "(pulled towards the feature), %.1f%% within 90 degrees of it", pairs, 100.0 * hard / pairs,
                100.0 * pastMinimum / hard, 100.0 * acute / hard);
    }
}
