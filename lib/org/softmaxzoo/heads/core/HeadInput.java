package org.softmaxzoo.heads.core;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * What a head sees of a batch: features (N x d), integer labels (N), the same labels one-hot
 * (N x C), the number of classes C and the feature dimension d.
 */
public record HeadInput(Operand<TFloat32> features, Operand<TInt32> labels, Operand<TFloat32> oneHot,
                        int numClasses, int featureDim) {
}
