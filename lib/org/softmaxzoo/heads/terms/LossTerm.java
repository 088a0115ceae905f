package org.softmaxzoo.heads.terms;

import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.HeadInput;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A term added to a head's loss: ring loss, center loss, the UP term, range loss. */
public sealed interface LossTerm extends Term permits RingLoss, CenterLoss, UpNorm, RangeLoss {
    /** The scalar term on the batch's (unwhitened) features. */
    Operand<TFloat32> loss(Ops tf, HeadInput in, Parameters params);

    @Override
    default void joinTo(CompositeHead.Builder composite) {
        composite.add(this);
    }
}
