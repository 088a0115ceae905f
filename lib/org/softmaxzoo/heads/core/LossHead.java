package org.softmaxzoo.heads.core;

import java.util.Optional;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.margins.TargetTransform;
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

    /**
     * How the label's cosine becomes the value the cross-entropy sees, for heads whose logits are a
     * radius times a transformed cosine ({@link TargetTransform#NONE} for plain ones); empty for heads
     * whose training logits are not a function of the angle (such as softmax at a temperature).
     */
    default Optional<TargetTransform> target() {
        return Optional.empty();
    }
}
