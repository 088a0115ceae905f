package org.softmaxzoo.heads;

import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Ring loss: lambda / (2n) sum_i (||x_i|| - R)^2, a soft pull of every feature norm toward a radius R
 * that is learned (starting at 1) or fixed.
 * <p>Zheng, Pal and Savvides, "Ring loss: Convex Feature Normalization for Face Recognition", CVPR 2018.
 */
public final class RingLoss implements Regularizer {
    public static final String RADIUS = "ringloss/radius";
    private final float lambda;
    private final Scale radius;

    public RingLoss(float lambda, Scale radius) {
        this.lambda = lambda;
        this.radius = radius;
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> r = radius.learnable()
                ? params.trainable(RADIUS, Shape.scalar(), Initializer.constant(radius.value())) : tf.constant(radius.value());
        Operand<TFloat32> gap = tf.math.sub(Losses.norm(tf, in.features(), 1), r);
        return tf.math.mul(tf.constant(lambda / 2f), tf.math.mean(tf.math.square(gap), Losses.allAxes(tf, gap)));
    }

    @Override
    public String spec() {
        return "ringloss(lambda=" + SpecNumbers.format(lambda) + ",r=" + (radius.learnable() ? "learn" : SpecNumbers.format(radius.value())) + ")";
    }
}
