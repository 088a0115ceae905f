package org.softmaxzoo.heads.core;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Something a head does between epochs rather than at every step: Sub-center ArcFace's dropping of
 * non-dominant sub-centres looks at the whole training set once. The trainer calls it after each
 * epoch's training pass, before the epoch is evaluated and its checkpoint written, so whatever state
 * it sets is in that checkpoint and a resumed run starts from it.
 */
@FunctionalInterface
public interface EpochHook {

    /** What a hook may read and change: per-sample values of the head's graph and the head's state variables. */
    interface Context {
        /** A per-sample operand of the head that depends on the images only (N x cols) over the training set, row-major in its order. */
        float[] overTrainingSet(Operand<TFloat32> perSample);

        /** The training set's labels, in the same order. */
        int[] trainingLabels();

        /** Sets a non-trainable state variable (created through {@code Parameters.state}) to these values. */
        void assign(String state, float[] values);
    }

    /** Called after the training pass of {@code epoch} (counted from 1). */
    void afterEpoch(int epoch, Context context);
}
