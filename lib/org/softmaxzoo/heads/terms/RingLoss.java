package org.softmaxzoo.heads.terms;

import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import java.util.List;
import java.util.Locale;
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
public final class RingLoss implements LossTerm {
    public static final Declaration<Term> DECLARATION = new Declaration<>("ringloss", List.of(),
            List.of(Param.positive("lambda", 0.01), Param.learnable("r", "learn"), Param.choice("form", "square", "abs")),
            new Declaration.About("none", "R (learned from 1, or fixed)", "none",
                    "lambda/2 mean (||x|| - R)^2, or (form=abs) lambda mean |..|", "Ring loss (Zheng et al. 2018)"),
            RingLoss::create);

    public static final String RADIUS = "ringloss/radius";
    /** The paper's squared distance, or the write-up's smoothed absolute one. */
    public enum Form { SQUARE, ABS }

    /** Keeps the absolute form's gradient finite at ||x|| = R. */
    static final float ABS_SMOOTHING = 1e-6f;

    private final float lambda;
    private final Scale radius;
    private final Form form;
    private final String spec;

    private RingLoss(float lambda, Scale radius, Form form, String spec) {
        this.lambda = lambda;
        this.radius = radius;
        this.form = form;
        this.spec = spec;
    }

    private static RingLoss create(SpecArgs a) {
        float lambda = (float) a.number("lambda");
        Scale r = Scale.of(a.learnable("r", null));
        return new RingLoss(lambda, r, Form.valueOf(a.choice("form").toUpperCase(Locale.ROOT)), a.spec());
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
        return spec;
    }
}
