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
 * that is learned (starting at 1) or fixed. {@link Form#ABS} is the reference write-up's variant,
 * lambda / n sum_i sqrt((||x_i|| - R)^2 + 1e-6): a smoothed absolute deviation, whose pull has size
 * lambda whatever the distance, where the paper's grows with it.
 * <p>Zheng, Pal and Savvides, "Ring loss: Convex Feature Normalization for Face Recognition", CVPR 2018.
 */
public final class RingLoss implements Regularizer {
    public static final String RADIUS = "ringloss/radius";
    /** The paper's squared distance, or the write-up's smoothed absolute one. */
    public enum Form { SQUARE, ABS }

    /** Keeps the absolute form's gradient finite at ||x|| = R. */
    static final float ABS_SMOOTHING = 1e-6f;

    private final float lambda;
    private final Scale radius;
    private final Form form;

    public RingLoss(float lambda, Scale radius) {
        this(lambda, radius, Form.SQUARE);
    }

    public RingLoss(float lambda, Scale radius, Form form) {
        this.lambda = lambda;
        this.radius = radius;
        this.form = form;
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> r = radius.learnable()
                ? params.trainable(RADIUS, Shape.scalar(), Initializer.constant(radius.value())) : tf.constant(radius.value());
        Operand<TFloat32> gap = tf.math.sub(Losses.norm(tf, in.features(), 1), r);
        Operand<TFloat32> squared = tf.math.square(gap);
        if (form == Form.ABS) {
            Operand<TFloat32> smoothed = tf.math.sqrt(tf.math.add(squared, tf.constant(ABS_SMOOTHING)));
            return tf.math.mul(tf.constant(lambda), tf.math.mean(smoothed, Losses.allAxes(tf, gap)));
        }
        return tf.math.mul(tf.constant(lambda / 2f), tf.math.mean(squared, Losses.allAxes(tf, gap)));
    }

    @Override
    public String spec() {
        return "ringloss(lambda=" + SpecNumbers.format(lambda) + ",r=" + (radius.learnable() ? "learn" : SpecNumbers.format(radius.value()))
                + (form == Form.ABS ? ",form=abs" : "") + ")";
    }
}
