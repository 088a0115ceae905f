package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A term added to a head's loss ({@code head+term(...)} in a spec): ring loss, center loss, the UP term. */
public interface Regularizer {
    /** The scalar term on the batch's (unwhitened) features. */
    Operand<TFloat32> loss(Ops tf, HeadInput in, Parameters params);

    String spec();
}
