package org.softmaxzoo.heads.core;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a head builds: the logits used for prediction (N x C), the logits the cross-entropy sees
 * (for margin heads, with the margin applied to the label's column; otherwise the same), and the
 * scalar training loss of the batch, and what the head does between epochs (usually nothing).
 */
public record HeadOutput(Operand<TFloat32> logits, Operand<TFloat32> lossLogits, Operand<TFloat32> loss, List<EpochHook> epochHooks) {

    public HeadOutput {
        epochHooks = List.copyOf(epochHooks);
    }

    /** A head that does nothing between epochs. */
    public HeadOutput(Operand<TFloat32> logits, Operand<TFloat32> lossLogits, Operand<TFloat32> loss) {
        this(logits, lossLogits, loss, List.of());
    }

    /** A head without a margin: the cross-entropy sees the prediction logits. */
    public static HeadOutput plain(Operand<TFloat32> logits, Operand<TFloat32> loss) {
        return new HeadOutput(logits, logits, loss);
    }
}
