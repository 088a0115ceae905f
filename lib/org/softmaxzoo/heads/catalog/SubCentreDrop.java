package org.softmaxzoo.heads.catalog;

import org.softmaxzoo.heads.core.EpochHook;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Sub-center ArcFace's drop of non-dominant sub-centres, once, after a given epoch: every training sample
 * votes for the sub-centre of its own class it is nearest to (the largest cosine), the sub-centre with the
 * most votes is the class's dominant one, and the class's other sub-centres are masked out of the max for
 * the rest of the run. Ties go to the lower sub-centre index; a class without a training sample has
 * nothing to decide on and keeps all its sub-centres.
 */
public final class SubCentreDrop implements EpochHook {
    private final Operand<TFloat32> subCentreCosines;
    private final String mask;
    private final int classes;
    private final int k;
    private final int epoch;

    /**
     * @param subCentreCosines the cosine of each row to each sub-centre, N x KC (column k C + c), before any mask
     * @param mask the state variable (KC values, 1 kept, 0 dropped) the head multiplies those cosines by
     * @param epoch the epoch after which the drop happens (counted from 1)
     */
    public SubCentreDrop(Operand<TFloat32> subCentreCosines, String mask, int classes, int k, int epoch) {
        this.subCentreCosines = subCentreCosines;
        this.mask = mask;
        this.classes = classes;
        this.k = k;
        this.epoch = epoch;
    }

    @Override
    public void afterEpoch(int epoch, Context context) {
        if (epoch == this.epoch) {
            int[] dominant = dominant(context.overTrainingSet(subCentreCosines), context.trainingLabels(), classes, k);
            context.assign(mask, mask(dominant, classes, k));
        }
    }

    /**
     * Each class's dominant sub-centre (0..K-1), or -1 for a class without a sample.
     *
     * @param cosines N x KC, row-major, column k C + c the cosine to sub-centre k of class c
     */
    public static int[] dominant(float[] cosines, int[] labels, int classes, int k) {
        int[][] votes = votes(cosines, labels, classes, k);
        int[] out = new int[classes];
        for (int c = 0; c < classes; c++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                best = votes[c][j] > votes[c][best] ? j : best;
            }
            out[c] = votes[c][best] == 0 ? -1 : best;
        }
        return out;
    }

    /**
     * The votes: for each class c and sub-centre j, how many samples of class c are nearest to sub-centre j of
     * their class (the largest cosine; ties to the lower index).
     *
     * @param cosines N x KC, row-major, column k C + c the cosine to sub-centre k of class c
     */
    public static int[][] votes(float[] cosines, int[] labels, int classes, int k) {
        int columns = k * classes;
        if (cosines.length != (long) labels.length * columns) {
            throw new IllegalArgumentException(cosines.length + " cosines for " + labels.length + " samples and " + columns + " sub-centres");
        }
        int[][] votes = new int[classes][k];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            int nearest = 0;
            for (int j = 1; j < k; j++) {
                if (cosines[i * columns + j * classes + c] > cosines[i * columns + nearest * classes + c]) {
                    nearest = j;
                }
            }
            votes[c][nearest]++;
        }
        return votes;
    }

    /** The KC mask values: 1 at each class's dominant sub-centre (at all of a class with none, -1), 0 elsewhere. */
    public static float[] mask(int[] dominant, int classes, int k) {
        float[] out = new float[k * classes];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < k; j++) {
                out[j * classes + c] = dominant[c] < 0 || dominant[c] == j ? 1 : 0;
            }
        }
        return out;
    }
}
