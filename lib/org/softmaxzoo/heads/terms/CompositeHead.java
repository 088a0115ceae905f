package org.softmaxzoo.heads.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.HeadOutput;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.margins.TargetTransform;
import org.softmaxzoo.heads.spec.SpecException;
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
    private final List<LossTerm> regularizers;

    /** Collects the terms of a spec in order; each {@link Term} says where it goes. */
    public static final class Builder {
        private final LossHead head;
        private final String spec;
        private Whitening whitening;
        private final List<LossTerm> added = new ArrayList<>();

        public Builder(LossHead head, String spec) {
            this.head = head;
            this.spec = spec;
        }

        void whiten(Whitening w) {
            if (whitening != null) {
                throw new SpecException("whiten given twice in '" + spec + "'");
            }
            whitening = w;
        }

        void add(LossTerm term) {
            added.add(term);
        }

        public CompositeHead build() {
            return new CompositeHead(head, whitening, added);
        }
    }

    public CompositeHead(LossHead head, Whitening whitening, List<LossTerm> regularizers) {
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
        for (LossTerm r : regularizers) {
            loss = tf.math.add(loss, r.loss(tf, in, params));
        }
        // between epochs the head looks at the features as prediction sees them (running-whitened)
        return new HeadOutput(predicted.logits(), trained.lossLogits(), loss, predicted.epochHooks());
    }

    private static HeadInput withFeatures(HeadInput in, Operand<TFloat32> features) {
        return new HeadInput(features, in.labels(), in.oneHot(), in.numClasses(), in.featureDim());
    }

    /** The head's own target transform: the terms do not change the logits' form. */
    @Override
    public Optional<TargetTransform> target() {
        return head.target();
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
