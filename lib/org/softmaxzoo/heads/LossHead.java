package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.op.Ops;

/**
 * A loss head: given a batch's features and labels, builds the prediction logits and the training
 * loss, creating its own parameters (class weights, bias, scale) through {@link Parameters}.
 * Parameter names start with {@code head/}; the class weight W is {@code head/weight}, d x C.
 */
public interface LossHead {
    String WEIGHT = "head/weight";
    String BIAS = "head/bias";
    String SCALE = "head/scale";

    HeadOutput build(Ops tf, HeadInput input, Parameters params);

    /** The canonical spec string that recreates this head. */
    String spec();
}
