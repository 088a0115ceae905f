package org.softmaxzoo.model;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Maps a batch of images (N x H x W x 1, values in [0, 1]) to features (N x d). */
public interface FeatureExtractor {
    Operand<TFloat32> features(Ops tf, Operand<TFloat32> images, Parameters params);

    int featureDim();
}
