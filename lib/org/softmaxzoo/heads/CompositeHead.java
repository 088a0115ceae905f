package org.softmaxzoo.heads;

import java.util.List;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A head with combinable terms: optional feature whitening in front of it and regularizers added to
 * its loss. With whitening, the loss sees batch-whitened features and prediction the running-whitened
 * ones (the head is built twice on the same weights).
 */
public final class CompositeHead implements LossHead {
    private final LossHead head;
    private final Whitening whitening;
    private final List<Regularizer> regularizers;

    public CompositeHead(LossHead head, Whitening whitening, List<Regularizer> regularizers) {
        this.head = head;
        this.whitening = whitening;
        this.regularizers = List.copyOf(regularizers);
    }

    @Override
    public HeadOutput build(Ops tf, HeadInput in, Parameters params) {
        HeadOutput trained;
        HeadOutput predicted;
        if (whitening == null) {
            trained = head.build(tf, in, params);
            predicted = trained;
        } else {
            trained = head.build(tf, withFeatures(in, whitening.train(tf, in.features(), in.featureDim(), params)), params);
            Parameters noUpdates = params.withoutUpdates();
            predicted = head.build(tf, withFeatures(in, whitening.test(tf, in.features(), in.featureDim(), noUpdates)), noUpdates);
        }
        Operand<TFloat32> loss = trained.loss();
        for (Regularizer r : regularizers) {
            loss = tf.math.add(loss, r.loss(tf, in, params));
        }
        return new HeadOutput(predicted.logits(), trained.lossLogits(), loss);
    }

    private static HeadInput withFeatures(HeadInput in, Operand<TFloat32> features) {
        return new HeadInput(features, in.labels(), in.oneHot(), in.numClasses(), in.featureDim());
    }

    @Override
    public String spec() {
        StringBuilder sb = new StringBuilder(head.spec());
        if (whitening != null) {
            sb.append('+').append(whitening.spec());
        }
        regularizers.forEach(r -> sb.append('+').append(r.spec()));
        return sb.toString();
    }
}
